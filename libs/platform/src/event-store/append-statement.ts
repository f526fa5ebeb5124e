import type { SqlExecutor } from '../database/platform-database';
import type { OutboxRowTemplate } from '../outbox/outbox-writer';
import type { EventEnvelope } from './envelope';

/** A stream's last event as the append checks it; version 0 (no hash) for a stream not yet written. */
export interface StreamHead {
  readonly version: number;
  readonly hash: string | null;
  /** Null for a new stream, or when not known (a head expected, not read). */
  readonly streamType: string | null;
  readonly writtenByYoungerTransaction: boolean;
}

export const EMPTY_STREAM: StreamHead = {
  version: 0,
  hash: null,
  streamType: null,
  writtenByYoungerTransaction: false,
};

/** An event chained and hashed, with the JSON texts the statement writes. */
export interface EventToInsert {
  readonly event: Omit<EventEnvelope, 'globalPosition'>;
  readonly dataText: string;
  readonly metadataText: string;
  readonly outbox: OutboxRowTemplate | null;
}

export type AppendOutcome =
  | { readonly written: true; readonly positions: ReadonlyMap<string, string> }
  /** Some stream's head was not the one the events were chained to: nothing was written. */
  | { readonly written: false; readonly heads: ReadonlyMap<string, StreamHead> };

interface OutcomeRow {
  readonly event_id: string | null;
  readonly global_position: string | null;
  readonly stream_id: string | null;
  readonly version: number | null;
  readonly hash: string | null;
  readonly stream_type: string | null;
  readonly written_by_younger_transaction: boolean | null;
}

/**
 * The whole append in one round trip (data-modifying CTEs over arrays, as emmett does): the
 * heads of the streams checked against the ones the events were chained to, then the events
 * and their outbox rows inserted, only if every head is as assumed. A head that is not (moved,
 * another hash, or written by a younger transaction: ADR 0004) makes the statement write
 * nothing and return the actual heads instead, so the caller's transaction stays usable.
 * A concurrent writer of the same version still meets the unique key (23505) as before.
 *
 * - Each head is one index probe (lateral, `limit 1`), never a plan that depends on statistics.
 * - Comparing with pg_current_xact_id() assigns this transaction its id before the insert,
 *   so the comparison and the stored transaction_id agree.
 * - Rows go in `ordinality` order, so global positions and outbox ids follow the events' order.
 * - The outbox payload is the envelope JSON around the data text the events row casts to jsonb.
 * - Every array is read through `(select $n)`: the planner then estimates each unnest at the
 *   same default row count whatever the arrays hold, so the generic plan of the named statement
 *   costs what a custom one does and PostgreSQL keeps it after five executions. With the arrays
 *   visible, a custom plan (sized to the actual arrays) always looked cheaper and the statement
 *   was planned again on every append, which doubled its cost (1.25 → 0.64 ms an append).
 */
const APPEND_SQL = `
with assumed as (
  select * from unnest((select $1::text[]), (select $2::int[]), (select $3::text[])) as a(stream_id, version, hash)
), head as (
  select a.stream_id, h.version, h.hash, h.stream_type,
         coalesce(h.transaction_id > pg_current_xact_id(), false) as written_by_younger_transaction,
         coalesce(h.version, 0) = a.version and h.hash is not distinct from a.hash
           and not coalesce(h.transaction_id > pg_current_xact_id(), false) as as_assumed
    from assumed a
    left join lateral (
      select version, hash, stream_type, transaction_id from events
       where events.stream_id = a.stream_id
       order by version desc limit 1) as h on true
), new_event as (
  select * from unnest((select $4::uuid[]), (select $5::text[]), (select $6::text[]), (select $7::int[]), (select $8::text[]), (select $9::int[]),
                       (select $10::text[]), (select $11::text[]), (select $12::text[]), (select $13::text[]), (select $14::text[]), (select $15::text[]),
                       (select $16::text[]), (select $17::text[]), (select $18::text[]), (select $19::text[]))
    with ordinality as e(event_id, stream_id, stream_type, version, type, schema_version,
                         data, metadata, occurred_at_iso, recorded_at_iso, previous_hash, hash,
                         topic, headers, payload_before_data, payload_after_data, at)
), inserted as (
  insert into events (event_id, stream_id, stream_type, version, type, schema_version, data,
                      metadata, occurred_at, occurred_at_iso, recorded_at, recorded_at_iso,
                      previous_hash, hash)
  select event_id, stream_id, stream_type, version, type, schema_version, data::jsonb,
         metadata::jsonb, occurred_at_iso::timestamptz, occurred_at_iso,
         recorded_at_iso::timestamptz, recorded_at_iso, previous_hash, hash
    from new_event
   where (select bool_and(as_assumed) from head)
   order by at
  returning event_id, global_position
), queued as (
  insert into outbox (event_global_position, event_id, topic, message_key, payload, headers)
  select i.global_position, e.event_id, e.topic, e.stream_id,
         e.payload_before_data || e.data || e.payload_after_data || i.global_position || '"}',
         e.headers::jsonb
    from new_event e join inserted i on i.event_id = e.event_id
   where e.topic is not null
   order by e.at
)
select event_id, global_position, null::text as stream_id, null::int as version,
       null::text as hash, null::text as stream_type,
       null::boolean as written_by_younger_transaction
  from inserted
union all
select null, null, stream_id, version, hash, stream_type, written_by_younger_transaction
  from head where not as_assumed`;

