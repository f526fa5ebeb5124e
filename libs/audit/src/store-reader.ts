import {
  EVENT_COLUMNS,
  hashedFieldsOf,
  positionOf,
  START_OF_STORE,
  type Actor,
  type EventRow,
  type HashedEventFields,
  type JsonValue,
  type SqlExecutor,
  type StorePosition,
} from '@santunan/platform';
import type { AuditedService } from './targets';

/** An event exactly as stored (data in its stored form: personal fields sealed). */
export interface StoredEvent extends HashedEventFields {
  readonly service: AuditedService;
  readonly position: StorePosition;
  readonly hash: string;
}

/** Only transactions every snapshot agrees are finished: nothing can appear behind them later. */
const BEHIND_HORIZON = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

function storedEvent(service: AuditedService, row: EventRow): StoredEvent {
  return { service, position: positionOf(row), ...hashedFieldsOf(row), hash: row.hash };
}

/** The fields the event's hash covers, to check it or to export them. */
export function hashedFields(event: StoredEvent): HashedEventFields {
  // Everything stored but where it was read from and the hash itself.
  const { service: _service, position: _position, hash: _hash, ...fields } = event;
  return fields;
}

export function actorOf(event: Pick<StoredEvent, 'metadata'>): Actor | null {
  const metadata = event.metadata as { actor?: Actor } | null;
  return metadata?.actor ?? null;
}

// ---------------------------------------------------------------------------------------------
// Positions: (transaction id, global position), the order readAll and projections use
// ---------------------------------------------------------------------------------------------

export function formatPosition(position: StorePosition): string {
  return `${position.transactionId}:${position.globalPosition}`;
}

export function parsePosition(text: string): StorePosition {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new Error(`"${text}" is not an event position (<transactionId>:<globalPosition>)`);
  }
  return { transactionId: match[1], globalPosition: match[2] };
}

/**
 * The last position behind the transaction horizon: every event up to it is committed and no
 * event can ever appear before it, so a read pinned here gives the same events forever.
 */
export async function storeHead(db: SqlExecutor): Promise<StorePosition> {
  const [row] = await db.query<{ transaction_id: string; global_position: string }>(
    `select transaction_id, global_position from events where ${BEHIND_HORIZON}
      order by transaction_id desc, global_position desc limit 1`,
  );
  return row === undefined
    ? START_OF_STORE
    : { transactionId: row.transaction_id, globalPosition: row.global_position };
}

export interface ReadOptions {
  /** Inclusive upper bound; the store head by default. */
  readonly upTo?: StorePosition;
  /** Recorded time window (timestamptz column), from inclusive, to exclusive. */
  readonly recordedFrom?: string;
  readonly recordedBefore?: string;
  /** Only events of these types. */
  readonly types?: readonly string[];
  readonly pageSize?: number;
  /** Called after every page with the number of events read so far. */
  readonly onProgress?: (read: number) => void;
}

/** Every event up to `upTo`, in position order, page by page. */
export async function* readEvents(
  db: SqlExecutor,
  service: AuditedService,
  options: ReadOptions = {},
): AsyncGenerator<StoredEvent> {
  const upTo = options.upTo ?? (await storeHead(db));
  const pageSize = options.pageSize ?? 1000;
  let after = START_OF_STORE;
  let read = 0;
  for (;;) {
    const rows = await db.query<EventRow>(
      `select ${EVENT_COLUMNS} from events
        where (transaction_id, global_position) > ($1::xid8, $2::bigint)
          and (transaction_id, global_position) <= ($3::xid8, $4::bigint)
          and ${BEHIND_HORIZON}
          and ($5::timestamptz is null or recorded_at >= $5::timestamptz)
          and ($6::timestamptz is null or recorded_at < $6::timestamptz)
          and ($8::text[] is null or type = any($8::text[]))
        order by transaction_id, global_position
        limit $7`,
      [
        after.transactionId,
        after.globalPosition,
        upTo.transactionId,
        upTo.globalPosition,
        options.recordedFrom ?? null,
        options.recordedBefore ?? null,
        pageSize,
        options.types === undefined ? null : [...options.types],
      ],
    );
    for (const row of rows) yield storedEvent(service, row);
    read += rows.length;
    options.onProgress?.(read);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < pageSize) return;
    after = { transactionId: last.transaction_id, globalPosition: last.global_position };
  }
}

export async function readAllEvents(
  db: SqlExecutor,
  service: AuditedService,
  options: ReadOptions = {},
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of readEvents(db, service, options)) events.push(event);
  return events;
}

/** One stream in version order (optionally only what was recorded up to `recordedUpTo`). */
export async function readStream(
  db: SqlExecutor,
  service: AuditedService,
  streamId: string,
  recordedUpTo?: string,
): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    `select ${EVENT_COLUMNS} from events
      where stream_id = $1 and ($2::timestamptz is null or recorded_at <= $2::timestamptz)
      order by version`,
    [streamId, recordedUpTo ?? null],
  );
  return rows.map((row) => storedEvent(service, row));
}

/** Streams whose id starts with `prefix` (e.g. every `payout-` stream), events in version order. */
export async function readStreamsByPrefix(
  db: SqlExecutor,
  service: AuditedService,
  prefix: string,
): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    `select ${EVENT_COLUMNS} from events where starts_with(stream_id, $1) order by stream_id, version`,
    [prefix],
  );
  return rows.map((row) => storedEvent(service, row));
}

/** Events of any stream whose payload has `path` = `value` (jsonb containment). */
export async function readEventsContaining(
  db: SqlExecutor,
  service: AuditedService,
  containing: Readonly<Record<string, JsonValue>>,
  recordedUpTo?: string,
): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    `select ${EVENT_COLUMNS} from events
      where data @> $1::jsonb and ($2::timestamptz is null or recorded_at <= $2::timestamptz)
      order by global_position`,
    [JSON.stringify(containing), recordedUpTo ?? null],
  );
  return rows.map((row) => storedEvent(service, row));
}

export async function readEventsById(
  db: SqlExecutor,
  service: AuditedService,
  eventIds: readonly string[],
): Promise<StoredEvent[]> {
  if (eventIds.length === 0) return [];
  const rows = await db.query<EventRow>(
    `select ${EVENT_COLUMNS} from events where event_id = any($1::uuid[]) order by global_position`,
    [eventIds],
  );
  return rows.map((row) => storedEvent(service, row));
}

/** Event ids still waiting in the outbox: appended, not yet published. */
export async function pendingPublication(db: SqlExecutor): Promise<Set<string>> {
  const rows = await db.query<{ event_id: string }>('select event_id from outbox');
  return new Set(rows.map((row) => row.event_id));
}
