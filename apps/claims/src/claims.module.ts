import { eventPayloadSchemas } from '@santunan/contracts';
import { Module, type DynamicModule } from '@nestjs/common';
import {
  ServicePlatformModule,
  ServiceRuntime,
  simulationImports,
  type ServiceRuntimeOptions,
} from '@santunan/platform';
import { CheckDecisionHandler } from './check-decision/check-decision.handler';
import { CheckDecisionController } from './check-decision/check-decision.http.controller';
import { ClaimDetailController } from './claim-detail/claim-detail.http.controller';
import { ClaimsDashboardController } from './claims-dashboard/claims-dashboard.http.controller';
import { ClaimsDashboardReader } from './claims-dashboard/claims-dashboard.reader';
import { ClaimDetailReader } from './claim-detail/claim-detail.reader';
import { ClaimTimelineProjection } from './claim-detail/claim-timeline.projection';
import { ClaimFactsBuilder } from './shared/claim-facts.builder';
import { ClaimWorkflow } from './shared/claim-workflow';
import type { ClaimsConfig } from './config/claims-config';
import {
  CONTRIBUTIONS_FACTS_CONSUMER,
  ContributionsEventsKafkaController,
} from './coverage/contributions-events.kafka.controller';
import { CoverageFactsStore } from './coverage/coverage-facts.store';
import { ClaimsTables1764300000000 } from './database/claims-tables.migration';
import { claimsMetrics } from './metrics/claims.metrics';
import { DecideWorkAccidentHandler } from './decide-work-accident/decide-work-accident.handler';
import { DecideWorkAccidentController } from './decide-work-accident/decide-work-accident.http.controller';
import {
  ENROLLMENT_FACTS_CONSUMER,
  EnrollmentEventsKafkaController,
} from './participants/enrollment-events.kafka.controller';
import { ParticipantDirectory } from './participants/participant-directory';
import { ParticipantFactsReader } from './participants/participant-facts.reader';
import { ParticipantFactsStore } from './participants/participant-facts.store';
import { RecordReportedDeathHandler } from './participants/record-reported-death.handler';
import { ProposeDecisionHandler } from './propose-decision/propose-decision.handler';
import { ProposeDecisionController } from './propose-decision/propose-decision.http.controller';
import { ProposeRejectionHandler } from './propose-rejection/propose-rejection.handler';
import { ProposeRejectionController } from './propose-rejection/propose-rejection.http.controller';
import { ReassessPendingClaimHandler } from './reassess-pending-claim/reassess-pending-claim.handler';
import { RecordClaimDocumentHandler } from './record-claim-document/record-claim-document.handler';
import { RecordClaimDocumentController } from './record-claim-document/record-claim-document.http.controller';
import { CLAIMS_REJECTIONS } from './shared/claims-rejections';
import { RejectionReasonsController } from './rejection-reasons/rejection-reasons.http.controller';
import { ReopenClaimHandler } from './reopen-claim/reopen-claim.handler';
import { ReopenClaimController } from './reopen-claim/reopen-claim.http.controller';
import { ReportAccidentHandler } from './report-accident/report-accident.handler';
import { ReportAccidentController } from './report-accident/report-accident.http.controller';
import { RequestClaimDocumentsHandler } from './request-claim-documents/request-claim-documents.handler';
import { RequestClaimDocumentsController } from './request-claim-documents/request-claim-documents.http.controller';
import { ScholarshipApplicationHandler } from './scholarships/scholarship-application.handler';
import { ScholarshipApplicationController } from './scholarships/scholarship-application.http.controller';
import { SubmitJkkClaimHandler } from './submit-jkk-claim/submit-jkk-claim.handler';
import { SubmitJkkClaimController } from './submit-jkk-claim/submit-jkk-claim.http.controller';
import { SubmitJkmClaimHandler } from './submit-jkm-claim/submit-jkm-claim.handler';
import { SubmitJkmClaimController } from './submit-jkm-claim/submit-jkm-claim.http.controller';
import { WorkQueueController } from './work-queue/work-queue.http.controller';
import { WorkQueueProjection } from './work-queue/work-queue.projection';
import { WorkQueueReader } from './work-queue/work-queue.reader';

