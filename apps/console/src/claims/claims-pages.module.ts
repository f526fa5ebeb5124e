import { Module } from '@nestjs/common';
import { ClaimsApi } from '../services/claims.api';
import { ConsoleServices } from '../services/console-services';
import { WorkQueueController } from './work-queue.http.controller';

/** The claims office's pages: queue, intake, claim detail and decisions. */
@Module({
  providers: [
    {
      provide: ClaimsApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) => new ClaimsApi(services.claims),
    },
  ],
  controllers: [WorkQueueController],
})
export class ClaimsPagesModule {}
