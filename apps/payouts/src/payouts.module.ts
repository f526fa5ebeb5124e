import { eventPayloadSchemas } from '@santunan/contracts';
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
import { ParticipantRegionsKafkaController } from './participant-regions/participant-regions.kafka.controller';
import { PayoutViewController } from './payout-view/payout-view.http.controller';
import { PayoutViewProjection } from './payout-view/payout-view.projection';
import { PayoutsServices } from './payouts/payouts-services';
import { ReconciliationController } from './reconciliation/reconciliation.http.controller';
import { ReconciliationProjection } from './reconciliation/reconciliation.projection';
import { PAYOUTS_REJECTIONS } from './shared/payouts-rejections';
import { decodeSettlementReport } from './record-settlement/settlement-report.decoder';
import { SettlementReportsKafkaController } from './record-settlement/settlement-reports.kafka.controller';
import { SettlementController } from './record-settlement/settlement.http.controller';
import { ReissuePayoutController } from './reissue-payout/reissue-payout.http.controller';
import { ClaimsDecisionsKafkaController } from './schedule-payouts/claims-decisions.kafka.controller';

/**
 * The payouts service's composition root. The runtime (database, event store, relay,
 * projections, consumer groups) comes from the platform module; the consumers' handlers are
 * the `*.kafka.controller.ts` classes, run by the Kafka transport (connectEventTransport).
 */
@Module({})
export class PayoutsModule {
  static forRoot(config: PayoutsConfig): DynamicModule {
    const projections = {
      payoutView: new PayoutViewProjection(),
      reconciliation: new ReconciliationProjection(),
    };
    const runtimeOptions: ServiceRuntimeOptions = {
      config: config.service,
      topic: config.eventsTopic,
      migrations: [PayoutsTables1764400000000],
      projections: [projections.payoutView, projections.reconciliation],
      // Every consumed payload is checked against its published schema first (ADR 0019).
      eventSchemas: eventPayloadSchemas,
      // Domain rejections answered over HTTP from one table (ADR 0023).
      rejections: PAYOUTS_REJECTIONS,
      consumers: [
        {
          name: config.consumers.claimsDecisions,
          topics: [config.claimsTopic],
        },
        {
          name: config.consumers.settlementReports,
          topics: [config.settlementsTopic],
          decode: decodeSettlementReport,
        },
        {
          name: config.consumers.enrollmentRegions,
          topics: [config.enrollmentTopic],
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
        ClaimsDecisionsKafkaController,
        SettlementReportsKafkaController,
        ParticipantRegionsKafkaController,
      ],
      providers: [
        {
          provide: PAYOUTS_SERVICES,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new PayoutsServices(runtime, projections),
        },
        { provide: AUTO_BATCH_INTERVAL_MS, useValue: config.autoBatchIntervalMs },
        AutoBatchScheduler,
      ],
      exports: [PAYOUTS_SERVICES],
    };
  }
}
