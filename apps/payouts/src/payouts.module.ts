import { Module, type DynamicModule } from '@nestjs/common';
import {
  ServicePlatformModule,
  ServiceRuntime,
  simulationImports,
  type ServiceRuntimeOptions,
} from '@santunan/platform';
import { CancelPayoutController } from './cancel-payout/cancel-payout.http.controller';
import type { PayoutsConfig } from './config/payouts-config';
import { PayoutsTables1764400000000 } from './database/payouts-tables.migration';
import { PAYOUTS_SERVICES } from './http/services.provider';
import { AUTO_BATCH_INTERVAL_MS, AutoBatchScheduler } from './instruct-batch/auto-batch.scheduler';
import { PayoutBatchController } from './instruct-batch/payout-batch.http.controller';
import { participantRegionHandlers } from './participant-regions/participant-regions.handler';
import { PayoutViewController } from './payout-view/payout-view.http.controller';
import { PayoutViewProjection } from './payout-view/payout-view.projection';
import { LateBound } from './payouts/late-bound';
import { PayoutsServices } from './payouts/payouts-services';
import { ReconciliationController } from './reconciliation/reconciliation.http.controller';
import { ReconciliationProjection } from './reconciliation/reconciliation.projection';
import { decodeSettlementReport } from './record-settlement/settlement-report.decoder';
import { settlementReportHandlers } from './record-settlement/settlement-reports.handler';
import { SettlementController } from './record-settlement/settlement.http.controller';
import { ReissuePayoutController } from './reissue-payout/reissue-payout.http.controller';
import { claimsDecisionHandlers } from './schedule-payouts/claims-decisions.handler';

/**
 * The payouts service's composition root. The runtime (database, event store, relay,
 * projections, consumers) comes from the platform module; the consumers are handed to it
 * before it exists, hence the late-bound services they wait for.
 */
@Module({})
export class PayoutsModule {
  static forRoot(config: PayoutsConfig): DynamicModule {
    const projections = {
      payoutView: new PayoutViewProjection(),
      reconciliation: new ReconciliationProjection(),
    };
    const services = new LateBound<PayoutsServices>();
    const runtimeOptions: ServiceRuntimeOptions = {
      config: config.service,
      topic: config.eventsTopic,
      migrations: [PayoutsTables1764400000000],
      projections: [projections.payoutView, projections.reconciliation],
      consumers: [
        {
          name: config.consumers.claimsDecisions,
          topics: [config.claimsTopic],
          handlers: claimsDecisionHandlers(services),
        },
        {
          name: config.consumers.settlementReports,
          topics: [config.settlementsTopic],
          handlers: settlementReportHandlers(services),
          decode: decodeSettlementReport,
        },
        {
          name: config.consumers.enrollmentRegions,
          topics: [config.enrollmentTopic],
          handlers: participantRegionHandlers(),
        },
      ],
      ...(config.clock === undefined ? {} : { clock: config.clock }),
    };
    return {
      module: PayoutsModule,
      imports: [ServicePlatformModule.forRoot(runtimeOptions), ...simulationImports(config.clock)],
      controllers: [
        PayoutViewController,
        PayoutBatchController,
        SettlementController,
        ReissuePayoutController,
        CancelPayoutController,
        ReconciliationController,
      ],
      providers: [
        {
          provide: PAYOUTS_SERVICES,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) =>
            services.bind(new PayoutsServices(runtime, projections)),
        },
        { provide: AUTO_BATCH_INTERVAL_MS, useValue: config.autoBatchIntervalMs },
        AutoBatchScheduler,
      ],
      exports: [PAYOUTS_SERVICES],
    };
  }
}
