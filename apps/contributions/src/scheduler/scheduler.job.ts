import { randomUUID } from 'node:crypto';
import { addMonths, monthOf } from '@santunan/domain-kernel';
import {
  defaultLogger,
  errorFields,
  type Actor,
  type Clock,
  type PlatformLogger,
} from '@santunan/platform';
import type { SessionLeaderLock } from '../shared/session-leader-lock';
import type { SchedulerHandler, SchedulerRun } from './scheduler.handler';

export const SCHEDULER_ACTOR: Actor = { id: 'contributions.scheduler', kind: 'system' };

/**
 * The interval job: on every tick, this month's statements (programs are few, and one opened
 * mid-month gets its statement at once); once a month, this month's bills and the close of
 * the month before. Only the replica holding the scheduler lock ticks. Accounts opened after
 * the month's billing run are billed when their membership starts (registration, sponsorship
 * process), so the bill run need not be repeated.
 */
export class SchedulerJob {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<SchedulerRun[]> | undefined;
  private readonly logger: PlatformLogger;

  constructor(
    private readonly scheduler: SchedulerHandler,
    private readonly leader: SessionLeaderLock,
    private readonly clock: Clock,
    private readonly intervalMs: number | null,
    logger?: PlatformLogger,
  ) {
    this.logger = logger ?? defaultLogger();
  }

  start(): void {
    if (this.intervalMs === null || this.timer) return;
    const tick = (): void => {
      this.tick().catch((error: unknown) =>
        this.logger.warn(errorFields(error), 'scheduler tick failed'),
      );
    };
    this.timer = setInterval(tick, this.intervalMs);
    tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking?.catch(() => undefined);
    await this.leader.release();
  }

  /** One tick (also what tests call with a fixed clock); one at a time per process. */
  tick(): Promise<SchedulerRun[]> {
    this.ticking ??= this.runDue().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async runDue(): Promise<SchedulerRun[]> {
    if (!(await this.leader.tryAcquire())) return [];
    const month = monthOf(this.clock.today());
    const correlationId = randomUUID();
    const runs = [
      await this.scheduler.run('issue-statements', month, SCHEDULER_ACTOR, correlationId),
    ];
    if (!(await this.scheduler.hasRun('bill', month))) {
      runs.push(await this.scheduler.run('bill', month, SCHEDULER_ACTOR, correlationId));
    }
    const previous = addMonths(month, -1);
    if (!(await this.scheduler.hasRun('close-month', previous))) {
      runs.push(await this.scheduler.run('close-month', previous, SCHEDULER_ACTOR, correlationId));
    }
    for (const run of runs) {
      if (run.changed > 0 || Object.keys(run.rejected).length > 0) {
        this.logger.info({ run }, `scheduler ${run.task} ${run.month}`);
      }
    }
    return runs;
  }
}
