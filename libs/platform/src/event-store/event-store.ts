import type { SqlExecutor, Transaction } from '../database/platform-database';
import { outboxRowTemplate } from '../outbox/outbox-writer';
import type { TopicRouting } from '../outbox/outbox-message';
import { assertValidAppend, type AppendRequest } from './append-request';
import {
  EMPTY_STREAM,
  readHeads,
  runAppendStatement,
  type EventToInsert,
  type StreamHead,
} from './append-statement';
import { toStoredJsonText, type JsonValue } from './canonical-json';
import type { EventEnvelope, EventMetadata } from './envelope';
import { eventHash } from './event-hash';
import { EVENT_COLUMNS, envelopeFromRow, positionOf, type EventRow } from './event-row';
import { ConcurrencyError, DuplicateEventError, InvalidAppendError } from './event-store.errors';
import { HeadHints } from './head-hints';
import { postgresErrorFields, UNIQUE_VIOLATION } from './postgres-error';
import { START_OF_STORE, type PositionedEvent, type StorePosition } from './store-position';
import { publishedEventUpcasters, type UpcasterRegistry } from './upcaster-registry';

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

const DEFAULT_READ_ALL_LIMIT = 500;
const READ_ALL_SQL = `select ${EVENT_COLUMNS} from events
  where (transaction_id, global_position) > ($1::xid8, $2::bigint)
    and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by transaction_id, global_position
  limit $3`;

// One statement, so one snapshot: the page of matching events and the last event behind the
// same horizon. No row when nothing is new; page columns null when nothing new matches.
const READ_ALL_OF_TYPES_SQL = `with scanned as (
    select transaction_id, global_position from events
     where (transaction_id, global_position) > ($1::xid8, $2::bigint)
       and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     order by transaction_id desc, global_position desc
     limit 1),
  page as (
    select ${EVENT_COLUMNS} from events
     where (transaction_id, global_position) > ($1::xid8, $2::bigint)
       and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       and type = any($3::text[])
     order by transaction_id, global_position
     limit $4)
  select page.*, scanned.transaction_id as scanned_transaction_id,
         scanned.global_position as scanned_global_position
    from scanned left join page on true
   order by page.transaction_id, page.global_position`;

/**
 * Event streams in PostgreSQL with optimistic concurrency, a per-stream hash chain and a
 * transactional outbox. Every method takes the executor to run on, so a caller appends in
 * its own transaction together with its other writes.
 */
export class EventStore {
  private readonly upcasters: UpcasterRegistry;
  /** Heads this store last read or wrote: what an append assumes instead of reading first. */
  private readonly heads = new HeadHints();

  constructor(private readonly options: EventStoreOptions) {
    this.upcasters = options.upcasters ?? publishedEventUpcasters();
  }

  /**
   * Appends events after `expectedVersion` and queues them for publication, both in `tx`.
   * Throws ConcurrencyError when another writer got there first and DuplicateEventError when
   * an event id is taken. A 'version-mismatch' or 'older-transaction' is found before anything
   * is written; after a 'concurrent-append' or a duplicate the transaction must be rolled back.
   */
  async append(tx: Transaction, request: AppendRequest): Promise<EventEnvelope[]> {
    const [stored] = await this.appendMany(tx, [request]);
    return stored ?? [];
  }

