import { eventPayloadSchemas } from '@santunan/contracts';
import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import type {
  ContributionAccountState,
  ContributionPolicy,
  SponsorProgramState,
} from '@santunan/contributions-domain';
import {
  ServicePlatformModule,
  EventStore,
  FoldedStateCache,
  ServiceRuntime,
  simulationImports,
  type Clock,
  type IdGenerator,
  type ServiceRuntimeOptions,
} from '@santunan/platform';
import {
  DEFAULT_CONTRIBUTIONS_SETTINGS,
  type ContributionsConfig,
} from './config/contributions-config';
import { ContributionsServices } from './contributions.services';
import { CoverageViewController } from './coverage-view/coverage-view.http.controller';
import { CoverageViewProjection } from './coverage-view/coverage-view.projection';
import { CoverageViewReader } from './coverage-view/coverage-view.reader';
import { ContributionsTables1764300000000 } from './database/contributions-tables.migration';
import { contributionsMetrics } from './metrics/contributions.metrics';
import { EnrolParticipantHandler } from './enrol-participant/enrol-participant.handler';
import { EnrolParticipantController } from './enrol-participant/enrol-participant.http.controller';
import { OpenContributionAccountHandler } from './open-contribution-account/open-contribution-account.handler';
import { OpenContributionAccountKafkaController } from './open-contribution-account/open-contribution-account.kafka.controller';
import { OpenSponsorProgramHandler } from './open-sponsor-program/open-sponsor-program.handler';
import { OpenSponsorProgramController } from './open-sponsor-program/open-sponsor-program.http.controller';
import { PaySelfContributionHandler } from './pay-self-contribution/pay-self-contribution.handler';
import { PaySelfContributionController } from './pay-self-contribution/pay-self-contribution.http.controller';
import { ProgramOverviewController } from './program-overview/program-overview.http.controller';
import { ProgramOverviewReader } from './program-overview/program-overview.reader';
import { ProgramDashboardController } from './program-dashboard/program-dashboard.http.controller';
import { ProgramDashboardReader } from './program-dashboard/program-dashboard.reader';
import { ProgramReportController } from './program-report/program-report.http.controller';
import { ProgramReportProjection } from './program-report/program-report.projection';
import { ProgramReportReader } from './program-report/program-report.reader';
import { RecordDeathHandler } from './record-death/record-death.handler';
import { RecordDeathKafkaController } from './record-death/record-death.kafka.controller';
import { RecordDeclaredIncomeHandler } from './record-declared-income/record-declared-income.handler';
import { RecordDeclaredIncomeKafkaController } from './record-declared-income/record-declared-income.kafka.controller';
import { RecordSponsorPaymentHandler } from './record-sponsor-payment/record-sponsor-payment.handler';
import { RecordSponsorPaymentController } from './record-sponsor-payment/record-sponsor-payment.http.controller';
import { SchedulerHandler } from './scheduler/scheduler.handler';
import { SchedulerController } from './scheduler/scheduler.http.controller';
import { SchedulerJob } from './scheduler/scheduler.job';
import { AccountRegistry } from './shared/account-registry';
import { CONTRIBUTION_ACCOUNT_STREAM, SPONSOR_PROGRAM_STREAM } from './shared/contribution-streams';
import { ContributionAccounts } from './shared/contribution-accounts';
import { ContributionsContext } from './shared/contributions-context';
import { CONTRIBUTIONS_REJECTIONS } from './shared/contributions-rejections';
import { PaymentReferences } from './shared/payment-references';
import { ProgramAccess } from './shared/program-access';
import { ProgramRegistry } from './shared/program-registry';
import { SessionLeaderLock } from './shared/session-leader-lock';
import { CONTRIBUTIONS_CONFIG, SERVICE_IDS } from './shared/service-tokens';
import { SponsorPrograms } from './shared/sponsor-programs';
import { SponsorStatementController } from './sponsor-statement/sponsor-statement.http.controller';
import { SponsorStatementReader } from './sponsor-statement/sponsor-statement.reader';
import { SponsorshipProcessManager } from './sponsorship-process/sponsorship.process-manager';
import { StoreSubscription } from './sponsorship-process/store-subscription';

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
    businessMetrics: contributionsMetrics,
    consumers: [
      {
        name: ENROLLMENT_CONSUMER,
        topics: [config.enrollmentTopic],
        publishedBy: 'enrollment',
      },
      {
        name: CLAIMS_DEATHS_CONSUMER,
        topics: [config.claimsTopic],
        publishedBy: 'claims',
      },
    ],
    clock: options.clock,
    ids: options.ids,
  };
}

/** Starts the service's own workers once the app is up; stops them before the runtime closes. */
@Injectable()
class ContributionsWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(StoreSubscription) private readonly sponsorshipSubscription: StoreSubscription,
    @Inject(SchedulerJob) private readonly schedulerJob: SchedulerJob,
  ) {}

  onApplicationBootstrap(): void {
    this.sponsorshipSubscription.start();
    this.schedulerJob.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.schedulerJob.stop();
    await this.sponsorshipSubscription.stop();
  }
}

