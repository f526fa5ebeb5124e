import type { PlatformDatabase, SqlExecutor, Transaction } from '../database/platform-database';
import type { AppendRequest } from '../event-store/append-request';
import type { Actor, EventEnvelope, EventMetadata, NewEvent } from '../event-store/envelope';
import { ConcurrencyError } from '../event-store/event-store.errors';
import type { EventStore } from '../event-store/event-store';
import { defaultLogger, type PlatformLogger } from '../observability/logger';
import { eventFields, noteRecordedEvents } from '../observability/recorded-events';
import { activeTraceparent } from '../observability/trace-context';
import { isEncryptedField } from '../personal-data/encrypted-field';
import type { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { decryptPersonalFields, encryptPersonalFields } from '../personal-data/personal-payload';
import type { Clock, IdGenerator } from './clock-and-ids';
import type { FoldedStateCache, FoldedStream } from './folded-state.cache';
import { MAX_TRANSACTION_ATTEMPTS, transactionRetryingConflicts } from './retrying-transaction';

/** A domain event as deciders produce it: a stable type name and its payload. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

export interface DomainRejection {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type DomainDecision<Event extends DomainEvent> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly rejection: DomainRejection };

/** How an aggregate's events fold into its state. */
export interface StreamFold<Event extends DomainEvent, State> {
  evolve(state: State, event: Event): State;
  initialState(): State;
  /**
   * Folds of this aggregate's streams kept in memory between loads (a long stream, streams a
   * batch revisits every month): a load then reads only the events after the newest cached
   * fold whose hash still matches the stored one (docs/adr/0012). Refused for streams with
   * personal data: a cached fold would keep it in clear after the subject's key is erased.
   */
  readonly cache?: FoldedStateCache<State>;
}

/** The three pure functions of an aggregate (emmett style), with its context already bound. */
export interface BoundDecider<Command, Event extends DomainEvent, State>
  extends StreamFold<Event, State> {
  decide(command: Command, state: State): DomainDecision<Event>;
}

/** How an aggregate's events are stored: stream type, schema versions, personal fields. */
export interface StreamDefinition<Event extends DomainEvent> {
  readonly streamType: string;
  readonly schemaVersions: Readonly<Record<Event['type'], number>>;
  readonly personalDataPaths: Readonly<Record<Event['type'], readonly string[]>>;
  /**
   * Writers of one stream queue on a transaction-scoped advisory lock before reading it,
   * instead of racing to its next version: for streams many commands hit at once (a sponsor
   * program) and streams batches write too, where a lost race on the (stream, version) key
   * would abort every other command of the transaction. Costs a round trip per command.
   * `handleMany` always locks the streams of its batch.
   */
  readonly queueWriters?: boolean;
}

/** Who acts, and the request or event that made them act: every event's metadata. */
export interface CommandCause {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

/** A command's cause and what commits with it: a request but for its stream and decider. */
export interface CommandMetadata<State> extends CommandCause {
  /** Other writes that must commit with the events (a lookup index, a read model row). */
  readonly alongside?: (
    tx: Transaction,
    stored: readonly EventEnvelope[],
    state: State,
  ) => Promise<void>;
  /** When the events happened in the world (a payment's instant); now by default. */
  readonly occurredAt?: string;
}

export interface CommandRequest<Command, Event extends DomainEvent, State>
  extends CommandMetadata<State> {
  readonly streamId: string;
  readonly decider: BoundDecider<Command, Event, State>;
  readonly command: Command;
  /** Whose key encrypts this stream's personal data (usually the participant). */
  readonly dataSubjectId: string;
}

export type CommandResult<State> =
  | {
      readonly ok: true;
      readonly events: readonly EventEnvelope[];
      readonly state: State;
      readonly version: number;
    }
  | {
      readonly ok: false;
      readonly rejection: DomainRejection;
      readonly state: State;
      readonly version: number;
    };

/** A decided command of a batch whose events are still to be appended. */
interface PendingAppend<State> {
  readonly at: number;
  readonly expectedVersion: number;
  readonly events: readonly DomainEvent[];
  readonly after: FoldedStream<State>;
}

/**
 * The write side of every service, the one path from command to stored events: load the
 * stream (decrypting personal data; from a folded-state cache when the fold has one), fold it,
 * decide, seal personal data, and append with the expected version and the outbox — in one
 * transaction with `alongside`. A stream that moved between the read and the append (the head
 * check refuses before writing) is read and decided again in the same transaction; a race the
 * transaction cannot survive (a unique-key race, an older transaction, a deadlock) runs the
 * whole transaction again (`handle`, `handleMany`) or is thrown to the caller who owns it
 * (`handleWithin`). So two racing commands never both act on a stale view.
 */
export class EventSourcedRepository<Event extends DomainEvent> {
  /** Whether any event type of the stream has personal fields to seal. */
  private readonly seals: boolean;

  constructor(
    private readonly database: PlatformDatabase,
    private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
    private readonly definition: StreamDefinition<Event>,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly logger: PlatformLogger = defaultLogger(),
  ) {
    this.seals = Object.values<readonly string[]>(definition.personalDataPaths).some(
      (paths) => paths.length > 0,
    );
  }

  /** The stream's state now; with a cached fold, only the events after it are read. */
  async load<State>(
    streamId: string,
    fold: StreamFold<Event, State>,
    executor?: SqlExecutor,
  ): Promise<FoldedStream<State>> {
    const on = executor ?? this.database;
    const from = this.firstVersionToRead(streamId, fold);
    const envelopes = await this.store.readStream(on, streamId, { fromVersion: from });
    return (
      (await this.foldRead(streamId, fold, from, envelopes)) ??
      (await this.loadWhole(streamId, fold, on))
    );
  }

  /** One command in its own transaction, decided again on a concurrent writer's state. */
  async handle<Command, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    const result = await transactionRetryingConflicts(this.database, (tx) =>
      this.handleIn(tx, request),
    );
    if (result.ok) this.committed(request, result.events);
    return result;
  }

  /**
   * The same decision and append inside a transaction the caller owns: a consumer's inbox
   * transaction, or another stream's `alongside` when two streams must change together. A
   * conflict the transaction cannot survive is thrown for the caller to retry it whole.
   */
  async handleWithin<Command, State>(
    tx: Transaction,
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    const result = await this.handleIn(tx, request);
    // The caller commits, and reports the commit (a consumer's "applied" line names them).
    if (result.ok) noteRecordedEvents(result.events);
    return result;
  }

  private async handleIn<Command, State>(
    tx: Transaction,
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    if (this.definition.queueWriters === true) {
      // Held until the caller's transaction ends.
      await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [request.streamId]);
    }
    return this.decideAndAppend(tx, request);
  }

  /**
   * Several commands in as few transactions as possible: one read of all their streams, one
   * append of all their events and one commit for the batch (the scheduler's pages, the fan-out
   * of a sponsor payment). Streams are locked and commands run in stream-id order (a stream's
   * own commands keep theirs), so two batches cannot deadlock each other; results come back in
   * the order of `requests`. Commands on one stream must share its fold. A stream a younger
   * transaction wrote meanwhile cannot be appended to from this one (ADR 0004): what is done so
   * far commits, and the rest goes on in a new transaction.
   */
  async handleMany<Command, State>(
    requests: readonly CommandRequest<Command, Event, State>[],
  ): Promise<CommandResult<State>[]> {
    const order = requests
      .map((request, index) => ({ request, index }))
      .sort((a, b) =>
        a.request.streamId < b.request.streamId
          ? -1
          : a.request.streamId > b.request.streamId
            ? 1
            : 0,
      );
    const results = new Array<CommandResult<State>>(requests.length);
    let done = 0;
    while (done < order.length) {
      const from = done;
      done = await transactionRetryingConflicts(this.database, async (tx) => {
        const pending = order.slice(from);
        const folds = new Map<string, StreamFold<Event, State>>();
        for (const { request } of pending) {
          if (!folds.has(request.streamId)) folds.set(request.streamId, request.decider);
        }
        // Every stream of the batch locked in one round trip, in stream-id order.
        await tx.query(
          'select pg_advisory_xact_lock(hashtextextended(stream_id, 0)) from unnest($1::text[]) as stream_id',
          [[...folds.keys()]],
        );
        const together = await this.decideAndAppendTogether(
          tx,
          pending.map(({ request }) => request),
          folds,
        );
        if (together !== null) {
          pending.forEach(({ index }, at) => (results[index] = together[at] ?? unreachable(index)));
          return order.length;
        }
        // A stream moved under us (a writer without the lock, an older transaction): one by one.
        for (let at = from; at < order.length; at += 1) {
          const next = order[at];
          if (next === undefined) break;
          try {
            results[next.index] = await this.decideAndAppend(tx, next.request);
          } catch (error) {
            const startAfresh =
              error instanceof ConcurrencyError && error.conflict === 'older-transaction';
            if (startAfresh && at > from) return at;
            throw error;
          }
        }
        return order.length;
      });
    }
    this.committedBatch(requests, results);
    return results;
  }

  /**
   * One line per event a committed command recorded, with what caused it (the trace ids come
   * from the active span). Only ids and types: payloads may hold personal data.
   */
  private committed(
    cause: CommandCause,
    events: readonly EventEnvelope[],
    level: 'info' | 'debug' = 'info',
  ): void {
    noteRecordedEvents(events);
    if (!this.logger.isLevelEnabled(level)) return;
    for (const event of events) {
      this.logger[level](
        {
          event: eventFields(event),
          correlationId: cause.correlationId,
          actorId: cause.actor.id,
          ...(cause.causationId ? { causationId: cause.causationId } : {}),
        },
        `recorded ${event.type}`,
      );
    }
  }

  /**
   * A batch's events line by line at debug, and one info line for the batch: a process's
   * fan-out records hundreds of thousands of events a month, and a line each at info cost
   * more than recording them (issue 16's profile).
   */
  private committedBatch<State>(
    requests: readonly CommandCause[],
    results: readonly CommandResult<State>[],
  ): void {
    const types = new Map<string, number>();
    const correlationIds = new Set<string>();
    let commands = 0;
    results.forEach((result, index) => {
      const request = requests[index];
      if (!result.ok || request === undefined) return;
      this.committed(request, result.events, 'debug');
      commands += 1;
      correlationIds.add(request.correlationId);
      for (const event of result.events) types.set(event.type, (types.get(event.type) ?? 0) + 1);
    });
    if (commands === 0) return;
    const events = [...types.values()].reduce((sum, count) => sum + count, 0);
    this.logger.info(
      {
        commands,
        recorded: Object.fromEntries(types),
        ...(correlationIds.size === 1 ? { correlationId: [...correlationIds][0] } : {}),
      },
      `recorded ${events} event(s) for ${commands} command(s)`,
    );
  }

  /** A stored envelope as the domain knows it: type and decrypted payload. */
  async toDomainEvent(envelope: EventEnvelope): Promise<Event> {
    return this.domainEventOf(envelope);
  }

  /**
   * The batch's commands with one read of all their streams and one append of all their
   * events (EventStore.readStreams / appendMany). Null when the store refused a version before
   * writing anything: the transaction is then still clean and the caller goes one by one.
   */
  private async decideAndAppendTogether<Command, State>(
    tx: Transaction,
    requests: readonly CommandRequest<Command, Event, State>[],
    folds: ReadonlyMap<string, StreamFold<Event, State>>,
  ): Promise<CommandResult<State>[] | null> {
    const current = await this.loadMany(folds, tx);
    const results: CommandResult<State>[] = [];
    const appends: PendingAppend<State>[] = [];
    for (const [at, request] of requests.entries()) {
      const loaded = current.get(request.streamId) ?? unreachable(request.streamId);
      const decision = request.decider.decide(request.command, loaded.state);
      if (!decision.ok) {
        results[at] = { ok: false, rejection: decision.rejection, ...stateOf(loaded) };
        continue;
      }
      const after: FoldedStream<State> = {
        state: decision.events.reduce(
          (state, event) => request.decider.evolve(state, event),
          loaded.state,
        ),
        version: loaded.version + decision.events.length,
        hash: loaded.hash,
      };
      results[at] = { ok: true, events: [], ...stateOf(after) };
      if (decision.events.length === 0) continue;
      appends.push({ at, expectedVersion: loaded.version, events: decision.events, after });
      current.set(request.streamId, after);
    }
    const appendRequests = await Promise.all(
      appends.map(({ at, expectedVersion, events }) =>
        this.appendRequest(requests[at] ?? unreachable(at), expectedVersion, events),
      ),
    );
    let stored: EventEnvelope[][];
    try {
      stored = await this.store.appendMany(tx, appendRequests);
    } catch (error) {
      const refusedBeforeWriting =
        error instanceof ConcurrencyError &&
        (error.conflict === 'version-mismatch' || error.conflict === 'older-transaction');
      if (refusedBeforeWriting) return null;
      throw error;
    }
    for (const [k, { at, after }] of appends.entries()) {
      const events = stored[k] ?? [];
      const request = requests[at] ?? unreachable(at);
      await request.alongside?.(tx, events, after.state);
      results[at] = { ok: true, events, ...stateOf(after) };
      this.cacheOf(request.decider)?.remember(request.streamId, {
        ...after,
        hash: events[events.length - 1]?.hash ?? after.hash,
      });
    }
    return results;
  }

  /** Load, decide, seal, append, alongside; the stream's lock (if any) already held. */
  private async decideAndAppend<Command, State>(
    tx: Transaction,
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    const { decider } = request;
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.load(request.streamId, decider, tx);
      const decision = decider.decide(request.command, loaded.state);
      if (!decision.ok) return { ok: false, rejection: decision.rejection, ...stateOf(loaded) };
      if (decision.events.length === 0) return { ok: true, events: [], ...stateOf(loaded) };
      let stored: EventEnvelope[];
      try {
        stored = await this.store.append(
          tx,
          await this.appendRequest(request, loaded.version, decision.events),
        );
      } catch (error) {
        // Refused before anything was written: the transaction is clean, read again here.
        const retryHere =
          error instanceof ConcurrencyError &&
          error.conflict === 'version-mismatch' &&
          attempt < MAX_TRANSACTION_ATTEMPTS;
        if (retryHere) continue;
        throw error;
      }
      const after = decision.events.reduce(
        (state, event) => decider.evolve(state, event),
        loaded.state,
      );
      await request.alongside?.(tx, stored, after);
      const version = loaded.version + stored.length;
      this.cacheOf(decider)?.remember(request.streamId, {
        state: after,
        version,
        hash: stored[stored.length - 1]?.hash ?? loaded.hash,
      });
      return { ok: true, events: stored, state: after, version };
    }
  }

  /** The events as the store takes them: ids, schema versions, personal fields sealed. */
  private async appendRequest<Command, State>(
    request: CommandRequest<Command, Event, State>,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<AppendRequest> {
    const now = this.clock.now();
    const unsealed: NewEvent[] = events.map((event) => ({
      eventId: this.ids.next(),
      type: event.type,
      schemaVersion: this.definition.schemaVersions[event.type as Event['type']],
      occurredAt: request.occurredAt ?? now,
      data: event.data,
    }));
    return {
      streamId: request.streamId,
      streamType: this.definition.streamType,
      expectedVersion,
      events: this.seals
        ? await Promise.all(
            unsealed.map(async (event) => ({
              ...event,
              data: await this.sealed(event, request.dataSubjectId),
            })),
          )
        : unsealed,
      metadata: this.metadataOf(request),
      recordedAt: now,
    };
  }

  /** The cause, and the trace the command runs in (ADR 0028) when there is one. */
  private metadataOf(cause: CommandCause): EventMetadata {
    const traceparent = activeTraceparent();
    return {
      correlationId: cause.correlationId,
      causationId: cause.causationId ?? null,
      actor: cause.actor,
      ...(traceparent === undefined ? {} : { traceparent }),
    };
  }

  private async sealed(event: NewEvent, subjectId: string): Promise<Record<string, unknown>> {
    const paths = this.definition.personalDataPaths[event.type as Event['type']] ?? [];
    const payload = event.data as Readonly<Record<string, unknown>>;
    return paths.length === 0
      ? { ...payload }
      : encryptPersonalFields(this.cipher, subjectId, payload, paths);
  }

  /** Several streams' states in one read (see load). */
  private async loadMany<State>(
    folds: ReadonlyMap<string, StreamFold<Event, State>>,
    executor: SqlExecutor,
  ): Promise<Map<string, FoldedStream<State>>> {
    const from = new Map(
      [...folds].map(([streamId, fold]) => [streamId, this.firstVersionToRead(streamId, fold)]),
    );
    const read = await this.store.readStreams(
      executor,
      [...from].map(([streamId, fromVersion]) => ({ streamId, fromVersion })),
    );
    const loaded = new Map<string, FoldedStream<State>>();
    for (const [streamId, fold] of folds) {
      const folded =
        (await this.foldRead(streamId, fold, from.get(streamId) ?? 1, read.get(streamId) ?? [])) ??
        (await this.loadWhole(streamId, fold, executor));
      loaded.set(streamId, folded);
    }
    return loaded;
  }

  private firstVersionToRead<State>(streamId: string, fold: StreamFold<Event, State>): number {
    const candidates = this.cacheOf(fold)?.candidates(streamId) ?? [];
    return candidates.length === 0 ? 1 : Math.min(...candidates.map((c) => c.version));
  }

  /**
   * Folds what was read from `from` on, onto the cached fold it continues; undefined when the
   * cached folds are not this stream's history (their write rolled back) and it must be read
   * whole.
   */
  private async foldRead<State>(
    streamId: string,
    fold: StreamFold<Event, State>,
    from: number,
    envelopes: readonly EventEnvelope[],
  ): Promise<FoldedStream<State> | undefined> {
    const cache = this.cacheOf(fold);
    let base: FoldedStream<State> | undefined = {
      state: fold.initialState(),
      version: 0,
      hash: null,
    };
    if (from > 1) {
      base = cache
        ?.candidates(streamId)
        .find((candidate) => envelopes[candidate.version - from]?.hash === candidate.hash);
      if (base === undefined) return undefined;
    }
    const folded = await this.foldOnto(base, envelopes.slice(base.version - from + 1), fold);
    cache?.remember(streamId, folded);
    return folded;
  }

  private async loadWhole<State>(
    streamId: string,
    fold: StreamFold<Event, State>,
    on: SqlExecutor,
  ): Promise<FoldedStream<State>> {
    this.cacheOf(fold)?.forget(streamId);
    const envelopes = await this.store.readStream(on, streamId);
    return (await this.foldRead(streamId, fold, 1, envelopes)) ?? unreachable(streamId);
  }

  private async foldOnto<State>(
    base: FoldedStream<State>,
    envelopes: readonly EventEnvelope[],
    fold: StreamFold<Event, State>,
  ): Promise<FoldedStream<State>> {
    let { state } = base;
    for (const envelope of envelopes) {
      const event = this.domainEventOf(envelope);
      state = fold.evolve(state, event instanceof Promise ? await event : event);
    }
    const last = envelopes[envelopes.length - 1];
    return last === undefined ? base : { state, version: last.version, hash: last.hash };
  }

  /** The payload as stored when nothing in it is sealed; decrypted otherwise. */
  private domainEventOf(envelope: EventEnvelope): Event | Promise<Event> {
    const data = envelope.data as Readonly<Record<string, unknown>>;
    if (!containsSealedField(data)) return { type: envelope.type, data } as unknown as Event;
    return decryptPersonalFields(this.cipher, data).then(
      (clear) => ({ type: envelope.type, data: clear }) as unknown as Event,
    );
  }

  private cacheOf<State>(fold: StreamFold<Event, State>): FoldedStateCache<State> | undefined {
    if (fold.cache !== undefined && this.seals) {
      throw new Error(
        `${this.definition.streamType} has personal fields: its folds may not be cached (they would outlive an erased key)`,
      );
    }
    return fold.cache;
  }
}

function stateOf<State>(folded: FoldedStream<State>): { state: State; version: number } {
  return { state: folded.state, version: folded.version };
}

/** Whether an encrypted personal field sits anywhere in `node`. */
function containsSealedField(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (isEncryptedField(node)) return true;
  if (Array.isArray(node)) return node.some(containsSealedField);
  for (const key in node) {
    if (containsSealedField((node as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function unreachable(what: unknown): never {
  throw new Error(`internal: nothing for ${String(what)}`);
}
