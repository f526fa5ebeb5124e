import type {
  ContributionAccountState,
  ContributionPolicy,
  SponsorProgramState,
} from '@santunan/contributions-domain';
import { FoldedStateCache, type ServiceRuntime } from '@santunan/platform';
import {
  DEFAULT_CONTRIBUTIONS_SETTINGS,
  type ContributionsConfig,
} from './config/contributions-config';
import { CoverageViewReader } from './coverage-view/coverage-view.reader';
import { ParticipantEnrolment } from './enrol-participant/participant-enrolment';
import { SessionLeaderLock } from './event-sourcing/session-leader-lock';
import { StoreSubscription } from './event-sourcing/store-subscription';
import { ProgramReportReader } from './program-report/program-report.reader';
import { ParticipantDeath } from './record-death/participant-death';
import { ContributionScheduler } from './scheduler/contribution-scheduler';
import { SchedulerJob } from './scheduler/scheduler.job';
import { AccountRegistry } from './shared/account-registry';
import { ContributionAccounts } from './shared/contribution-accounts';
import { CONTRIBUTION_ACCOUNT_STREAM, SPONSOR_PROGRAM_STREAM } from './shared/contribution-streams';
import { ContributionsContext } from './shared/contributions-context';
import { PaymentReferences } from './shared/payment-references';
import { ProgramAccess } from './shared/program-access';
import { ProgramRegistry } from './shared/program-registry';
import { SponsorPrograms } from './shared/sponsor-programs';
import { SponsorStatementReader } from './sponsor-statement/sponsor-statement.reader';
import { SponsorshipProcessManager } from './sponsorship-process/sponsorship.process-manager';

/**
 * Everything the service runs on top of the platform's runtime, wired once: the write side
 * (programs with their cached folded state, accounts), the indexes committed with them, the
 * use cases the HTTP controllers and the consumers share, the readers, and the workers (the
 * sponsorship process and the scheduler job). Framework-free, so the benchmark runs it too.
 */
export class ContributionsServices {
  readonly context: ContributionsContext;
  readonly programs: SponsorPrograms;
  readonly accounts: ContributionAccounts;
  readonly programRegistry: ProgramRegistry;
  readonly accountRegistry: AccountRegistry;
  readonly paymentReferences: PaymentReferences;
  readonly access: ProgramAccess;
  readonly enrolment: ParticipantEnrolment;
  readonly death: ParticipantDeath;
  readonly scheduler: ContributionScheduler;
  readonly schedulerJob: SchedulerJob;
  readonly sponsorshipProcess: SponsorshipProcessManager;
  readonly sponsorshipSubscription: StoreSubscription;
  readonly coverage: CoverageViewReader;
  readonly reports: ProgramReportReader;
  readonly statements: SponsorStatementReader;

  constructor(
    readonly runtime: ServiceRuntime,
    readonly config: ContributionsConfig,
    policy?: ContributionPolicy,
  ) {
    const { database, store, clock } = runtime;
    this.context = new ContributionsContext(clock, policy);
    // The platform's write path, with program folds cached (a program holds every enrolment).
    this.programs = new SponsorPrograms(
      runtime.repository(SPONSOR_PROGRAM_STREAM),
      this.context,
      new FoldedStateCache<SponsorProgramState>(config.programCacheSize),
    );
    // Account streams grow by a few events a month; a monthly run over every account reads
    // only what each gained since its cached fold (checked against the stored hash).
    this.accounts = new ContributionAccounts(
      runtime.repository(CONTRIBUTION_ACCOUNT_STREAM),
      this.context,
      new FoldedStateCache<ContributionAccountState>(
        config.accountCacheSize ?? DEFAULT_CONTRIBUTIONS_SETTINGS.accountCacheSize,
      ),
    );
    this.programRegistry = new ProgramRegistry(database);
    this.accountRegistry = new AccountRegistry(database);
    this.paymentReferences = new PaymentReferences(database);
    this.access = new ProgramAccess(this.programRegistry);
    this.enrolment = new ParticipantEnrolment(this.programs, this.accounts, this.context);
    this.death = new ParticipantDeath(this.accounts, this.programs);
    const batch = { pageSize: config.batchSize, concurrency: config.batchConcurrency };
    this.scheduler = new ContributionScheduler(
      database,
      this.programs,
      this.accounts,
      this.programRegistry,
      this.accountRegistry,
      clock,
      batch,
    );
    this.schedulerJob = new SchedulerJob(
      this.scheduler,
      new SessionLeaderLock(config.service.databaseUrl, 'contributions:scheduler'),
      clock,
      config.schedulerIntervalMs,
    );
    this.sponsorshipProcess = new SponsorshipProcessManager(
      database,
      this.programs,
      this.accounts,
      this.context,
      { chunkSize: config.batchSize, concurrency: config.batchConcurrency },
    );
    this.sponsorshipSubscription = new StoreSubscription({
      database,
      databaseUrl: config.service.databaseUrl,
      store,
      subscriber: this.sponsorshipProcess,
    });
    this.coverage = new CoverageViewReader(database, clock);
    this.reports = new ProgramReportReader(database);
    this.statements = new SponsorStatementReader(database, this.programs);
  }

  /** The workers beside the runtime's own (relay, projections, consumers). */
  startWorkers(): void {
    this.sponsorshipSubscription.start();
    this.schedulerJob.start();
  }

  async stopWorkers(): Promise<void> {
    await this.schedulerJob.stop();
    await this.sponsorshipSubscription.stop();
  }
}
