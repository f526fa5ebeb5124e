import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AuthModule } from '../auth/auth.module';
import { REJECTION_ANSWERS } from '../http/domain-rejections';
import { ProblemDetailsModule } from '../http/problem-details.module';
import { ServiceRuntime, type ServiceRuntimeOptions } from '../service/service-runtime';

@Injectable()
class RuntimeShutdown implements OnApplicationShutdown {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The service, its database and its relay are up.' })
  async health(): Promise<{
    status: 'ok';
    service: string;
    relay: 'leader' | 'follower';
    checkedAt: string;
  }> {
    await this.runtime.database.query('select 1');
    return {
      status: 'ok',
      service: this.runtime.options.config.serviceName,
      relay: this.runtime.relayIsLeader ? 'leader' : 'follower',
      checkedAt: this.runtime.clock.now(),
    };
  }
}

/**
 * What every service's root module imports: the runtime (database, event store, relay,
 * projections, consumers), JWT auth on every route unless @Public(), problem details for
 * every error (a decider's rejection answered from the service's table), and GET /health.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [AuthModule.forRoot(options.config.auth), ProblemDetailsModule],
      controllers: [HealthController],
      providers: [
        { provide: ServiceRuntime, useFactory: () => ServiceRuntime.start(options) },
        { provide: REJECTION_ANSWERS, useValue: options.rejections ?? null },
        RuntimeShutdown,
      ],
      exports: [ServiceRuntime, REJECTION_ANSWERS],
    };
  }
}
