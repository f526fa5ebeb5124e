import type { SqlExecutor, Transaction } from '../database/platform-database';
import { enqueueForPublication } from '../outbox/outbox-writer';
import type { TopicRouting } from '../outbox/outbox-message';
import { assertValidAppend, type AppendRequest } from './append-request';
import { toStoredJson } from './canonical-json';
import type { EventEnvelope, EventMetadata } from './envelope';
import { eventHash } from './event-hash';
import {
  EVENT_COLUMNS,
  EVENT_INSERT_COLUMNS,
  envelopeFromRow,
  eventInsertValues,
  positionOf,
  type EventRow,
} from './event-row';
import { ConcurrencyError, DuplicateEventError, InvalidAppendError } from './event-store.errors';
import { postgresErrorFields, UNIQUE_VIOLATION } from './postgres-error';
import { multiRowValues } from './sql-values';
import { START_OF_STORE, type PositionedEvent, type StorePosition } from './store-position';
import { UpcasterRegistry } from './upcaster-registry';

export interface EventStoreOptions {
  /** Which topic each appended event is published to (through the outbox, same transaction). */
  readonly topicFor: TopicRouting;
  /** Lifts old stored shapes to the current ones on read. */
  readonly upcasters?: UpcasterRegistry;
  /** Told how long each append that wrote events took, and how many it wrote (metrics). */
  readonly observer?: AppendObserver;
}

/** What the store reports about its appends. */
export interface AppendObserver {
  appended(events: number, seconds: number): void;
}

export interface ReadStreamOptions {
  /** First version to return (1-based); the whole stream by default. */
  readonly fromVersion?: number;
}

export interface ReadAllOptions {
  /** Exclusive; the start of the store by default. */
  readonly after?: StorePosition;
  readonly limit?: number;
}

interface StreamHead {
  readonly version: number;
  readonly hash: string;
  readonly stream_type: string;
  readonly written_by_younger_transaction: boolean;
}

const DEFAULT_READ_ALL_LIMIT = 500;
/** Rows per insert statement: 14 parameters an event stays well under PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Event streams in PostgreSQL with optimistic concurrency, a per-stream hash chain and a
 * transactional outbox. Every method takes the executor to run on, so a caller appends in
 * its own transaction together with its other writes.
 */
export class EventStore {
  private readonly upcasters: UpcasterRegistry;

  constructor(private readonly options: EventStoreOptions) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  /**
   * Appends events after `expectedVersion` and queues them for publication, both in `tx`.
   * Throws ConcurrencyError when another writer got there first (nothing is written; the
   * transaction must be rolled back) and DuplicateEventError when an event id is taken.
   */
  async append(tx: Transaction, request: AppendRequest): Promise<EventEnvelope[]> {
    const started = performance.now();
    assertValidAppend(request);
    const head = await readHead(tx, request.streamId);
    checkAgainstHead(request, head);
    if (request.events.length === 0) return [];
    const chained = chainToHead(request, head?.version ?? 0, head?.hash ?? null);
    const stored = await this.store(tx, chained, request);
    this.observe(started, stored.length);
    return stored;
  }

  /**
   * Several appends in one go: the streams' heads in one query, every event in one insert and
   * every outbox row in one more, instead of three round trips per stream. Requests on the same
   * stream follow each other in the given order (the second expects the version the first
   * leaves). Results come back in the order of `requests`. A version conflict is thrown before
   * anything is written, so the caller's transaction stays usable; errors as `append`.
   */
  async appendMany(
    tx: Transaction,
    requests: readonly AppendRequest[],
  ): Promise<EventEnvelope[][]> {
    const started = performance.now();
    requests.forEach(assertValidAppend);
    const heads = await readHeads(tx, [...new Set(requests.map((request) => request.streamId))]);
    const chainedPerRequest = requests.map((request) => {
      const head = heads.get(request.streamId);
      checkAgainstHead(request, head);
      const chained = chainToHead(request, head?.version ?? 0, head?.hash ?? null);
      const last = chained[chained.length - 1];
      if (last !== undefined) {
        // The next request on this stream follows these events, written by this transaction.
        heads.set(request.streamId, {
          version: last.version,
          hash: last.hash,
          stream_type: request.streamType,
          written_by_younger_transaction: false,
        });
      }
      return chained;
    });
    const stored = await this.store(tx, chainedPerRequest.flat(), requests);
    this.observe(started, stored.length);
    const byId = new Map(stored.map((event) => [event.eventId, event]));
    return chainedPerRequest.map((chained) =>
      chained.map((event) => byId.get(event.eventId) ?? missing(event)),
    );
  }

