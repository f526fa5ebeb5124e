import { type MiddlewareConsumer, Module, RequestMethod, type NestModule } from '@nestjs/common';
import { CONSOLE_CONFIG } from '../console-core.module';
import type { ConsoleConfig } from '../config/console-config';
import { ConsoleServices } from '../services/console-services';
import { FinanceBatchesController } from './batches.http.controller';
import { FinanceApi } from './finance.api';
import { FinancePayoutsController } from './payouts.http.controller';
import { FinanceReconciliationController } from './reconciliation.http.controller';
import { FinanceSettlementsController } from './settlements.http.controller';
import { settlementUploadMiddleware } from './settlement-upload.middleware';

/** The finance officers' pages: payouts, bank batches, settlements, reissues, reconciliation. */
@Module({
  providers: [
    {
      provide: FinanceApi,
      inject: [ConsoleServices, CONSOLE_CONFIG],
      useFactory: (services: ConsoleServices, config: ConsoleConfig) =>
        new FinanceApi(services.payouts, config.services.payouts),
    },
  ],
  controllers: [
    FinancePayoutsController,
    FinanceBatchesController,
    FinanceSettlementsController,
    FinanceReconciliationController,
  ],
})
export class FinancePagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The settlement file is multipart: read before the page guard checks the CSRF field.
    consumer
      .apply(settlementUploadMiddleware)
      .forRoutes({ path: 'finance/settlements', method: RequestMethod.POST });
  }
}
