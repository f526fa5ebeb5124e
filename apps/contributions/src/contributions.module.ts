import { eventPayloadSchemas } from '@santunan/contracts';
import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { ContributionPolicy } from '@santunan/contributions-domain';
import {
  ServicePlatformModule,
  EventStore,
  ServiceRuntime,
  simulationImports,
  type Clock,
  type IdGenerator,
  type ServiceRuntimeOptions,
} from '@santunan/platform';
import type { ContributionsConfig } from './config/contributions-config';
import { ContributionsServices } from './contributions.services';
import { CoverageViewController } from './coverage-view/coverage-view.http.controller';
import { CoverageViewProjection } from './coverage-view/coverage-view.projection';
import { CoverageViewReader } from './coverage-view/coverage-view.reader';
import { ContributionsTables1764300000000 } from './database/contributions-tables.migration';
import { EnrolParticipantController } from './enrol-participant/enrol-participant.http.controller';
import { ParticipantEnrolment } from './enrol-participant/participant-enrolment';
import { EnrollmentEventsKafkaController } from './enrollment-events/enrollment-events.kafka.controller';
import { OpenSponsorProgramController } from './open-sponsor-program/open-sponsor-program.http.controller';
import { PaySelfContributionController } from './pay-self-contribution/pay-self-contribution.http.controller';
import { ProgramReportController } from './program-report/program-report.http.controller';
import { ProgramReportProjection } from './program-report/program-report.projection';
import { ProgramReportReader } from './program-report/program-report.reader';
import { DeathRecordedKafkaController } from './record-death/death-recorded.kafka.controller';
import { RecordSponsorPaymentController } from './record-sponsor-payment/record-sponsor-payment.http.controller';
import { ContributionScheduler } from './scheduler/contribution-scheduler';
import { SchedulerController } from './scheduler/scheduler.http.controller';
import { ContributionAccounts } from './shared/contribution-accounts';
import { CONTRIBUTIONS_REJECTIONS } from './shared/contributions-rejections';
import { PaymentReferences } from './shared/payment-references';
import { ProgramAccess } from './shared/program-access';
import { ProgramRegistry } from './shared/program-registry';
import { SERVICE_IDS } from './shared/service-tokens';
import { SponsorPrograms } from './shared/sponsor-programs';
import { SponsorStatementController } from './sponsor-statement/sponsor-statement.http.controller';
import { SponsorStatementReader } from './sponsor-statement/sponsor-statement.reader';

/** Stable: they name the consumer groups and their inbox rows. */
export const ENROLLMENT_CONSUMER = 'enrollment-participants';
export const CLAIMS_DEATHS_CONSUMER = 'claims-deaths';

export interface ContributionsModuleOptions {
  readonly config: ContributionsConfig;
  /** The system clock unless a test, a replay or a simulation (SimulatedClock) sets it. */
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly policy?: ContributionPolicy;
}

/** The runtime options of the service: what the platform runs for contributions. */
export function contributionsRuntimeOptions(
  options: ContributionsModuleOptions,
): ServiceRuntimeOptions {
  const { config } = options;
  return {
    config: config.service,
    topic: config.eventsTopic,
    migrations: [ContributionsTables1764300000000],
    projections: [
      // Reads account streams back; a store needs no topic routing to read.
      new CoverageViewProjection(
        new EventStore({ topicFor: () => null }),
        config.coverageCacheSize,
      ),
      new ProgramReportProjection(),
    ],
    // Every consumed payload is checked against its published schema first (ADR 0019).
    eventSchemas: eventPayloadSchemas,
    // The deciders' rejections answered over HTTP (DomainRejectedError from accepted()).
    rejections: CONTRIBUTIONS_REJECTIONS,
    consumers: [
      {
        name: ENROLLMENT_CONSUMER,
        topics: [config.enrollmentTopic],
      },
      {
        name: CLAIMS_DEATHS_CONSUMER,
        topics: [config.claimsTopic],
      },
    ],
    clock: options.clock,
    ids: options.ids,
  };
}

/** Starts the service's own workers once the app is up; stops them before the runtime closes. */
@Injectable()
class ContributionsWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(ContributionsServices) private readonly services: ContributionsServices) {}

  onApplicationBootstrap(): void {
    this.services.startWorkers();
  }

  async onModuleDestroy(): Promise<void> {
    await this.services.stopWorkers();
  }
}

const fromServices = <T>(
  provide: abstract new (...args: never[]) => T,
  pick: (s: ContributionsServices) => T,
) => ({
  provide,
  inject: [ContributionsServices],
  useFactory: pick,
});

/**
 * The contributions service's composition root. The runtime (database, event store, relay,
 * projections, consumer groups) comes from the platform module; the consumers' handlers are
 * the `*.kafka.controller.ts` classes, run by the Kafka transport (connectEventTransport).
 */
@Module({})
export class ContributionsModule {
  static forRoot(options: ContributionsModuleOptions): DynamicModule {
    return {
      module: ContributionsModule,
      imports: [
        ServicePlatformModule.forRoot(contributionsRuntimeOptions(options)),
        ...simulationImports(options.clock),
      ],
      controllers: [
        OpenSponsorProgramController,
        EnrolParticipantController,
        ProgramReportController,
        SponsorStatementController,
        RecordSponsorPaymentController,
        PaySelfContributionController,
        CoverageViewController,
        SchedulerController,
        EnrollmentEventsKafkaController,
        DeathRecordedKafkaController,
      ],
      providers: [
        {
          provide: ContributionsServices,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) =>
            new ContributionsServices(runtime, options.config, options.policy),
        },
        fromServices(SponsorPrograms, (s) => s.programs),
        fromServices(ContributionAccounts, (s) => s.accounts),
        fromServices(ProgramRegistry, (s) => s.programRegistry),
        fromServices(PaymentReferences, (s) => s.paymentReferences),
        fromServices(ProgramAccess, (s) => s.access),
        fromServices(ParticipantEnrolment, (s) => s.enrolment),
        fromServices(ContributionScheduler, (s) => s.scheduler),
        fromServices(CoverageViewReader, (s) => s.coverage),
        fromServices(ProgramReportReader, (s) => s.reports),
        fromServices(SponsorStatementReader, (s) => s.statements),
        {
          provide: SERVICE_IDS,
          inject: [ServiceRuntime],
          useFactory: (r: ServiceRuntime) => r.ids,
        },
        ContributionsWorkers,
      ],
    };
  }
}
