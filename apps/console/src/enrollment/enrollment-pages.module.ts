import { Module } from '@nestjs/common';
import type { ConsoleConfig } from '../config/console-config';
import { CONSOLE_CONFIG } from '../console-core.module';
import { ConsoleServices } from '../services/console-services';
import { EnrollmentOfficeApi } from './enrollment-office.api';
import { EnrollmentParticipantsController } from './participants.http.controller';

/** The enrollment officers' pages: participants and their forms. */
@Module({
  providers: [
    {
      provide: EnrollmentOfficeApi,
      inject: [ConsoleServices, CONSOLE_CONFIG],
      useFactory: (services: ConsoleServices, config: ConsoleConfig) =>
        new EnrollmentOfficeApi(
          services.enrollment,
          services.contributions,
          config.services.enrollment,
        ),
    },
  ],
  controllers: [EnrollmentParticipantsController],
})
export class EnrollmentPagesModule {}
