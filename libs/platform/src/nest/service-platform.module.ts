import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { AuthModule } from '../auth/auth.module';
import { REJECTION_ANSWERS } from '../http/domain-rejections';
import { ProblemDetailsModule } from '../http/problem-details.module';
import { DEFAULT_CHECK_TIMEOUT_MS, HealthModule } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ServiceMetrics } from '../metrics/service-metrics';
import { createLogger } from '../observability/logger';
import { ObservabilityModule } from '../observability/observability.module';
import { ServiceRuntime, type ServiceRuntimeOptions } from '../service/service-runtime';
import { serviceReadinessChecks } from './service-readiness';

@Injectable()
class RuntimeShutdown implements OnApplicationShutdown {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/**
 * What every service's root module imports: the runtime (database, event store, relay,
 * projections, consumers), JWT auth on every route unless @Public(), problem details for
 * every error (a decider's rejection answered from the service's table), GET /health/live and
 * /health/ready (ADR 0030), and GET /metrics behind the scrape token with every request timed
 * (ADR 0029).
 */
@Module({})
export class ServicePlatformModule {
  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    // One logger per app: its HTTP edge, runtime, consumers and handlers write through it.
    const logger =
      options.logger ?? createLogger(options.config.serviceName, options.config.logging);
    // One registry per app: what the runtime's workers count is what its /metrics shows.
    const metrics = options.metrics ?? new ServiceMetrics(logger);
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot(logger),
        AuthModule.forRoot(options.config.auth),
        ProblemDetailsModule,
        HealthModule.forRoot({
          open: Public(),
          readiness: {
            useFactory: (runtime: ServiceRuntime) =>
              serviceReadinessChecks(runtime, DEFAULT_CHECK_TIMEOUT_MS),
            inject: [ServiceRuntime],
          },
        }),
        MetricsModule.forRoot({ metrics, scrapeToken: options.config.metricsScrapeToken }),
      ],
      providers: [
        {
          provide: ServiceRuntime,
          useFactory: () => ServiceRuntime.start({ ...options, metrics, logger }),
        },
        { provide: REJECTION_ANSWERS, useValue: options.rejections ?? null },
        RuntimeShutdown,
      ],
      exports: [ServiceRuntime, REJECTION_ANSWERS],
    };
  }
}