  /**
   * Several appends in one go: usually one statement for all of them (heads checked, events and
   * outbox rows inserted; see runAppendStatement), instead of three round trips per stream.
   * Requests on the same stream follow each other in the given order (the second expects the
   * version the first leaves). Results come back in the order of `requests`. A version
   * conflict is thrown before anything is written, so the caller's transaction stays usable;
   * errors as `append`.
   */
  async appendMany(
    tx: Transaction,
    requests: readonly AppendRequest[],
  ): Promise<EventEnvelope[][]> {
    const started = performance.now();
    requests.forEach(assertValidAppend);
    const serialised = requests.map((request) => serialise(request));
    const streamIds = [...new Set(requests.map((request) => request.streamId))];
    // The heads the events are chained to: read ones are confirmed (a refusal is final); the
    // others are assumed (a new stream, or the head this store last saw) and only the
    // statement tells whether they hold.
    const heads = new Map<string, { head: StreamHead; confirmed: boolean }>();
    const unknown: string[] = [];
    for (const streamId of streamIds) {
      const head = this.assumedHead(streamId, requests);
      if (head === undefined) unknown.push(streamId);
      else heads.set(streamId, { head, confirmed: false });
    }
    const confirm = async (streams: readonly string[]): Promise<void> => {
      for (const [streamId, head] of await readHeads(tx, streams)) {
        heads.set(streamId, { head, confirmed: true });
      }
    };
    if (unknown.length > 0) await confirm(unknown);
    for (let attempt = 1; ; attempt += 1) {
      const chained = chainAll(requests, serialised, heads, this.options.topicFor);
      if (chained.unconfirmed.length > 0) {
        // An assumed head the request does not fit: read it before refusing or chaining.
        await confirm(chained.unconfirmed);
        continue;
      }
      const events = chained.perRequest.flat();
      if (events.length === 0) return requests.map(() => []);
      const outcome = await runAppendStatement(
        tx,
        new Map([...heads].map(([streamId, { head }]) => [streamId, head])),
        events,
      ).catch((error: unknown) => {
        throw translateInsertError(error, requests);
      });
      if (!outcome.written) {
        // Nothing written: the other heads were as assumed; check against the actual ones.
        for (const [streamId, entry] of heads) heads.set(streamId, { ...entry, confirmed: true });
        for (const [streamId, head] of outcome.heads)
          heads.set(streamId, { head, confirmed: true });
        if (attempt < MAX_APPEND_ATTEMPTS) continue;
        // Heads that keep moving under 'any': let the caller retry in a new transaction.
        const [streamId] = outcome.heads.keys();
        const request = requests.find((candidate) => candidate.streamId === streamId);
        throw new ConcurrencyError(
          streamId ?? 'unknown',
          request?.expectedVersion ?? 'any',
          null,
          'concurrent-append',
        );
      }
      const stored = chained.perRequest.map((requestEvents) =>
        requestEvents.map(
          ({ event }): EventEnvelope => ({
            ...event,
            globalPosition: outcome.positions.get(event.eventId) ?? missing(event),
          }),
        ),
      );
      for (const requestEvents of stored) {
        const last = requestEvents[requestEvents.length - 1];
        if (last !== undefined) this.heads.remember(last);
      }
      this.observe(started, events.length);
      return stored;
    }
  }

  /** The head an append on `streamId` can be chained to without reading it, if any. */
  private assumedHead(
    streamId: string,
    requests: readonly AppendRequest[],
  ): StreamHead | undefined {
    const seen = this.heads.get(streamId);
    if (seen !== undefined) return seen;
    const first = requests.find((request) => request.streamId === streamId);
    return first?.expectedVersion === 0 ? EMPTY_STREAM : undefined;
  }