  private observe(started: number, events: number): void {
    if (events > 0) this.options.observer?.appended(events, (performance.now() - started) / 1000);
  }

  private async store(
    tx: Transaction,
    chained: readonly ChainedEvent[],
    cause: AppendRequest | readonly AppendRequest[],
  ): Promise<EventEnvelope[]> {
    if (chained.length === 0) return [];
    const positions = await insertEvents(tx, chained).catch((error: unknown) => {
      throw translateInsertError(error, cause);
    });
    const stored = chained.map((event) => ({
      ...event,
      globalPosition: positions.get(event.eventId) ?? missing(event),
    }));
    for (let at = 0; at < stored.length; at += ROWS_PER_STATEMENT) {
      await enqueueForPublication(
        tx,
        stored.slice(at, at + ROWS_PER_STATEMENT),
        this.options.topicFor,
      );
    }
    return stored;
  }

  /** A stream's events in version order, upcast to their current shapes. */
  async readStream(
    executor: SqlExecutor,
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<EventEnvelope[]> {
    const rows = await executor.query<EventRow>(
      `select ${EVENT_COLUMNS} from events where stream_id = $1 and version >= $2 order by version`,
      [streamId, options.fromVersion ?? 1],
    );
    return rows.map((row) => this.upcasters.upcast(envelopeFromRow(row)));
  }

  /**
   * Several streams' events in one round trip, each from its own first version (1 unless
   * given), in version order and upcast. Every requested stream has an entry, empty when new.
   */
  async readStreams(
    executor: SqlExecutor,
    streams: readonly { readonly streamId: string; readonly fromVersion?: number }[],
  ): Promise<Map<string, EventEnvelope[]>> {
    const result = new Map<string, EventEnvelope[]>(streams.map(({ streamId }) => [streamId, []]));
    if (streams.length === 0) return result;
    // One index range scan per stream (lateral), never a join the planner may turn into a
    // scan of the whole table when the events table has no statistics (autovacuum off).
    const rows = await executor.query<EventRow>(
      `select tail.* from unnest($1::text[], $2::int[]) with ordinality
              as wanted(wanted_stream, wanted_from, wanted_at)
        cross join lateral (
          select ${EVENT_COLUMNS} from events
           where stream_id = wanted.wanted_stream and version >= wanted.wanted_from
           order by version) as tail
        order by wanted.wanted_at, tail.version`,
      [streams.map(({ streamId }) => streamId), streams.map(({ fromVersion }) => fromVersion ?? 1)],
    );
    for (const row of rows) {
      result.get(row.stream_id)?.push(this.upcasters.upcast(envelopeFromRow(row)));
    }
    return result;
  }

  /**
   * The position of the last event committed so far, in `readAll`'s order; undefined when the
   * store is empty. A reader that has read up to it has seen every event committed before.
   */
  async lastPosition(executor: SqlExecutor): Promise<StorePosition | undefined> {
    const [row] = await executor.query<Pick<EventRow, 'transaction_id' | 'global_position'>>(
      `select transaction_id, global_position from events
        order by transaction_id desc, global_position desc limit 1`,
    );
    return row === undefined ? undefined : positionOf(row);
  }

  /**
   * Events of every stream after `after`, in (transaction id, global position) order, and
   * only from transactions older than the snapshot horizon: every transaction below
   * pg_snapshot_xmin has finished, so nothing can still appear behind what is returned.
   * Run it outside a transaction that appends events.
   */
  async readAll(executor: SqlExecutor, options: ReadAllOptions = {}): Promise<PositionedEvent[]> {
    const after = options.after ?? START_OF_STORE;
    const rows = await executor.query<EventRow>(
      `select ${EVENT_COLUMNS} from events
        where (transaction_id, global_position) > ($1::xid8, $2::bigint)
          and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by transaction_id, global_position
        limit $3`,
      [after.transactionId, after.globalPosition, options.limit ?? DEFAULT_READ_ALL_LIMIT],
    );
    return rows.map((row) => ({
      position: positionOf(row),
      event: this.upcasters.upcast(envelopeFromRow(row)),
    }));
  }
}

async function readHead(tx: SqlExecutor, streamId: string): Promise<StreamHead | undefined> {
  // Comparing with pg_current_xact_id() assigns this transaction its id now, before the
  // insert, so the comparison and the stored transaction_id agree.
  const [head] = await tx.query<StreamHead>(
    `select version, hash, stream_type, transaction_id > pg_current_xact_id() as written_by_younger_transaction
       from events where stream_id = $1 order by version desc limit 1`,
    [streamId],
  );
  return head;
}

/** The heads of several streams in one query (see readHead). */
async function readHeads(
  tx: SqlExecutor,
  streamIds: readonly string[],
): Promise<Map<string, StreamHead>> {
  // Each stream's last version through the (stream_id, version) index, one row a stream:
  // `distinct on` would read every version of every stream, and more as history grows.
  const rows = await tx.query<StreamHead & { stream_id: string }>(
    `select wanted.stream_id, head.version, head.hash, head.stream_type,
            head.transaction_id > pg_current_xact_id() as written_by_younger_transaction
       from unnest($1::text[]) as wanted(stream_id)
      cross join lateral (
        select version, hash, stream_type, transaction_id from events
         where events.stream_id = wanted.stream_id
         order by version desc limit 1) as head`,
    [streamIds],
  );
  return new Map(rows.map(({ stream_id, ...head }) => [stream_id, head]));
}

/** Refuses an append its stream's head does not allow; nothing has been written yet. */
function checkAgainstHead(request: AppendRequest, head: StreamHead | undefined): void {
  const currentVersion = head?.version ?? 0;
  if (head && head.stream_type !== request.streamType) {
    throw new InvalidAppendError(
      `stream "${request.streamId}" is a ${head.stream_type}, not a ${request.streamType}`,
    );
  }
  if (request.expectedVersion !== 'any' && request.expectedVersion !== currentVersion) {
    throw new ConcurrencyError(
      request.streamId,
      request.expectedVersion,
      currentVersion,
      'version-mismatch',
    );
  }
  if (head?.written_by_younger_transaction) {
    throw new ConcurrencyError(
      request.streamId,
      request.expectedVersion,
      currentVersion,
      'older-transaction',
    );
  }
}

type ChainedEvent = Omit<EventEnvelope, 'globalPosition'>;

/** Numbers the new events after the head and links each to its predecessor's hash. */
function chainToHead(
  request: AppendRequest,
  headVersion: number,
  headHash: string | null,
): ChainedEvent[] {
  const metadata = toStoredJson(request.metadata);
  let previousHash = headHash;
  return request.events.map((event, index) => {
    const data = toStoredJson(event.data);
    const fields = {
      eventId: event.eventId,
      streamId: request.streamId,
      streamType: request.streamType,
      version: headVersion + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data,
      metadata,
      occurredAt: event.occurredAt,
      recordedAt: request.recordedAt,
      previousHash,
    };
    const hash = eventHash(fields);
    previousHash = hash;
    // Return the stored forms, so append's result equals what a later read gives back.
    return { ...fields, metadata: metadata as unknown as EventMetadata, hash };
  });
}

async function insertEvents(
  tx: SqlExecutor,
  events: readonly ChainedEvent[],
): Promise<Map<string, string>> {
  const positions = new Map<string, string>();
  for (let at = 0; at < events.length; at += ROWS_PER_STATEMENT) {
    const values = multiRowValues(events.slice(at, at + ROWS_PER_STATEMENT).map(eventInsertValues));
    const rows = await tx.query<{ event_id: string; global_position: string }>(
      `insert into events (${EVENT_INSERT_COLUMNS.join(', ')})
       values ${values.sql}
       returning event_id, global_position`,
      values.parameters,
    );
    for (const row of rows) positions.set(row.event_id, row.global_position);
  }
  return positions;
}

function translateInsertError(
  error: unknown,
  cause: AppendRequest | readonly AppendRequest[],
): unknown {
  const { code, constraint } = postgresErrorFields(error);
  if (code !== UNIQUE_VIOLATION) return error;
  const requests: readonly AppendRequest[] = Array.isArray(cause)
    ? cause
    : [cause as AppendRequest];
  const detail = String((error as { detail?: unknown }).detail);
  if (constraint === 'events_stream_version_unique') {
    // With several streams, the one that lost the race is named in the key's detail.
    const streamId = /\(stream_id, version\)=\((.+), \d+\)/.exec(detail)?.[1];
    const request = requests.find((candidate) => candidate.streamId === streamId) ?? requests[0];
    return new ConcurrencyError(
      request?.streamId ?? streamId ?? 'unknown',
      request?.expectedVersion ?? 'any',
      null,
      'concurrent-append',
    );
  }
  if (constraint === 'events_event_id_unique') {
    const duplicate = /\(event_id\)=\(([^)]+)\)/.exec(detail)?.[1];
    return new DuplicateEventError(
      duplicate ??
        requests.flatMap((request) => request.events.map((event) => event.eventId)).join(', '),
    );
  }
  return error;
}

function missing(event: ChainedEvent): never {
  throw new Error(`insert returned no position for event ${event.eventId}`);
}