/** A provider built from the runtime (and other providers): what needs the database or a cache. */
const fromRuntime = <T>(
  provide: abstract new (...args: never[]) => T,
  build: (runtime: ServiceRuntime, ...others: never[]) => T,
  others: readonly InjectionToken[] = [],
): Provider => ({ provide, inject: [ServiceRuntime, ...others], useFactory: build });

/**
 * The write side, the registries and the readers on the platform's runtime. Programs and
 * accounts run on the platform's repository (ADR 0021), program folds cached (a program holds
 * every enrolment); account streams grow by a few events a month, so a monthly run over every
 * account reads only what each gained since its cached fold (checked against the stored hash).
 */
function writeSideAndReaders(options: ContributionsModuleOptions): Provider[] {
  const { config } = options;
  return [
    { provide: CONTRIBUTIONS_CONFIG, useValue: config },
    {
      provide: SERVICE_IDS,
      inject: [ServiceRuntime],
      useFactory: (r: ServiceRuntime) => r.ids,
    },
    fromRuntime(ContributionsContext, (r) => new ContributionsContext(r.clock, options.policy)),
    fromRuntime(
      SponsorPrograms,
      (r, context: ContributionsContext) =>
        new SponsorPrograms(
          r.repository(SPONSOR_PROGRAM_STREAM),
          context,
          new FoldedStateCache<SponsorProgramState>(config.programCacheSize),
        ),
      [ContributionsContext],
    ),
    fromRuntime(
      ContributionAccounts,
      (r, context: ContributionsContext) =>
        new ContributionAccounts(
          r.repository(CONTRIBUTION_ACCOUNT_STREAM),
          context,
          new FoldedStateCache<ContributionAccountState>(
            config.accountCacheSize ?? DEFAULT_CONTRIBUTIONS_SETTINGS.accountCacheSize,
          ),
        ),
      [ContributionsContext],
    ),
    fromRuntime(ProgramRegistry, (r) => new ProgramRegistry(r.database)),
    fromRuntime(ProgramDashboardReader, (r) => new ProgramDashboardReader(r.database)),
    fromRuntime(AccountRegistry, (r) => new AccountRegistry(r.database)),
    fromRuntime(PaymentReferences, (r) => new PaymentReferences(r.database)),
    fromRuntime(CoverageViewReader, (r) => new CoverageViewReader(r.database, r.clock)),
    fromRuntime(ProgramReportReader, (r) => new ProgramReportReader(r.database)),
    fromRuntime(
      SponsorStatementReader,
      (r, programs: SponsorPrograms) => new SponsorStatementReader(r.database, programs),
      [SponsorPrograms],
    ),
    fromRuntime(
      ProgramOverviewReader,
      (r, programs: SponsorPrograms, context: ContributionsContext) =>
        new ProgramOverviewReader(r.database, programs, context),
      [SponsorPrograms, ContributionsContext],
    ),
  ];
}

/** The sponsorship process (on the service's own events) and the scheduler's interval job. */
function workers(options: ContributionsModuleOptions): Provider[] {
  const { config } = options;
  return [
    fromRuntime(
      SponsorshipProcessManager,
      (
        r,
        programs: SponsorPrograms,
        accounts: ContributionAccounts,
        context: ContributionsContext,
      ) =>
        new SponsorshipProcessManager(
          r.database,
          programs,
          accounts,
          context,
          { chunkSize: config.batchSize, concurrency: config.batchConcurrency },
          r.logger.child({ component: 'sponsorship-process' }),
        ),
      [SponsorPrograms, ContributionAccounts, ContributionsContext],
    ),
    fromRuntime(
      StoreSubscription,
      (r, process: SponsorshipProcessManager) =>
        new StoreSubscription({
          database: r.database,
          databaseUrl: config.service.databaseUrl,
          store: r.store,
          subscriber: process,
          logger: r.logger,
        }),
      [SponsorshipProcessManager],
    ),
    fromRuntime(
      SchedulerJob,
      (r, scheduler: SchedulerHandler) =>
        new SchedulerJob(
          scheduler,
          new SessionLeaderLock(config.service.databaseUrl, 'contributions:scheduler'),
          r.clock,
          config.schedulerIntervalMs,
          r.logger.child({ component: 'scheduler' }),
        ),
      [SchedulerHandler],
    ),
    ContributionsWorkers,
  ];
}

/**
 * The contributions service's composition root. The runtime (database, event store, relay,
 * projections, consumer groups) comes from the platform module; each use case's handler is a
 * provider its HTTP or Kafka controller (`*.kafka.controller.ts`, run by the Kafka transport,
 * connectEventTransport) calls.
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
        ProgramDashboardController,
        SponsorStatementController,
        ProgramOverviewController,
        RecordSponsorPaymentController,
        PaySelfContributionController,
        CoverageViewController,
        SchedulerController,
        OpenContributionAccountKafkaController,
        RecordDeclaredIncomeKafkaController,
        RecordDeathKafkaController,
      ],
      providers: [
        ...writeSideAndReaders(options),
        ProgramAccess,
        OpenSponsorProgramHandler,
        EnrolParticipantHandler,
        RecordSponsorPaymentHandler,
        PaySelfContributionHandler,
        SchedulerHandler,
        OpenContributionAccountHandler,
        RecordDeclaredIncomeHandler,
        RecordDeathHandler,
        ...workers(options),
        ContributionsServices,
      ],
    };
  }
}
