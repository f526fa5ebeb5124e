import { Client } from 'pg';
import { signatureHeaders, type EventSigningKey } from '@santunan/contracts';
import type { MessagePublisher, OutgoingMessage } from '../messaging/messages';
import { advisoryLockKey } from './advisory-lock-key';
import { LEADER_SESSION_OPTIONS } from './leader-session';
import { OUTBOX_CHANNEL } from './outbox.migration';
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  InterruptibleSleeper,
  withTimeout,
  type BackoffPolicy,
} from './retry-timing';
import { defaultLogger, errorFields, type PlatformLogger } from '../observability/logger';
import { describeError } from './worker-logger';

/** A pending outbox row, in the order the relay reads them (by id). */
export interface PendingOutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly message_key: string;
  readonly payload: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Test seam: lets a test stop the relay at the worst moment, as a process crash would. */
export interface RelayFaults {
  /** Runs after a batch is acknowledged by Kafka and before its rows are deleted. */
  afterPublish?(batch: readonly PendingOutboxRow[]): 'continue' | 'crash';
}

export interface OutboxRelayOptions {
  /** The service's database; the relay holds one dedicated connection for its lock and work. */
  readonly databaseUrl: string;
  /** Names the leadership lock: relays of one service share it, so one of them publishes. */
  readonly relayName: string;
  /** Called again after a publish failure, so a wedged producer is replaced. */
  readonly createPublisher: () => Promise<MessagePublisher>;
  readonly batchSize?: number;
  /**
   * Wait between polls of an empty outbox (default 1 s). Only a fallback: a commit that inserts
   * outbox rows notifies the leader, which wakes at once (ADR 0031).
   */
  readonly idlePollMs?: number;
  /**
   * VACUUM the outbox once this many rows were deleted since the last one (ADR 0031): the
   * service may not rely on autovacuum, and without it every relayed row stays behind as a
   * dead tuple and a dead index entry that each read walks again.
   */
  readonly vacuumAfterRows?: number;
  /** Wait between a follower's attempts to become leader. */
  readonly leaderPollMs?: number;
  /** A publish that takes longer is abandoned and retried with a new producer. */
  readonly publishTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /**
   * The service's signing key: every message gets `signature` and `signature-key-id` headers
   * over its topic and value bytes (ADR 0025). Consumers refuse a message without them, so a
   * service always gives one (ServiceConfig.eventSigning); only the relay's own tests omit it.
   */
  readonly signingKey?: EventSigningKey;
  readonly logger?: PlatformLogger;
  readonly faults?: RelayFaults;
  /** Told of every publish Kafka acknowledged and every one that failed (metrics, ADR 0029). */
  readonly observer?: RelayObserver;
}

/** What the relay reports about its publishing. */
export interface RelayObserver {
  published(topic: string, messages: number): void;
  publishFailed(): void;
}

/**
 * The relay's reads and deletes walk the primary key whatever the statistics say (ADR 0031):
 * the relay's own VACUUM records the outbox as empty, and a planner trusting that would
 * sort the whole table for every batch once rows pile up (autovacuum, which would correct it,
 * is not relied on). The connection runs nothing else.
 */
export const RELAY_SESSION_OPTIONS = `${LEADER_SESSION_OPTIONS} -c enable_seqscan=off -c enable_sort=off`;

type RelayState = 'idle' | 'running' | 'stopping' | 'stopped' | 'crashed';

/** A failure on the Kafka side: the publisher is replaced, leadership is kept. */
class PublishFailure extends Error {
  override readonly name = 'PublishFailure';
}

interface DrainWaiter {
  /** Only an empty read that started after the waiter registered proves the drain. */
  readonly afterRead: number;
  readonly resolve: () => void;
}

