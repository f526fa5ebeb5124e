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
  ServiceRuntime,
  simulationImports,
  type Clock,
  type EventStore,
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
import { enrollmentEventHandlers } from './enrollment-events/enrollment-events.handler';
import { OpenSponsorProgramController } from './open-sponsor-program/open-sponsor-program.http.controller';
import { PaySelfContributionController } from './pay-self-contribution/pay-self-contribution.http.controller';
import { ProgramReportController } from './program-report/program-report.http.controller';
import { ProgramReportProjection } from './program-report/program-report.projection';
import { ProgramReportReader } from './program-report/program-report.reader';
import { deathRecordedHandlers } from './record-death/death-recorded.handler';
import { RecordSponsorPaymentController } from './record-sponsor-payment/record-sponsor-payment.http.controller';
import { ContributionScheduler } from './scheduler/contribution-scheduler';
import { SchedulerController } from './scheduler/scheduler.http.controller';
import { ContributionAccounts } from './shared/contribution-accounts';
import { LateBound } from './shared/late-bound';
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
  services: LateBound<ContributionsServices>,
  store: LateBound<EventStore>,
): ServiceRuntimeOptions {
  const { config } = options;
  return {
    config: config.service,
    topic: config.eventsTopic,
    migrations: [ContributionsTables1764300000000],
    projections: [
      new CoverageViewProjection(store, config.coverageCacheSize),
      new ProgramReportProjection(),
    ],
    consumers: [
      {
        name: ENROLLMENT_CONSUMER,
        topics: [config.enrollmentTopic],
        handlers: enrollmentEventHandlers(services),
      },
      {
        name: CLAIMS_DEATHS_CONSUMER,
        topics: [config.claimsTopic],
        handlers: deathRecordedHandlers(services),
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
 * projections, consumers) comes from the platform module; the projections and consumers are
 * handed to it before the services exist, hence the late-bound values they wait for.
 */
@Module({})
export class ContributionsModule {
  static forRoot(options: ContributionsModuleOptions): DynamicModule {
    const servicesReady = new LateBound<ContributionsServices>();
    const storeReady = new LateBound<EventStore>();
    return {
      module: ContributionsModule,
      imports: [
        ServicePlatformModule.forRoot(
          contributionsRuntimeOptions(options, servicesReady, storeReady),
        ),
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
      ],
      providers: [
        {
          provide: ContributionsServices,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => {
            storeReady.bind(runtime.store);
            return servicesReady.bind(
              new ContributionsServices(runtime, options.config, options.policy),
            );
          },
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
