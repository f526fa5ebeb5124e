import type { IsoMonth } from '@santunan/contracts';
import type { ContributionAccountCommand } from '@santunan/contributions-domain';
import { Inject, Injectable } from '@nestjs/common';
import {
  ServiceRuntime,
  type Actor,
  type Clock,
  type CommandResult,
  type PlatformDatabase,
} from '@santunan/platform';
import type { ContributionsConfig } from '../config/contributions-config';
import { AccountRegistry } from '../shared/account-registry';
import { ContributionAccounts } from '../shared/contribution-accounts';
import { runInParallel } from '../shared/parallel';
import { CONTRIBUTIONS_CONFIG } from '../shared/service-tokens';
import { ProgramRegistry } from '../shared/program-registry';
import { SponsorPrograms } from '../shared/sponsor-programs';

export const SCHEDULER_TASKS = ['issue-statements', 'bill', 'close-month'] as const;
export type SchedulerTask = (typeof SCHEDULER_TASKS)[number];

export interface SchedulerRun {
  readonly task: SchedulerTask;
  readonly month: IsoMonth;
  /** Programs (statements) or accounts (billing, closing) the command was sent to. */
  readonly processed: number;
  /** Those that recorded something. */
  readonly changed: number;
  /** Those that had nothing to do (already billed, nothing owed, closed before…). */
  readonly unchanged: number;
  /** Refusals by reason code. */
  readonly rejected: Readonly<Record<string, number>>;
  readonly startedAt: string;
  readonly completedAt: string;
}

export interface SchedulerOptions {
  /** Accounts per transaction. */
  readonly pageSize: number;
  /** Transactions in flight at once. */
  readonly concurrency: number;
}

const ACCOUNT_COMMANDS: Readonly<
  Record<
    Exclude<SchedulerTask, 'issue-statements'>,
    (month: IsoMonth) => ContributionAccountCommand
  >
> = {
  bill: (month) => ({ type: 'BillContributionMonth', month }),
  'close-month': (month) => ({ type: 'CloseContributionMonth', month }),
};

class Tally {
  processed = 0;
  changed = 0;
  readonly rejected: Record<string, number> = {};

  count(result: CommandResult<unknown>): void {
    this.processed += 1;
    if (!result.ok)
      this.rejected[result.rejection.code] = (this.rejected[result.rejection.code] ?? 0) + 1;
    else if (result.events.length > 0) this.changed += 1;
  }

  get refusals(): number {
    return Object.values(this.rejected).reduce((sum, count) => sum + count, 0);
  }
}

/**
 * Time passing, as commands: a month's statement to every program covering it, a month's
 * bill to every account, a month's close to every account. Every command is idempotent in the
 * domain (a month billed, issued or closed again changes nothing), so a run may be repeated,
 * interrupted and run again. Accounts go in pages, one transaction per page.
 */
@Injectable()
export class SchedulerHandler {
  private readonly database: PlatformDatabase;
  private readonly clock: Clock;
  private readonly options: SchedulerOptions;

  constructor(
    @Inject(ServiceRuntime) runtime: ServiceRuntime,
    @Inject(SponsorPrograms) private readonly programs: SponsorPrograms,
    @Inject(ContributionAccounts) private readonly accounts: ContributionAccounts,
    @Inject(ProgramRegistry) private readonly programRegistry: ProgramRegistry,
    @Inject(AccountRegistry) private readonly accountRegistry: AccountRegistry,
    @Inject(CONTRIBUTIONS_CONFIG) config: ContributionsConfig,
  ) {
    this.database = runtime.database;
    this.clock = runtime.clock;
    this.options = { pageSize: config.batchSize, concurrency: config.batchConcurrency };
  }

  async run(
    task: SchedulerTask,
    month: IsoMonth,
    actor: Actor,
    correlationId: string,
  ): Promise<SchedulerRun> {
    const startedAt = this.clock.now();
    const tally =
      task === 'issue-statements'
        ? await this.issueStatements(month, actor, correlationId)
        : await this.overAccounts(ACCOUNT_COMMANDS[task](month), actor, correlationId);
    const run: SchedulerRun = {
      task,
      month,
      processed: tally.processed,
      changed: tally.changed,
      unchanged: tally.processed - tally.changed - tally.refusals,
      rejected: tally.rejected,
      startedAt,
      completedAt: this.clock.now(),
    };
    // A run every account refused (a month not ended yet) did not happen: it may run later.
    if (tally.processed > 0 && tally.refusals === tally.processed) return run;
    await this.database.query(
      `insert into scheduler_runs (task, month, started_at, completed_at, summary) values ($1, $2, $3, $4, $5)
       on conflict (task, month) do update set started_at = excluded.started_at,
         completed_at = excluded.completed_at, summary = excluded.summary`,
      [task, month, run.startedAt, run.completedAt, JSON.stringify(run)],
    );
    return run;
  }

  /** Whether a run of `task` for `month` has completed (the interval job runs each once). */
  async hasRun(task: SchedulerTask, month: IsoMonth): Promise<boolean> {
    const rows = await this.database.query(
      'select 1 from scheduler_runs where task = $1 and month = $2',
      [task, month],
    );
    return rows.length > 0;
  }

  private async issueStatements(
    month: IsoMonth,
    actor: Actor,
    correlationId: string,
  ): Promise<Tally> {
    const tally = new Tally();
    for (const program of await this.programRegistry.covering(month)) {
      tally.count(
        await this.programs.handle(
          program.programId,
          { type: 'IssueSponsorStatement', month },
          { actor, correlationId },
        ),
      );
    }
    return tally;
  }

  private async overAccounts(
    command: ContributionAccountCommand,
    actor: Actor,
    correlationId: string,
  ): Promise<Tally> {
    const pages: string[][] = [];
    for (
      let page = await this.accountRegistry.page(null, this.options.pageSize);
      page.length > 0;
      page = await this.accountRegistry.page(page[page.length - 1] ?? null, this.options.pageSize)
    ) {
      pages.push(page);
    }
    const tally = new Tally();
    await runInParallel(pages, this.options.concurrency, async (participantIds) => {
      const results = await this.accounts.handleMany(
        participantIds.map((participantId) =>
          this.accounts.request(participantId, command, { actor, correlationId }),
        ),
      );
      for (const result of results) tally.count(result);
    });
    return tally;
  }
}