/**
 * Publishes outbox rows to Kafka in id order, keyed by stream id, then deletes them. One
 * leader per service: a session advisory lock on the relay's own connection, released by
 * PostgreSQL when that connection ends, so a follower takes over when the leader dies.
 * Rows are deleted only after Kafka acknowledged them: a crash in between republishes
 * (at-least-once; consumers dedupe by event id), and nothing is ever dropped.
 */
export class OutboxRelay {
  private state: RelayState = 'idle';
  private loop: Promise<void> = Promise.resolve();
  private client: Client | undefined;
  private leader = false;
  /** The last publish this relay attempted failed (its rows are still in the outbox). */
  private lastPublishFailed = false;
  private publisher: MessagePublisher | undefined;
  private readonly sleeper = new InterruptibleSleeper();
  private readonly lockKey: string;
  private readonly logger: PlatformLogger;
  private readonly drainWaiters = new Set<DrainWaiter>();
  private readsStarted = 0;
  /** A wake-up came since the last read began: rows may be waiting, so no idle sleep. */
  private notified = false;
  private deletedSinceVacuum = 0;
  private vacuuming: Promise<void> | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.lockKey = advisoryLockKey(`santunan:outbox-relay:${options.relayName}`);
    this.logger = (options.logger ?? defaultLogger()).child({ component: 'outbox-relay' });
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /**
   * False while this relay leads and its last publish failed: the rows it could not publish
   * are still there, so the outbox is not empty and nothing leaves it (readiness, ADR 0030).
   * A follower publishes nothing and is not in the way.
   */
  get canPublish(): boolean {
    return !(this.leader && this.lastPublishFailed);
  }

  start(): void {
    if (this.state !== 'idle')
      throw new Error(`relay ${this.options.relayName} was already started`);
    this.state = 'running';
    this.loop = this.run();
  }

