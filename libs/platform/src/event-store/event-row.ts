import type { JsonValue } from './canonical-json';
import type { EventEnvelope, EventMetadata } from './envelope';
import type { HashedEventFields } from './event-hash';
import type { StorePosition } from './store-position';

/** A row of `events` as pg returns it (bigint and xid8 as strings, jsonb parsed). */
export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_type: string;
  readonly version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: JsonValue;
  readonly metadata: JsonValue;
  readonly occurred_at_iso: string;
  readonly recorded_at_iso: string;
  readonly previous_hash: string | null;
  readonly hash: string;
}

export const EVENT_COLUMNS = `global_position, transaction_id, event_id, stream_id, stream_type, version, type,
  schema_version, data, metadata, occurred_at_iso, recorded_at_iso, previous_hash, hash`;

/** The columns an append writes, in the order `eventInsertValues` gives their values. */
export const EVENT_INSERT_COLUMNS = [
  'event_id',
  'stream_id',
  'stream_type',
  'version',
  'type',
  'schema_version',
  'data',
  'metadata',
  'occurred_at',
  'occurred_at_iso',
  'recorded_at',
  'recorded_at_iso',
  'previous_hash',
  'hash',
] as const;

/**
 * One event's row values for EVENT_INSERT_COLUMNS. Instants go in twice: as timestamptz for
 * queries and as the exact ISO text the hash covers.
 */
export function eventInsertValues(event: Omit<EventEnvelope, 'globalPosition'>): unknown[] {
  return [
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
  ];
}

/** The stored envelope, before any upcasting. */
export function envelopeFromRow(row: EventRow): EventEnvelope {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    globalPosition: row.global_position,
    occurredAt: row.occurred_at_iso,
    recordedAt: row.recorded_at_iso,
    // Validated on append; the store reads back what it wrote.
    metadata: row.metadata as unknown as EventMetadata,
    data: row.data,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

export function positionOf(
  row: Pick<EventRow, 'transaction_id' | 'global_position'>,
): StorePosition {
  return { transactionId: row.transaction_id, globalPosition: row.global_position };
}

/** The hashed fields as stored; `version` may be overridden to test where a row came from. */
export function hashedFieldsOf(row: EventRow, version = row.version): HashedEventFields {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at_iso,
    recordedAt: row.recorded_at_iso,
    previousHash: row.previous_hash,
  };
}
