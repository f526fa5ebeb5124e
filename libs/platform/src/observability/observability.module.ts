import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { requestObservability } from './http-logging';
import type { PlatformLogger } from './logger';
import { flushTracing } from './trace-context';

/** The process's (service's, console's) pino logger: `@Inject(PLATFORM_LOGGER)`. */
export const PLATFORM_LOGGER = Symbol('santunan.platform-logger');

@Injectable()
class TraceFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}

/**
 * Logs and traces at an app's HTTP edge: the app's logger as PLATFORM_LOGGER and as
 * nestjs-pino's (so `app.useLogger(app.get(Logger))` sends Nest's own messages through it),
 * and a line and a span per request (http-logging.ts). Spans still buffered are exported when
 * the app shuts down.
 */
@Module({})
export class ObservabilityModule implements NestModule {
  constructor(@Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger) {}

  static forRoot(logger: PlatformLogger): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      // useExisting: the request middleware is ours (configure), nestjs-pino only binds it.
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true })],
      providers: [{ provide: PLATFORM_LOGGER, useValue: logger }, TraceFlush],
      exports: [PLATFORM_LOGGER, LoggerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestObservability(this.logger)).forRoutes('{*path}');
  }
}
