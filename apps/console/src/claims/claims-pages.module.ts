import { Module } from '@nestjs/common';
import { ClaimsApi } from '../services/claims.api';
import { ConsoleServices } from '../services/console-services';
import { ContributionsApi, EnrollmentApi, PayoutsApi } from '../services/participants.api';
import { ClaimDetailController } from './claim-detail.http.controller';
import { IntakeController } from './intake.http.controller';
import { WorkQueueController } from './work-queue.http.controller';

/** The claims office's pages: queue, intake, claim detail and decisions. */
@Module({
  providers: [
    {
      provide: ClaimsApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) => new ClaimsApi(services.claims),
    },
    {
      provide: EnrollmentApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) => new EnrollmentApi(services.enrollment),
    },
    {
      provide: ContributionsApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) => new ContributionsApi(services.contributions),
    },
    {
      provide: PayoutsApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) => new PayoutsApi(services.payouts),
    },
  ],
  controllers: [WorkQueueController, ClaimDetailController, IntakeController],
})
export class ClaimsPagesModule {}
