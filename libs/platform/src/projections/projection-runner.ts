import type { PlatformDatabase, Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import type { EventStore } from '../event-store/event-store';
import {
  START_OF_STORE,
  comparePositions,
  type PositionedEvent,
  type StorePosition,
} from '../event-store/store-position';
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
  /**
   * Events applied per transaction while following the store (start, catchUp; default 200).
   * A runner that fills its page is behind, so it doubles its page, up to rebuildBatchSize,
   * until it has caught up (ADR 0032).
   */
  readonly batchSize?: number;
  /**
   * Events applied per transaction while rebuilding (default 2,000): a model mid-rebuild is
   * partial anyway, so larger pages only cut the per-page cost (transaction, lock, checkpoint,
   * one read and the projections' batched writes) without making anyone wait longer.
   */
  readonly rebuildBatchSize?: number;
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
  catchUp(projection: Projection): Promise<number> {
    return this.catchUpTogether([projection], this.options.batchSize ?? DEFAULT_BATCH);
  }

  /** Empties the read model, rewinds its checkpoint to the start, and replays every event. */
  rebuild(projection: Projection): Promise<number> {
    return this.rebuildTogether([projection]);
  }

  /**
   * Rebuilds several projections of this store in one pass over its events: each page is read
   * once and handed to every projection, in one transaction with all their checkpoints (under
   * all their locks), so the events are read and parsed once instead of once per projection.
   * Returns how many events were read.
   */
  async rebuildTogether(projections: readonly Projection[]): Promise<number> {
    const together = distinct(projections);
    if (together.length === 0) return 0;
    await this.options.database.transaction(async (tx) => {
      await lockAll(tx, together);
      for (const projection of together) {
        await projection.reset(tx);
        await writeCheckpoint(tx, projection.name, START_OF_STORE);
      }
    });
    return this.catchUpTogether(together, this.options.rebuildBatchSize ?? DEFAULT_REBUILD_BATCH);
  }

  private async catchUpTogether(
    projections: readonly Projection[],
    batchSize: number,
  ): Promise<number> {
    // Every event committed before this call, not only those below the snapshot horizon: a
    // transaction still in flight anywhere on the server holds readAll back (ADR 0004), and a
    // read after a write must see the write. So an empty batch ends it only once the
    // checkpoint has reached the last event committed when it began.
    const target = await this.options.store.lastPosition(this.options.database);
    let total = 0;
    for (;;) {
      const batch = await this.applyBatch(projections, batchSize);
      total += batch.read;
      if (batch.read > 0) continue;
      if (target === undefined || !isBefore(batch.checkpoint, target)) return total;
      await new Promise((resolve) => setTimeout(resolve, this.options.idlePollMs ?? 100));
    }
  }

  /**
   * Follows all projections together: each page is read and parsed once for all of them (as
   * rebuildTogether does), in one transaction with their checkpoints.
   */
  private async run(): Promise<void> {
    const projections = distinct(this.options.projections);
    const smallest = this.options.batchSize ?? DEFAULT_BATCH;
    const largest = Math.max(smallest, this.options.rebuildBatchSize ?? DEFAULT_REBUILD_BATCH);
    let pageSize = smallest;
    let failures = 0;
    while (this.state === 'running' && projections.length > 0) {
      try {
        const { read } = await this.applyBatch(projections, pageSize);
        failures = 0;
        // A full page means more is waiting: larger pages cut the per-page cost while behind.
        pageSize = read >= pageSize ? Math.min(pageSize * 2, largest) : smallest;
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

  /**
   * One transaction: the next events after the projections' checkpoints, applied, and each
   * checkpoint moved past them. The page starts at the earliest checkpoint; a projection
   * whose checkpoint is further on (another replica moved it) gets only the events after it.
   */
  private applyBatch(
    projections: readonly Projection[],
    batchSize: number,
  ): Promise<{ readonly read: number; readonly checkpoint: StorePosition }> {
    return this.options.database.transaction(async (tx) => {
      await lockAll(tx, projections);
      const checkpoints = await Promise.all(
        projections.map((projection) => readCheckpoint(tx, projection.name)),
      );
      const after = checkpoints.reduce((earliest, checkpoint) =>
        isBefore(checkpoint, earliest) ? checkpoint : earliest,
      );
      const page = await this.options.store.readAll(tx, { after, limit: batchSize });
      const last = page[page.length - 1];
      if (last === undefined) return { read: 0, checkpoint: after };
      for (const [index, projection] of projections.entries()) {
        const checkpoint = checkpoints[index] ?? after;
        if (!isBefore(checkpoint, last.position)) continue;
        const fresh = isBefore(after, checkpoint)
          ? page.filter(({ position }) => isBefore(checkpoint, position))
          : page;
        await applyTo(tx, projection, fresh);
        await writeCheckpoint(tx, projection.name, last.position);
      }
      return { read: page.length, checkpoint: last.position };
    });
  }
}

const DEFAULT_BATCH = 200;
const DEFAULT_REBUILD_BATCH = 2_000;

async function applyTo(
  tx: Transaction,
  projection: Projection,
  page: readonly PositionedEvent[],
): Promise<void> {
  const handled: EventEnvelope[] = [];
  for (const { event } of page) if (projection.handles(event.type)) handled.push(event);
  if (handled.length === 0) return;
  if (projection.applyBatch) {
    await projection.applyBatch(tx, handled);
  } else {
    for (const event of handled) await projection.apply(tx, event);
  }
}

/**
 * Takes every projection's transaction lock, in key order so that two runners locking
 * overlapping sets cannot deadlock. A transaction-level advisory lock assigns no transaction
 * id, so it does not hold back the horizon that readAll depends on.
 */
async function lockAll(tx: Transaction, projections: readonly Projection[]): Promise<void> {
  const keys = [...new Set(projections.map(lockKeyOf))].sort((a, b) =>
    BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0,
  );
  for (const key of keys) await tx.query('select pg_advisory_xact_lock($1::bigint)', [key]);
}

function distinct(projections: readonly Projection[]): Projection[] {
  const names = new Set<string>();
  return projections.filter((projection) => {
    if (names.has(projection.name)) return false;
    names.add(projection.name);
    return true;
  });
}

function lockKeyOf(projection: Projection): string {
  return advisoryLockKey(`santunan:projection:${projection.name}`);
}

function isBefore(a: StorePosition, b: StorePosition): boolean {
  return comparePositions(a, b) < 0;
}
