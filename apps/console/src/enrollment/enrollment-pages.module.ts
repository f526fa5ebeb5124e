import { Module } from '@nestjs/common';
import { ConsoleServices } from '../services/console-services';
import { EnrollmentOfficeApi } from './enrollment-office.api';
import { EnrollmentParticipantsController } from './participants.http.controller';

/** The enrollment officers' pages: participants and their forms. */
@Module({
  providers: [
    {
      provide: EnrollmentOfficeApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) =>
        new EnrollmentOfficeApi(services.enrollment, services.contributions),
    },
  ],
  controllers: [EnrollmentParticipantsController],
})
export class EnrollmentPagesModule {}
