import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  Res,
  UseGuards,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem.exception';
import { carriesScrapeToken } from './scrape-token';
import { ServiceMetrics } from './service-metrics';

const SCRAPE_TOKEN = Symbol('santunan:metrics-scrape-token');

export interface MetricsModuleOptions {
  readonly metrics: ServiceMetrics;
  /** Undefined: every scrape is refused (no token configured). */
  readonly scrapeToken: string | undefined;
}

function scrapeRefused(): ProblemException {
  return new ProblemException(
    401,
    'METRICS_SCRAPE_TOKEN_REFUSED',
    'Scrape token required',
    'GET /metrics needs "Authorization: Bearer <scrape token>" (METRICS_SCRAPE_TOKEN).',
    {},
    { headers: { 'WWW-Authenticate': 'Bearer realm="santunan-metrics"' } },
  );
}

/** Lets a scrape through only with the configured scrape token (ADR 0029). */
@Injectable()
class ScrapeTokenGuard implements CanActivate {
  constructor(@Inject(SCRAPE_TOKEN) private readonly token: string | undefined) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    const header = request.headers['authorization'];
    if (!carriesScrapeToken(typeof header === 'string' ? header : undefined, this.token))
      throw scrapeRefused();
    return true;
  }
}

interface ScrapeResponse {
  setHeader(name: string, value: string): void;
}

/**
 * `GET /metrics` for Prometheus. Not a user's API: no access token (`@Public()` lets it past the
 * JWT guard), the scrape token instead, and left out of the OpenAPI document.
 */
@ApiExcludeController()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  @Public()
  @UseGuards(ScrapeTokenGuard)
  @Get()
  async scrape(@Res({ passthrough: true }) response: ScrapeResponse): Promise<string> {
    const { contentType, body } = await this.metrics.exposition();
    response.setHeader('Content-Type', contentType);
    return body;
  }
}

interface TimedRequest {
  readonly method: string;
  readonly baseUrl?: string;
  /** Express's matched route; its path is the template (`/claims/:claimId`), never the URL. */
  readonly route?: { readonly path?: unknown };
}

interface TimedResponse {
  readonly statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): void;
}

/** Times every request to the end of its response, labelled by route template and status. */
@Injectable()
class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  use(request: TimedRequest, response: TimedResponse, next: () => void): void {
    const stop = this.metrics.httpRequestDuration.startTimer();
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const template = request.route?.path;
      stop({
        method: request.method,
        // Unrouted requests (404s, scans) share one label: their URLs are unbounded. Such a
        // request's last route is a middleware's catch-all (`/{*path}`), no controller's.
        route:
          typeof template === 'string' && !template.includes('*')
            ? `${request.baseUrl ?? ''}${template}`
            : 'unmatched',
        status_code: String(response.statusCode),
      });
    };
    response.once('finish', record);
    response.once('close', record);
    next();
  }
}

/**
 * `/metrics` behind the scrape token, and HTTP request durations for every route of the app.
 * ServicePlatformModule imports it for the services; the console imports it on its own.
 */
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: ServiceMetrics, useValue: options.metrics },
        { provide: SCRAPE_TOKEN, useValue: options.scrapeToken },
        ScrapeTokenGuard,
        HttpMetricsMiddleware,
      ],
      exports: [ServiceMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
