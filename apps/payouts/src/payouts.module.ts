import { eventPayloadSchemas } from '@santunan/contracts';
import { Module, type DynamicModule } from '@nestjs/common';
import {
  ServicePlatformModule,
  simulationImports,
  type ServiceRuntimeOptions,
} from '@santunan/platform';
import { CancelPayoutHandler } from './cancel-payout/cancel-payout.handler';
import { CancelPayoutController } from './cancel-payout/cancel-payout.http.controller';
import type { PayoutsConfig } from './config/payouts-config';
import { BankBatchLifecycle1765152000000 } from './database/bank-batch-lifecycle.migration';
import { PayoutsTables1764400000000 } from './database/payouts-tables.migration';
import { payoutsMetrics } from './metrics/payouts.metrics';
import {
  AUTO_BATCH_INTERVAL_MS,
  AUTO_BATCH_MODE,
  AutoBatchScheduler,
} from './prepare-batch/auto-batch.scheduler';
import { BankFileReader } from './prepare-batch/bank-file.reader';
import { PrepareBatchHandler } from './prepare-batch/prepare-batch.handler';
import { PayoutBatchController } from './prepare-batch/payout-batch.http.controller';
import { MarkBatchInstructedHandler } from './mark-batch-instructed/mark-batch-instructed.handler';
import { MarkBatchInstructedController } from './mark-batch-instructed/mark-batch-instructed.http.controller';
import { ParticipantRegionsHandler } from './participant-regions/participant-regions.handler';
import { ParticipantRegionsKafkaController } from './participant-regions/participant-regions.kafka.controller';
import { PayoutStatisticsController } from './payout-statistics/payout-statistics.http.controller';
import { PayoutStatisticsReader } from './payout-statistics/payout-statistics.reader';
import { PayoutViewController } from './payout-view/payout-view.http.controller';
import { PayoutViewProjection } from './payout-view/payout-view.projection';
import { PayoutViewReader } from './payout-view/payout-view.reader';
import { ReconciliationController } from './reconciliation/reconciliation.http.controller';
import { ReconciliationProjection } from './reconciliation/reconciliation.projection';
import { ReconciliationReader } from './reconciliation/reconciliation.reader';
import { RecordSettlementHandler } from './record-settlement/record-settlement.handler';
import { decodeSettlementReport } from './record-settlement/settlement-report.decoder';
import { SettlementReportsKafkaController } from './record-settlement/settlement-reports.kafka.controller';
import { SettlementController } from './record-settlement/settlement.http.controller';
import { ReissuePayoutHandler } from './reissue-payout/reissue-payout.handler';
import { ReissuePayoutController } from './reissue-payout/reissue-payout.http.controller';
import { ClaimsDecisionsKafkaController } from './schedule-payouts/claims-decisions.kafka.controller';
import { SchedulePayoutsHandler } from './schedule-payouts/schedule-payouts.handler';
import { PayoutStreams } from './shared/payout-streams.repository';
import { PAYOUTS_REJECTIONS } from './shared/payouts-rejections';

/**
 * The payouts service's composition root. The runtime (database, event store, relay,
 * projections, consumer groups) comes from the platform module; each use case is a handler
 * (a provider) behind thin HTTP and Kafka controllers, the Kafka ones run by the transport
 * (connectEventTransport). The projections are values here: the runtime runs them and the
 * handlers and readers that wait for them get the same instances.
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
      migrations: [PayoutsTables1764400000000, BankBatchLifecycle1765152000000],
      projections: [projections.payoutView, projections.reconciliation],
      // Every consumed payload is checked against its published schema first (ADR 0019).
      eventSchemas: eventPayloadSchemas,
      // Domain rejections answered over HTTP from one table (ADR 0023).
      rejections: PAYOUTS_REJECTIONS,
      businessMetrics: payoutsMetrics,
      consumers: [
        {
          name: config.consumers.claimsDecisions,
          topics: [config.claimsTopic],
          publishedBy: 'claims',
        },
        {
          name: config.consumers.settlementReports,
          topics: [config.settlementsTopic],
          decode: decodeSettlementReport,
        },
        {
          name: config.consumers.enrollmentRegions,
          topics: [config.enrollmentTopic],
          publishedBy: 'enrollment',
        },
      ],
      ...(config.clock === undefined ? {} : { clock: config.clock }),
    };
    return {
      module: PayoutsModule,
      imports: [ServicePlatformModule.forRoot(runtimeOptions), ...simulationImports(config.clock)],
      controllers: [
        PayoutViewController,
        PayoutStatisticsController,
        PayoutBatchController,
        MarkBatchInstructedController,
        SettlementController,
        ReissuePayoutController,
        CancelPayoutController,
        ReconciliationController,
        ClaimsDecisionsKafkaController,
        SettlementReportsKafkaController,
        ParticipantRegionsKafkaController,
      ],
      providers: [
        { provide: PayoutViewProjection, useValue: projections.payoutView },
        { provide: ReconciliationProjection, useValue: projections.reconciliation },
        PayoutStreams,
        SchedulePayoutsHandler,
        PrepareBatchHandler,
        MarkBatchInstructedHandler,
        RecordSettlementHandler,
        ReissuePayoutHandler,
        CancelPayoutHandler,
        ParticipantRegionsHandler,
        PayoutViewReader,
        PayoutStatisticsReader,
        ReconciliationReader,
        BankFileReader,
        { provide: AUTO_BATCH_INTERVAL_MS, useValue: config.autoBatchIntervalMs },
        { provide: AUTO_BATCH_MODE, useValue: config.autoBatchMode ?? 'host-to-host' },
        AutoBatchScheduler,
      ],
    };
  }
}