  /** Finishes the batch in hand (bounded by publishTimeoutMs), releases leadership, disconnects. */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    this.sleeper.wakeAll();
    await this.loop;
  }

  /**
   * Resolves once this relay, as leader, finds the outbox empty after the call and no vacuum
   * of it is running (tests, the benchmark). Rejects after `timeoutMs`, for instance when another relay is the leader.
   */
  waitUntilDrained(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: DrainWaiter = {
        afterRead: this.readsStarted,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.drainWaiters.delete(waiter);
        reject(
          new Error(`relay ${this.options.relayName}: outbox not drained within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.drainWaiters.add(waiter);
      // A fresh read is what proves it: an idle relay need not wait for its next poll, and one
      // between an earlier read and its sleep must not go to sleep.
      this.wake();
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.state === 'running') {
      try {
        if (!(await this.holdLeadership())) {
          await this.sleeper.sleep(this.options.leaderPollMs ?? 1_000);
          continue;
        }
        // Cleared before the first read: a commit notified after it is not lost in the sleep.
        this.notified = false;
        await this.relayUntilEmpty();
        failures = 0;
        if (this.state === 'running' && !this.notified)
          await this.sleeper.sleep(this.options.idlePollMs ?? 1_000);
      } catch (error) {
        if (this.state !== 'running') break;
        failures += 1;
        this.logger.warn(
          { attempt: failures, ...errorFields(error) },
          'outbox relay: attempt failed, retrying',
        );
        await this.recoverFrom(error);
        await this.sleeper.sleep(backoffDelay(this.options.backoff ?? DEFAULT_BACKOFF, failures));
      }
    }
    if (this.state === 'crashed') return;
    await this.release();
    this.state = 'stopped';
  }

  /** Reads again now, or right after the read in progress (which may have missed new rows). */
  private wake(): void {
    this.notified = true;
    this.sleeper.wakeAll();
  }

  /** True when this relay holds the lock; connects and tries to take it otherwise. */
  private async holdLeadership(): Promise<boolean> {
    if (this.leader) return true;
    const client = this.client ?? (await this.connect());
    const [row] = (
      await client.query<{ acquired: boolean }>(
        'select pg_try_advisory_lock($1::bigint) as acquired',
        [this.lockKey],
      )
    ).rows;
    this.leader = row?.acquired === true;
    // A new leader has not tried yet; what a previous term saw says nothing now.
    this.lastPublishFailed = false;
    if (!this.leader) return false;
    // Only the leader listens: followers have nothing to publish. Should this fail, the
    // connection is replaced and the lock goes with it.
    await client.query(`listen ${OUTBOX_CHANNEL}`);
    this.logger.info('outbox relay: became leader');
    return true;
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: `outbox-relay:${this.options.relayName}`,
      keepAlive: true,
      // The server notices a vanished host within a minute and frees the lock (ADR 0027).
      options: RELAY_SESSION_OPTIONS,
      query_timeout: 60_000,
    });
    // Without a listener a dropped connection would crash the process; the next query fails instead.
    client.on('error', (error) =>
      this.logger.warn(errorFields(error), 'outbox relay: database connection lost'),
    );
    client.on('notification', (notification) => {
      if (notification.channel === OUTBOX_CHANNEL) this.wake();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  /**
   * Publishes batches, each then deleted, until a read finds nothing more (or the relay is
   * asked to stop). The connection works while Kafka does: the next batch is read, and the
   * previous one deleted, during a publish. The read ahead leaves out the rows in flight and
   * otherwise takes the lowest ids, as a read after the delete would, so each stream's order is
   * kept; statements on the one connection run in the order issued, so it never sees a batch
   * whose delete was issued before it. A failed publish throws and the read ahead is dropped.
   */
  private async relayUntilEmpty(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('relay has no connection');
    let readNumber = ++this.readsStarted;
    let batch = await this.readBatch(client, []);
    let deleting: Promise<void> = Promise.resolve();
    while (batch.length > 0) {
      const ids = batch.map((row) => row.id);
      const nextReadNumber = ++this.readsStarted;
      const next = this.readBatch(client, ids);
      // Settled below; a failed publish leaves it unawaited and must not become unhandled.
      next.catch(() => undefined);
      try {
        for (const run of consecutiveRunsByTopic(batch, this.options.signingKey))
          await this.publish(run.topic, run.messages);
      } finally {
        // The previous batch's delete, which ran alongside this publish, is settled either way.
        await deleting;
      }
      if (this.options.faults?.afterPublish?.(batch) === 'crash') {
        await this.crash();
        return;
      }
      deleting = this.deleteBatch(client, ids);
      // Rejected with the connection, like the read; until awaited it must not be unhandled.
      deleting.catch(() => undefined);
      batch = await next;
      readNumber = nextReadNumber;
      if (this.state !== 'running') break;
    }
    await deleting;
    if (batch.length > 0) return;
    // Rows deleted while the last vacuum ran are vacuumed now, not when traffic resumes.
    this.vacuumIfDue();
    this.resolveDrainWaiters(readNumber);
  }

  private async deleteBatch(client: Client, ids: readonly string[]): Promise<void> {
    await client.query('delete from outbox where id = any($1::bigint[])', [ids]);
    this.deleted(ids.length);
  }

  /** The lowest-id pending rows, leaving out those already in flight. */
  private async readBatch(
    client: Client,
    inFlight: readonly string[],
  ): Promise<PendingOutboxRow[]> {
    const { rows } = await client.query<PendingOutboxRow>(
      `select id, topic, message_key, payload, headers from outbox
        where id <> all($2::bigint[]) order by id limit $1`,
      [this.options.batchSize ?? 500, inFlight],
    );
    return rows;
  }

  /**
   * Counts deleted rows and, past the threshold, vacuums the outbox on a connection of its own,
   * so publishing goes on meanwhile (VACUUM takes a lock that lets inserts, reads and deletes
   * through, and cannot run in a transaction). One at a time; a failure waits for the next.
   */
  private deleted(rows: number): void {
    this.deletedSinceVacuum += rows;
    this.vacuumIfDue();
  }

  private vacuumIfDue(): void {
    if (this.vacuuming || this.deletedSinceVacuum < (this.options.vacuumAfterRows ?? 10_000))
      return;
    this.deletedSinceVacuum = 0;
    this.vacuuming = this.vacuumOutbox()
      .catch((error: unknown) =>
        this.logger.warn(errorFields(error), 'outbox relay: vacuum of the outbox failed'),
      )
      .finally(() => {
        this.vacuuming = undefined;
      });
  }

  private async vacuumOutbox(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: `outbox-vacuum:${this.options.relayName}`,
      // Behind a migration's lock it gives up rather than hold up stop() and the drain waiters;
      // the next threshold tries again.
      options: '-c lock_timeout=10000',
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      // Index cleanup forced: PostgreSQL may skip it when few pages hold dead rows, and the
      // dead index entries are what the relay's ordered read walks.
      await client.query('vacuum (index_cleanup on) outbox');
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    try {
      this.publisher ??= await this.options.createPublisher();
      await withTimeout(
        this.publisher.publish(topic, messages),
        this.options.publishTimeoutMs ?? 30_000,
        'publish',
      );
    } catch (error) {
      this.lastPublishFailed = true;
      this.options.observer?.publishFailed();
      throw new PublishFailure(describeError(error), { cause: error });
    }
    this.lastPublishFailed = false;
    this.options.observer?.published(topic, messages.length);
  }

  /** Replaces what failed: the producer after a Kafka error, the connection (and lock) otherwise. */
  private async recoverFrom(error: unknown): Promise<void> {
    if (error instanceof PublishFailure) {
      this.discardPublisher();
      return;
    }
    const client = this.client;
    this.client = undefined;
    if (this.leader) this.logger.warn('outbox relay: gave up leadership');
    this.leader = false;
    await client?.end().catch(() => undefined);
  }

  private discardPublisher(): void {
    const publisher = this.publisher;
    this.publisher = undefined;
    // Closing may wait on the unreachable broker; nothing depends on it finishing.
    void publisher?.close().catch(() => undefined);
  }

  private async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && this.leader) {
      await client
        .query('select pg_advisory_unlock($1::bigint)', [this.lockKey])
        .catch(() => undefined);
    }
    this.leader = false;
    await client?.end().catch(() => undefined);
    await this.publisher?.close().catch(() => undefined);
    this.publisher = undefined;
    await this.vacuuming;
  }

  /** Dies like a killed process: no delete, no unlock; PostgreSQL frees the lock with the session. */
  private async crash(): Promise<void> {
    this.state = 'crashed';
    this.leader = false;
    this.discardPublisher();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Drained includes tidied: a vacuum of the outbox still running is waited for. */
  private resolveDrainWaiters(completedRead: number): void {
    for (const waiter of [...this.drainWaiters]) {
      if (completedRead > waiter.afterRead) {
        this.drainWaiters.delete(waiter);
        void (this.vacuuming ?? Promise.resolve()).then(waiter.resolve);
      }
    }
  }
}

/**
 * Splits rows into runs of the same topic, keeping id order across and within runs. The value
 * travels as the bytes that were signed: the stored payload's UTF-8, signed once, never
 * re-serialised.
 */
function consecutiveRunsByTopic(
  rows: readonly PendingOutboxRow[],
  signingKey: EventSigningKey | undefined,
): { topic: string; messages: OutgoingMessage[] }[] {
  const runs: { topic: string; messages: OutgoingMessage[] }[] = [];
  for (const row of rows) {
    const value = Buffer.from(row.payload, 'utf8');
    const message: OutgoingMessage = {
      key: row.message_key,
      value,
      headers: signingKey
        ? { ...row.headers, ...signatureHeaders(signingKey, row.topic, value) }
        : row.headers,
    };
    const last = runs[runs.length - 1];
    if (last && last.topic === row.topic) last.messages.push(message);
    else runs.push({ topic: row.topic, messages: [message] });
  }
  return runs;
}