/**
 * The claims service's composition root. The runtime (database, event store, relay,
 * projections, consumer groups) comes from the platform module; the consumers' handlers are
 * the `*.kafka.controller.ts` classes, run by the Kafka transport (connectEventTransport).
 */
@Module({})
export class ClaimsModule {
  static forRoot(config: ClaimsConfig): DynamicModule {
    const settings = {
      calendar: config.calendar,
      makerCheckerThreshold: config.makerCheckerThreshold,
    };
    const coverage = new CoverageFactsStore();
    const workQueue = new WorkQueueProjection(config.calendar);
    const timeline = new ClaimTimelineProjection();
    const runtimeOptions: ServiceRuntimeOptions = {
      config: config.service,
      topic: config.eventsTopic,
      migrations: [ClaimsTables1764300000000],
      rejections: CLAIMS_REJECTIONS,
      projections: [workQueue, timeline],
      businessMetrics: claimsMetrics,
      // Every consumed payload is checked against its published schema first (ADR 0019).
      eventSchemas: eventPayloadSchemas,
      consumers: [
        {
          name: ENROLLMENT_FACTS_CONSUMER,
          topics: [config.enrollmentTopic],
          publishedBy: 'enrollment',
        },
        {
          name: CONTRIBUTIONS_FACTS_CONSUMER,
          topics: [config.contributionsTopic],
          publishedBy: 'contributions',
        },
      ],
      ...(config.clock === undefined ? {} : { clock: config.clock }),
    };
    return {
      module: ClaimsModule,
      imports: [ServicePlatformModule.forRoot(runtimeOptions), ...simulationImports(config.clock)],
      controllers: [
        ReportAccidentController,
        DecideWorkAccidentController,
        SubmitJkkClaimController,
        SubmitJkmClaimController,
        RecordClaimDocumentController,
        RequestClaimDocumentsController,
        ProposeDecisionController,
        ProposeRejectionController,
        CheckDecisionController,
        ReopenClaimController,
        ScholarshipApplicationController,
        WorkQueueController,
        ClaimsDashboardController,
        // Before ClaimDetailController: `GET /claims/rejection-reasons` is no claim id.
        RejectionReasonsController,
        ClaimDetailController,
        EnrollmentEventsKafkaController,
        ContributionsEventsKafkaController,
      ],
      providers: [
        // One handler per use case (ADR 0023), on the shared write side (ClaimWorkflow).
        ReportAccidentHandler,
        DecideWorkAccidentHandler,
        SubmitJkkClaimHandler,
        SubmitJkmClaimHandler,
        RecordClaimDocumentHandler,
        RequestClaimDocumentsHandler,
        ProposeDecisionHandler,
        ProposeRejectionHandler,
        CheckDecisionHandler,
        ReopenClaimHandler,
        ScholarshipApplicationHandler,
        ReassessPendingClaimHandler,
        RecordReportedDeathHandler,
        { provide: CoverageFactsStore, useValue: coverage },
        ParticipantFactsStore,
        { provide: WorkQueueProjection, useValue: workQueue },
        { provide: ClaimTimelineProjection, useValue: timeline },
        {
          provide: ClaimWorkflow,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new ClaimWorkflow(runtime, settings),
        },
        {
          provide: ParticipantFactsReader,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new ParticipantFactsReader(runtime.cipher),
        },
        {
          provide: ParticipantDirectory,
          inject: [ParticipantFactsReader, ServiceRuntime],
          useFactory: (reader: ParticipantFactsReader, runtime: ServiceRuntime) =>
            new ParticipantDirectory(reader, runtime.database),
        },
        {
          provide: ClaimFactsBuilder,
          inject: [ClaimWorkflow, ParticipantFactsReader],
          useFactory: (workflow: ClaimWorkflow, participants: ParticipantFactsReader) =>
            new ClaimFactsBuilder(workflow, participants, coverage),
        },
        {
          provide: WorkQueueReader,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new WorkQueueReader(runtime.database),
        },
        {
          provide: ClaimsDashboardReader,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new ClaimsDashboardReader(runtime.database),
        },
        {
          provide: ClaimDetailReader,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) =>
            new ClaimDetailReader(runtime.database, runtime.cipher),
        },
      ],
    };
  }
}
