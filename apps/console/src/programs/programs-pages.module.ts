import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CONSOLE_CONFIG } from '../console-core.module';
import type { ConsoleConfig } from '../config/console-config';
import { ConsoleServices } from '../services/console-services';
import { EnrolmentUploadsApi, ProgramsApi } from './programs.api';
import { ProgramsController } from './programs.http.controller';
import { readUpload } from './upload.middleware';

/** The sponsor operators' pages: programs, bulk enrolment, sponsor payments. */
@Module({
  providers: [
    {
      provide: ProgramsApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) => new ProgramsApi(services.contributions),
    },
    {
      provide: EnrolmentUploadsApi,
      inject: [ConsoleServices, CONSOLE_CONFIG],
      useFactory: (services: ConsoleServices, config: ConsoleConfig) =>
        new EnrolmentUploadsApi(services.enrollment, config.services.enrollment),
    },
  ],
  controllers: [ProgramsController],
})
export class ProgramsPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(readUpload)
      .forRoutes({ path: 'programs/:programId/enrolment-uploads', method: RequestMethod.POST });
  }
}
