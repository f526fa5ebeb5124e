import { Module } from '@nestjs/common';
import { ConsoleServices } from '../services/console-services';
import { DashboardsApi } from './dashboards.api';
import { DashboardsController } from './dashboards.http.controller';

/** The dashboards: claims (officers, supervisors, auditors) and programs (operators, finance). */
@Module({
  providers: [
    {
      provide: DashboardsApi,
      inject: [ConsoleServices],
      useFactory: (services: ConsoleServices) =>
        new DashboardsApi(
          services.claims,
          services.payouts,
          services.contributions,
          services.enrollment,
        ),
    },
  ],
  controllers: [DashboardsController],
})
export class DashboardsPagesModule {}
