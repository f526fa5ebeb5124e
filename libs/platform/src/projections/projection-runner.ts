import type { PlatformDatabase } from '../database/platform-database';
import type { EventStore } from '../event-store/event-store';
import { START_OF_STORE, type StorePosition } from '../event-store/store-position';
import { advisoryLockKey } from '../outbox/advisory-lock-key';
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  InterruptibleSleeper,
  type BackoffPolicy,
} from '../outbox/retry-timing';
import { defaultLogger, errorFields, type PlatformLogger } from '../observability/logger';
import { readCheckpoint, writeCheckpoint } from './checkpoints';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  readonly database: PlatformDatabase;
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  /** Events applied per transaction. */
  readonly batchSize?: number;
  readonly idlePollMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly logger?: PlatformLogger;
}

type RunnerState = 'idle' | 'running' | 'stopping' | 'stopped';

/**
 * Feeds projections from the event store behind the transaction horizon (EventStore.readAll).
 * Each batch is applied in one transaction with the checkpoint it reaches, under a
 * per-projection transaction lock, so several replicas may run the same projection safely.
 */
export class ProjectionRunner {
  private state: RunnerState = 'idle';
  private loop: Promise<void> = Promise.resolve();
  private readonly sleeper = new InterruptibleSleeper();
  private readonly logger: PlatformLogger;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.logger = (options.logger ?? defaultLogger()).child({ component: 'projection-runner' });
  }

  /** Keeps every projection up to date until stop(). */
  start(): void {
    if (this.state !== 'idle') throw new Error('projection runner was already started');
    this.state = 'running';
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    this.sleeper.wakeAll();
    await this.loop;
  }

  /** Applies everything behind the horizon now; returns how many events were read. */
  async catchUp(projection: Projection): Promise<number> {
    // Every event committed before this call, not only those below the snapshot horizon: a
    // transaction still in flight anywhere on the server holds readAll back (ADR 0004), and a
    // read after a write must see the write. So an empty batch ends it only once the
    // checkpoint has reached the last event committed when it began.
    const target = await this.options.store.lastPosition(this.options.database);
    let total = 0;
    for (;;) {
      const batch = await this.applyBatch(projection);
      total += batch.read;
      if (batch.read > 0) continue;
      if (target === undefined || !isBefore(batch.checkpoint, target)) return total;
      await new Promise((resolve) => setTimeout(resolve, this.options.idlePollMs ?? 100));
    }
  }

  /** Empties the read model, rewinds its checkpoint to the start, and replays every event. */
  async rebuild(projection: Projection): Promise<number> {
    await this.options.database.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1::bigint)', [lockKeyOf(projection)]);
      await projection.reset(tx);
      await writeCheckpoint(tx, projection.name, START_OF_STORE);
    });
    return this.catchUp(projection);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.state === 'running') {
      try {
        let read = 0;
        for (const projection of this.options.projections)
          read += (await this.applyBatch(projection)).read;
        failures = 0;
        if (read === 0) await this.sleeper.sleep(this.options.idlePollMs ?? 100);
      } catch (error) {
        failures += 1;
        this.logger.warn(
          { attempt: failures, ...errorFields(error) },
          'projection runner: batch failed, retrying',
        );
        await this.sleeper.sleep(backoffDelay(this.options.backoff ?? DEFAULT_BACKOFF, failures));
      }
    }
    this.state = 'stopped';
  }

  /** One transaction: the next events after the checkpoint, applied, and the checkpoint moved past them. */
  private applyBatch(
    projection: Projection,
  ): Promise<{ readonly read: number; readonly checkpoint: StorePosition }> {
    return this.options.database.transaction(async (tx) => {
      // A transaction-level advisory lock assigns no transaction id, so it does not hold
      // back the horizon that the read below depends on.
      await tx.query('select pg_advisory_xact_lock($1::bigint)', [lockKeyOf(projection)]);
      const after = await readCheckpoint(tx, projection.name);
      const page = await this.options.store.readAll(tx, {
        after,
        limit: this.options.batchSize ?? 200,
      });
      const last = page[page.length - 1];
      if (last === undefined) return { read: 0, checkpoint: after };
      const handled = page.map(({ event }) => event).filter(({ type }) => projection.handles(type));
      if (projection.applyBatch) {
        if (handled.length > 0) await projection.applyBatch(tx, handled);
      } else {
        for (const event of handled) await projection.apply(tx, event);
      }
      await writeCheckpoint(tx, projection.name, last.position);
      return { read: page.length, checkpoint: last.position };
    });
  }
}

function lockKeyOf(projection: Projection): string {
  return advisoryLockKey(`santunan:projection:${projection.name}`);
}

/** Whether `a` comes before `b` in readAll's (transaction id, global position) order. */
function isBefore(a: StorePosition, b: StorePosition): boolean {
  const [aTx, bTx] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return aTx < bTx || (aTx === bTx && BigInt(a.globalPosition) < BigInt(b.globalPosition));
}