/**
 * Runs the one-statement append. `assumed` holds, for every stream written to, the head the
 * events were chained to (EMPTY_STREAM for a new one).
 */
export async function runAppendStatement(
  tx: SqlExecutor,
  assumed: ReadonlyMap<string, StreamHead>,
  events: readonly EventToInsert[],
): Promise<AppendOutcome> {
  const streams = [...assumed];
  const column = <T>(pick: (event: EventToInsert) => T): T[] => events.map(pick);
  const rows = await preparedQuery<OutcomeRow>(tx, 'santunan_event_store_append', APPEND_SQL, [
    streams.map(([streamId]) => streamId),
    streams.map(([, head]) => head.version),
    streams.map(([, head]) => head.hash),
    column(({ event }) => event.eventId),
    column(({ event }) => event.streamId),
    column(({ event }) => event.streamType),
    column(({ event }) => event.version),
    column(({ event }) => event.type),
    column(({ event }) => event.schemaVersion),
    column(({ dataText }) => dataText),
    column(({ metadataText }) => metadataText),
    column(({ event }) => event.occurredAt),
    column(({ event }) => event.recordedAt),
    column(({ event }) => event.previousHash),
    column(({ event }) => event.hash),
    column(({ outbox }) => outbox?.topic ?? null),
    column(({ outbox }) => outbox?.headers ?? null),
    column(({ outbox }) => outbox?.payloadBeforeData ?? null),
    column(({ outbox }) => outbox?.payloadAfterData ?? null),
  ]);
  const heads = new Map<string, StreamHead>();
  const positions = new Map<string, string>();
  for (const row of rows) {
    if (row.event_id !== null && row.global_position !== null) {
      positions.set(row.event_id, row.global_position);
    } else if (row.stream_id !== null) {
      heads.set(
        row.stream_id,
        row.version === null
          ? EMPTY_STREAM
          : {
              version: row.version,
              hash: row.hash,
              streamType: row.stream_type,
              writtenByYoungerTransaction: row.written_by_younger_transaction === true,
            },
      );
    }
  }
  return heads.size > 0 ? { written: false, heads } : { written: true, positions };
}

/** pg's client, as TypeORM holds it for a transaction: it can run a named statement. */
interface PreparingClient {
  query(statement: {
    readonly name: string;
    readonly text: string;
    readonly values: readonly unknown[];
  }): Promise<{ readonly rows: unknown[] }>;
}

/**
 * Runs `text` as a named statement on the transaction's connection, so PostgreSQL parses and
 * plans it once per connection instead of on every append (planning the CTEs cost about as
 * much as running them). TypeORM has no way to name a statement, hence its pg client, taken
 * from the transaction's query runner; without one (another executor) it is an ordinary query.
 * Errors are pg's own, which postgresErrorFields reads as it reads TypeORM's.
 */
export async function preparedQuery<Row>(
  executor: SqlExecutor,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  const runner = (executor as { manager?: { queryRunner?: { databaseConnection?: unknown } } })
    .manager?.queryRunner;
  const client = runner?.databaseConnection as Partial<PreparingClient> | undefined;
  if (typeof client?.query !== 'function') return executor.query<Row>(text, values);
  const result = await (client as PreparingClient).query({ name, text, values });
  return result.rows as Row[];
}

/** The heads of several streams in one query, one index probe each (see APPEND_SQL). */
export async function readHeads(
  tx: SqlExecutor,
  streamIds: readonly string[],
): Promise<Map<string, StreamHead>> {
  const rows = await tx.query<{
    stream_id: string;
    version: number;
    hash: string;
    stream_type: string;
    written_by_younger_transaction: boolean;
  }>(
    `select wanted.stream_id, head.version, head.hash, head.stream_type,
            head.transaction_id > pg_current_xact_id() as written_by_younger_transaction
       from unnest($1::text[]) as wanted(stream_id)
      cross join lateral (
        select version, hash, stream_type, transaction_id from events
         where events.stream_id = wanted.stream_id
         order by version desc limit 1) as head`,
    [streamIds],
  );
  const heads = new Map<string, StreamHead>(streamIds.map((streamId) => [streamId, EMPTY_STREAM]));
  for (const row of rows) {
    heads.set(row.stream_id, {
      version: row.version,
      hash: row.hash,
      streamType: row.stream_type,
      writtenByYoungerTransaction: row.written_by_younger_transaction,
    });
  }
  return heads;
}
