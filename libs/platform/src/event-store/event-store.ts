import type { SqlExecutor, Transaction } from '../database/platform-database';
import { enqueueForPublication } from '../outbox/outbox-writer';
import type { TopicRouting } from '../outbox/outbox-message';
import { assertValidAppend, type AppendRequest } from './append-request';
import { toStoredJson } from './canonical-json';
import type { EventEnvelope, EventMetadata } from './envelope';
import { eventHash } from './event-hash';
import { EVENT_COLUMNS, envelopeFromRow, positionOf, type EventRow } from './event-row';
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
    assertValidAppend(request);
    const head = await readHead(tx, request.streamId);
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
    if (request.events.length === 0) return [];

    const chained = chainToHead(request, currentVersion, head?.hash ?? null);
    const positions = await insertEvents(tx, chained).catch((error: unknown) => {
      throw translateInsertError(error, request);
    });
    const stored = chained.map((event) => ({
      ...event,
      globalPosition: positions.get(event.eventId) ?? missing(event),
    }));
    await enqueueForPublication(tx, stored, this.options.topicFor);
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
  const values = multiRowValues(
    events.map((event) => [
      event.eventId,
      event.streamId,
      event.streamType,
      event.version,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.occurredAt,
      event.occurredAt,
      event.recordedAt,
      event.recordedAt,
      event.previousHash,
      event.hash,
    ]),
  );
  const rows = await tx.query<{ event_id: string; global_position: string }>(
    `insert into events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata,
        occurred_at, occurred_at_iso, recorded_at, recorded_at_iso, previous_hash, hash)
     values ${values.sql}
     returning event_id, global_position`,
    values.parameters,
  );
  return new Map(rows.map((row) => [row.event_id, row.global_position]));
}

function translateInsertError(error: unknown, request: AppendRequest): unknown {
  const { code, constraint } = postgresErrorFields(error);
  if (code !== UNIQUE_VIOLATION) return error;
  if (constraint === 'events_stream_version_unique') {
    return new ConcurrencyError(
      request.streamId,
      request.expectedVersion,
      null,
      'concurrent-append',
    );
  }
  if (constraint === 'events_event_id_unique') {
    const duplicate = /\(event_id\)=\(([^)]+)\)/.exec(
      String((error as { detail?: unknown }).detail),
    )?.[1];
    return new DuplicateEventError(
      duplicate ?? request.events.map((event) => event.eventId).join(', '),
    );
  }
  return error;
}

function missing(event: ChainedEvent): never {
  throw new Error(`insert returned no position for event ${event.eventId}`);
}
