import { Inject, Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@santunan/platform';
import { SchedulerHandler } from './scheduler/scheduler.handler';
import { SchedulerJob } from './scheduler/scheduler.job';
import { AccountRegistry } from './shared/account-registry';
import { ContributionAccounts } from './shared/contribution-accounts';
import { ContributionsContext } from './shared/contributions-context';
import { ProgramRegistry } from './shared/program-registry';
import { SponsorPrograms } from './shared/sponsor-programs';
import { StoreSubscription } from './sponsorship-process/store-subscription';

/**
 * What the benchmarks (tools/bench) and the service's tests drive directly, taken from the
 * module's providers (`app.get(ContributionsServices)`): the runtime, the write side (programs
 * with their cached folds, accounts), the registries written with them, the scheduler and its
 * interval job, and the sponsorship process's subscription. The service itself injects each
 * provider where it is needed; nothing in it uses this class.
 */
@Injectable()
export class ContributionsServices {
  constructor(
    @Inject(ServiceRuntime) readonly runtime: ServiceRuntime,
    @Inject(ContributionsContext) readonly context: ContributionsContext,
    @Inject(SponsorPrograms) readonly programs: SponsorPrograms,
    @Inject(ContributionAccounts) readonly accounts: ContributionAccounts,
    @Inject(ProgramRegistry) readonly programRegistry: ProgramRegistry,
    @Inject(AccountRegistry) readonly accountRegistry: AccountRegistry,
    @Inject(SchedulerHandler) readonly scheduler: SchedulerHandler,
    @Inject(SchedulerJob) readonly schedulerJob: SchedulerJob,
    @Inject(StoreSubscription) readonly sponsorshipSubscription: StoreSubscription,
  ) {}
}
