import {
  Controller,
  Get,
  Inject,
  Module,
  Res,
  ServiceUnavailableException,
  type DynamicModule,
  type FactoryProvider,
  type Type,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { TimeoutError, withTimeout } from '../outbox/retry-timing';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem-details';
import { coalesced, publicReason, type ReadinessCheck } from './readiness-check';

/** How long one readiness check may take: generous, a loaded host answers slowly (ADR 0030). */
export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface HealthModuleOptions {
  /** The instance's dependencies, made once the app's providers exist (`inject`). */
  readonly readiness: Omit<FactoryProvider<readonly ReadinessCheck[]>, 'provide'>;
  /** Opens the routes to anyone: the app's own "no sign-in needed" decorator. */
  readonly open: ClassDecorator;
  readonly checkTimeoutMs?: number;
}

/** Every check's state, as both answers carry it. */
type Checks = Record<string, Record<string, unknown>>;

/**
 * GET /health/live, /health/ready and /health (= ready) for a service or the console, with
 * @nestjs/terminus (ADR 0030). Public, so each answer says only up/down per check and a short
 * reason; no address, message or stack.
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [healthController(options)],
      providers: [{ provide: READINESS_CHECKS, ...options.readiness }],
    };
  }
}

function healthController(options: HealthModuleOptions): Type<unknown> {
  const timeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;

  @ApiTags('health')
  @Controller('health')
  @options.open
  class HealthController {
    private readonly checks: readonly ReadinessCheck[];

    constructor(
      @Inject(HealthCheckService) private readonly terminus: HealthCheckService,
      @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
      @Inject(READINESS_CHECKS) checks: readonly ReadinessCheck[],
    ) {
      this.checks = checks.map(coalesced);
    }

    /** Alive: the process answers, so its event loop turns. Nothing else is asked. */
    @Get('live')
    live(@Res() response: Response): void {
      send(response, 200, 'application/json', { status: 'ok' });
    }

    /** Ready for traffic: every dependency answered in time. */
    @Get('ready')
    async ready(@Res() response: Response): Promise<void> {
      await this.answerReadiness(response, '/health/ready');
    }

    /** The address load balancers and scripts used before /health/ready existed. */
    @Get()
    async health(@Res() response: Response): Promise<void> {
      await this.answerReadiness(response, '/health');
    }

    private async answerReadiness(response: Response, instance: string): Promise<void> {
      const result = await this.readiness();
      const checks = (result.details ?? {}) as Checks;
      if (result.status === 'ok') {
        send(response, 200, 'application/json', { status: 'ok', checks });
        return;
      }
      const failed = Object.keys(result.error ?? {});
      const detail =
        result.status === 'shutting_down'
          ? 'The instance is shutting down.'
          : `Not ready: ${failed.join(', ')} ${failed.length === 1 ? 'is' : 'are'} down.`;
      send(response, 503, `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, {
        type: problemType('NOT_READY'),
        title: 'Service Unavailable',
        status: 503,
        detail,
        code: 'NOT_READY',
        instance,
        checks,
      });
    }

    /** Terminus runs the checks side by side and answers 503 (an exception) when one is down. */
    private async readiness(): Promise<HealthCheckResult> {
      try {
        return await this.terminus.check(this.checks.map((check) => () => this.indicate(check)));
      } catch (error) {
        if (error instanceof ServiceUnavailableException)
          return error.getResponse() as HealthCheckResult;
        throw error;
      }
    }

    private async indicate(check: ReadinessCheck): Promise<HealthIndicatorResult> {
      const indicator = this.indicators.check(check.name);
      try {
        const details = await withTimeout(check.run(), timeoutMs, check.name);
        return indicator.up({ ...details });
      } catch (error) {
        const reason =
          error instanceof TimeoutError ? `no answer within ${timeoutMs} ms` : publicReason(error);
        return indicator.down({ reason });
      }
    }
  }

  return HealthController;
}

function send(response: Response, status: number, contentType: string, body: object): void {
  // Probes must see the state now, never a cached answer.
  response
    .status(status)
    .set('Cache-Control', 'no-store')
    .set('Content-Type', contentType)
    .send(JSON.stringify(body));
}