  private observe(started: number, events: number): void {
    if (events > 0) this.options.observer?.appended(events, (performance.now() - started) / 1000);
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
    const last = rows[rows.length - 1];
    if (last !== undefined) this.heads.rememberRow(last);
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
    for (const [at, row] of rows.entries()) {
      result.get(row.stream_id)?.push(this.upcasters.upcast(envelopeFromRow(row)));
      // Each stream's rows run to its head (the rows are in stream, then version order).
      if (rows[at + 1]?.stream_id !== row.stream_id) this.heads.rememberRow(row);
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
    const rows = await executor.query<EventRow>(READ_ALL_SQL, [
      after.transactionId,
      after.globalPosition,
      options.limit ?? DEFAULT_READ_ALL_LIMIT,
    ]);
    return rows.map((row) => ({
      position: positionOf(row),
      event: this.upcasters.upcast(envelopeFromRow(row)),
    }));
  }

  /**
   * readAll for a reader that wants only a few types (as stored): the others are skipped in
   * PostgreSQL instead of being sent, parsed and upcast. `readThrough` is where the reader may
   * move its checkpoint: the last event returned when the page is full, else the last event
   * behind the horizon, matching or not — both from the statement's one snapshot, so nothing
   * matching can lie between. A process manager reading a store of account events for its
   * program events reads a page of its own instead of the whole store.
   */
  async readAllOfTypes(
    executor: SqlExecutor,
    types: readonly string[],
    options: ReadAllOptions = {},
  ): Promise<{ readonly events: PositionedEvent[]; readonly readThrough: StorePosition }> {
    const after = options.after ?? START_OF_STORE;
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    const rows = await executor.query<
      Partial<EventRow> & { scanned_transaction_id: string; scanned_global_position: string }
    >(READ_ALL_OF_TYPES_SQL, [after.transactionId, after.globalPosition, [...types], limit]);
    const [first] = rows;
    if (first === undefined) return { events: [], readThrough: after };
    const events = rows
      .filter((row): row is EventRow & typeof row => row.event_id != null)
      .map((row) => ({
        position: positionOf(row),
        event: this.upcasters.upcast(envelopeFromRow(row)),
      }));
    const lastReturned = events[events.length - 1];
    const readThrough =
      events.length === limit && lastReturned !== undefined
        ? lastReturned.position
        : positionOf({
            transaction_id: first.scanned_transaction_id,
            global_position: first.scanned_global_position,
          });
    return { events, readThrough };
  }
}

/** How often an append is chained again to heads that moved under it before it gives up. */
const MAX_APPEND_ATTEMPTS = 5;

/** A request's metadata and each event's data serialised once: the text the row and the outbox take, the value the hash takes. */
interface SerialisedRequest {
  readonly metadata: { readonly text: string; readonly value: JsonValue };
  readonly data: readonly { readonly text: string; readonly value: JsonValue }[];
}

function serialise(request: AppendRequest): SerialisedRequest {
  return {
    metadata: toStoredJsonText(request.metadata),
    data: request.events.map((event) => toStoredJsonText(event.data)),
  };
}

/**
 * Chains every request to the head before it (the stream's head, then the previous request's
 * events on the same stream). A confirmed head that refuses a request throws; an assumed one
 * that does not fit it is listed in `unconfirmed` instead, to be read.
 */
function chainAll(
  requests: readonly AppendRequest[],
  serialised: readonly SerialisedRequest[],
  heads: ReadonlyMap<string, { readonly head: StreamHead; readonly confirmed: boolean }>,
  topicFor: TopicRouting,
): { perRequest: EventToInsert[][]; unconfirmed: string[] } {
  const current = new Map<string, { head: StreamHead; confirmed: boolean }>(heads);
  const unconfirmed = new Set<string>();
  const perRequest = requests.map((request, index) => {
    const entry = current.get(request.streamId) ?? { head: EMPTY_STREAM, confirmed: false };
    if (unconfirmed.has(request.streamId)) return [];
    const refusal = refusalOf(request, entry.head);
    if (refusal !== undefined) {
      if (entry.confirmed) throw refusal;
      unconfirmed.add(request.streamId);
      return [];
    }
    const chained = chainToHead(
      request,
      serialised[index] ?? unreachable(index),
      entry.head,
      topicFor,
    );
    const last = chained[chained.length - 1]?.event;
    if (last !== undefined) {
      // The next request on this stream follows these events, written by this transaction.
      current.set(request.streamId, {
        head: {
          version: last.version,
          hash: last.hash,
          streamType: request.streamType,
          writtenByYoungerTransaction: false,
        },
        confirmed: entry.confirmed,
      });
    }
    return chained;
  });
  return { perRequest, unconfirmed: [...unconfirmed] };
}

/** Why `head` does not allow the append, if it does not; nothing has been written yet. */
function refusalOf(request: AppendRequest, head: StreamHead): Error | undefined {
  if (head.version > 0 && head.streamType !== null && head.streamType !== request.streamType) {
    return new InvalidAppendError(
      `stream "${request.streamId}" is a ${head.streamType}, not a ${request.streamType}`,
    );
  }
  if (request.expectedVersion !== 'any' && request.expectedVersion !== head.version) {
    return new ConcurrencyError(
      request.streamId,
      request.expectedVersion,
      head.version,
      'version-mismatch',
    );
  }
  if (head.writtenByYoungerTransaction) {
    return new ConcurrencyError(
      request.streamId,
      request.expectedVersion,
      head.version,
      'older-transaction',
    );
  }
  return undefined;
}

/** Numbers the new events after the head and links each to its predecessor's hash. */
function chainToHead(
  request: AppendRequest,
  serialised: SerialisedRequest,
  head: StreamHead,
  topicFor: TopicRouting,
): EventToInsert[] {
  const metadata = serialised.metadata.value;
  let previousHash = head.hash;
  return request.events.map((event, index) => {
    const data = serialised.data[index] ?? unreachable(index);
    const fields = {
      eventId: event.eventId,
      streamId: request.streamId,
      streamType: request.streamType,
      version: head.version + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: data.value,
      metadata,
      occurredAt: event.occurredAt,
      recordedAt: request.recordedAt,
      previousHash,
    };
    const hash = eventHash(fields);
    previousHash = hash;
    // The stored forms, so append's result equals what a later read gives back.
    const stored = { ...fields, metadata: metadata as unknown as EventMetadata, hash };
    return {
      event: stored,
      dataText: data.text,
      metadataText: serialised.metadata.text,
      outbox: outboxRowTemplate(stored, topicFor),
    };
  });
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

function missing(event: Omit<EventEnvelope, 'globalPosition'>): never {
  throw new Error(`insert returned no position for event ${event.eventId}`);
}

function unreachable(index: number): never {
  throw new Error(`no entry at ${index}`);
}
