import {
  comparePositions,
  readCheckpoint,
  defaultLogger,
  errorFields,
  type PositionedEvent,
  writeCheckpoint,
  type EventEnvelope,
  type EventStore,
  type PlatformDatabase,
  type PlatformLogger,
} from '@santunan/platform';
import { SessionLeaderLock } from '../shared/session-leader-lock';

/** Reacts to some of the service's own events (a process manager). */
export interface StoreSubscriber {
  /** Stable: the checkpoint is stored under it. */
  readonly name: string;
  /** The event types it reacts to, as stored: the only ones read for it. */
  readonly types: readonly string[];
  /**
   * Consecutive handled events of one type, in store order, so a subscriber can batch them.
   * Must be idempotent: after a crash the events since the last checkpoint come again.
   */
  handle(events: readonly EventEnvelope[]): Promise<void>;
}

export interface StoreSubscriptionOptions {
  readonly database: PlatformDatabase;
  readonly databaseUrl: string;
  readonly store: EventStore;
  readonly subscriber: StoreSubscriber;
  /** Events read per page (most of them are skipped). */
  readonly pageSize?: number;
  /** At most this many events per handle call (and per checkpoint). */
  readonly maxRun?: number;
  readonly idlePollMs?: number;
  readonly logger?: PlatformLogger;
}

const RETRY_MS = { initial: 200, max: 5_000 };

/**
 * Feeds a subscriber the service's own events from the event store, behind the transaction
 * horizon (EventStore.readAll), from a checkpoint. Unlike a projection runner it commits the
 * subscriber's work in the subscriber's own transactions and moves the checkpoint after each
 * run of handled events: a handler may fan an event out into thousands of commands without
 * holding one long transaction, and a crash repeats at most the run in hand (idempotent
 * commands). Skipped events cost one read per page, no write. One replica leads (session lock).
 */
export class StoreSubscription {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private readonly leader: SessionLeaderLock;
  private readonly logger: PlatformLogger;

  constructor(private readonly options: StoreSubscriptionOptions) {
    this.leader = new SessionLeaderLock(
      options.databaseUrl,
      `store-subscription:${options.subscriber.name}`,
    );
    this.logger = (options.logger ?? defaultLogger()).child({
      subscription: options.subscriber.name,
    });
  }

  start(): void {
    if (this.running) throw new Error(`subscription ${this.options.subscriber.name} is running`);
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.leader.release();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const handled = (await this.leader.tryAcquire()) ? await this.page() : 0;
        failures = 0;
        if (handled === 0) await this.sleep(this.options.idlePollMs ?? 100);
      } catch (error) {
        failures += 1;
        this.logger.warn(
          { attempt: failures, ...errorFields(error) },
          `store subscription ${this.options.subscriber.name}: retrying`,
        );
        await this.sleep(Math.min(RETRY_MS.max, RETRY_MS.initial * 2 ** (failures - 1)));
      }
    }
  }

  /** One page of the subscriber's types after the checkpoint; returns how many were handled. */
  private async page(): Promise<number> {
    const { database, store, subscriber } = this.options;
    const after = await readCheckpoint(database, subscriber.name);
    // Only the subscriber's types leave PostgreSQL: the account events around them (nearly
    // all of the store) are skipped there, and the checkpoint still moves past them.
    const { events, readThrough } = await store.readAllOfTypes(database, subscriber.types, {
      after,
      limit: this.options.pageSize ?? 500,
    });
    for (const run of runsOf(events, this.options.maxRun ?? 20)) {
      if (!this.running) return 0;
      await subscriber.handle(run.map(({ event }) => event));
      const last = run[run.length - 1];
      if (last !== undefined) await writeCheckpoint(database, subscriber.name, last.position);
    }
    if (comparePositions(readThrough, after) > 0)
      await writeCheckpoint(database, subscriber.name, readThrough);
    return events.length;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** A page of the subscriber's events, cut into runs of one type of at most `maxRun` events. */
function runsOf(page: readonly PositionedEvent[], maxRun: number): PositionedEvent[][] {
  const runs: PositionedEvent[][] = [];
  let current: PositionedEvent[] = [];
  for (const positioned of page) {
    const previous = current[current.length - 1];
    if (
      previous !== undefined &&
      (previous.event.type !== positioned.event.type || current.length >= maxRun)
    ) {
      runs.push(current);
      current = [];
    }
    current.push(positioned);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
