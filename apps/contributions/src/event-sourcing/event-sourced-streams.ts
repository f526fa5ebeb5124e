import type { Decision } from '@santunan/domain-kernel';
import {
  ConcurrencyError,
  postgresErrorFields,
  type Actor,
  type AppendRequest,
  type Clock,
  type CommandResult,
  type DomainEvent,
  type EventEnvelope,
  type EventStore,
  type IdGenerator,
  type PlatformDatabase,
  type SqlExecutor,
  type StreamDefinition,
  type Transaction,
} from '@santunan/platform';
import type { FoldedStateCache, FoldedStream } from './folded-state.cache';

/** Who and why, for every event's metadata. */
export interface CommandCause {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

export interface CommandMetadata<State> extends CommandCause {
  /** When the events happened in the world (a payment's instant); now by default. */
  readonly occurredAt?: string;
  /** Writes that must commit with the events (an index row). */
  readonly alongside?: (
    tx: Transaction,
    stored: readonly EventEnvelope[],
    state: State,
  ) => Promise<void>;
}

export interface StreamCommand<Command, Event, State> extends CommandMetadata<State> {
  readonly streamId: string;
  readonly command: Command;
  /** The pure decider with its context (today, calendar, policy) bound. */
  readonly decide: (command: Command, state: State) => Decision<Event>;
}

export interface StreamFolding<Event, State> {
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

export interface StreamDependencies {
  readonly database: PlatformDatabase;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const MAX_ATTEMPTS = 5;

/** PostgreSQL's deadlock and serialization failures: the transaction may simply run again. */
const TRANSIENT_SQLSTATES: ReadonlySet<string> = new Set(['40P01', '40001']);

function worthRetrying(error: unknown): boolean {
  if (error instanceof ConcurrencyError) return true;
  const { code } = postgresErrorFields(error);
  return code !== undefined && TRANSIENT_SQLSTATES.has(code);
}

/**
 * Runs `work` in a transaction, again in a fresh one when it lost an optimistic-concurrency
 * race it could not settle inside (a unique-key race, an older transaction) or a deadlock.
 */
export async function transactionRetryingConflicts<T>(
  database: Pick<PlatformDatabase, 'transaction'>,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      if (!worthRetrying(error) || attempt >= MAX_ATTEMPTS) throw error;
      // Jittered: two batches that keep meeting on the same streams fall out of step.
      await new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 20) * attempt));
    }
  }
}

/**
 * The write side of the contributions streams: lock the stream for the transaction, load
 * it (from a folded-state cache when given), decide, append with the expected version and the
 * outbox. Unlike the platform's repository it runs many commands in one transaction (the
 * scheduler, the payment fan-out), queues writers of one stream instead of letting them race,
 * and reads only the tail of a cached stream (docs/adr/0012). Contributions events hold no
 * personal data, so nothing is sealed (the constructor refuses a definition that has some).
 */
export class EventSourcedStreams<Event extends DomainEvent, State> {
  constructor(
    private readonly dependencies: StreamDependencies,
    private readonly definition: StreamDefinition<Event>,
    private readonly folding: StreamFolding<Event, State>,
    private readonly cache: FoldedStateCache<State> | null = null,
  ) {
    const sealed = Object.entries<readonly string[]>(definition.personalDataPaths).filter(
      ([, paths]) => paths.length > 0,
    );
    if (sealed.length > 0) {
      throw new Error(
        `${definition.streamType} has personal fields (${sealed.map(([type]) => type).join(', ')}): use the platform's EventSourcedRepository, which seals them`,
      );
    }
  }

  /** The stream's state now; with a cache, only the events after the cached version are read. */
  async load(streamId: string, executor?: SqlExecutor): Promise<FoldedStream<State>> {
    const on = executor ?? this.dependencies.database;
    const from = this.firstVersionToRead(streamId);
    const envelopes = await this.dependencies.store.readStream(on, streamId, { fromVersion: from });
    return this.foldRead(streamId, from, envelopes) ?? this.loadWhole(streamId, on);
  }

  /** Several streams' states in one read (see load). */
  private async loadMany(
    streamIds: readonly string[],
    executor: SqlExecutor,
  ): Promise<Map<string, FoldedStream<State>>> {
    const from = new Map(
      streamIds.map((streamId) => [streamId, this.firstVersionToRead(streamId)]),
    );
    const read = await this.dependencies.store.readStreams(
      executor,
      streamIds.map((streamId) => ({ streamId, fromVersion: from.get(streamId) ?? 1 })),
    );
    const loaded = new Map<string, FoldedStream<State>>();
    for (const streamId of streamIds) {
      const envelopes = read.get(streamId) ?? [];
      const folded =
        this.foldRead(streamId, from.get(streamId) ?? 1, envelopes) ??
        (await this.loadWhole(streamId, executor));
      loaded.set(streamId, folded);
    }
    return loaded;
  }

  private firstVersionToRead(streamId: string): number {
    const candidates = this.cache?.candidates(streamId) ?? [];
    return candidates.length === 0 ? 1 : Math.min(...candidates.map((c) => c.version));
  }

  /**
   * Folds what was read from `from` on, onto the cached fold it continues; undefined when the
   * cached folds are not this stream's history (their write rolled back) and it must be read whole.
   */
  private foldRead(
    streamId: string,
    from: number,
    envelopes: readonly EventEnvelope[],
  ): FoldedStream<State> | undefined {
    if (from === 1) {
      const folded = this.fold(
        { state: this.folding.initialState(), version: 0, hash: null },
        envelopes,
      );
      this.cache?.remember(streamId, folded);
      return folded;
    }
    const base = (this.cache?.candidates(streamId) ?? []).find(
      (candidate) => envelopes[candidate.version - from]?.hash === candidate.hash,
    );
    if (base === undefined) return undefined;
    const folded = this.fold(base, envelopes.slice(base.version - from + 1));
    this.cache?.remember(streamId, folded);
    return folded;
  }

  private async loadWhole(streamId: string, on: SqlExecutor): Promise<FoldedStream<State>> {
    this.cache?.forget(streamId);
    const envelopes = await this.dependencies.store.readStream(on, streamId);
    return this.foldRead(streamId, 1, envelopes) ?? unreachable(streamId);
  }

  /** One command in its own transaction, decided again on a concurrent writer's state. */
  async handle<Command>(
    request: StreamCommand<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    return transactionRetryingConflicts(this.dependencies.database, (tx) =>
      this.handleWithin(tx, request),
    );
  }

  /**
   * Several commands in as few transactions as possible: one commit for a batch of streams.
   * They run in stream-id order (a stream's own commands keep theirs), so two batches lock
   * streams in the same order and cannot deadlock each other; the results come back in the
   * order of `requests`. A stream a younger transaction wrote meanwhile cannot be appended to
   * from this one (ADR 0004): what is done so far commits, and the rest goes on in a new one.
   */
  async handleMany<Command>(
    requests: readonly StreamCommand<Command, Event, State>[],
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
      done = await transactionRetryingConflicts(this.dependencies.database, async (tx) => {
        // Every stream of the batch locked in one round trip, in stream-id order.
        const pending = order.slice(from);
        const streamIds = [...new Set(pending.map(({ request }) => request.streamId))];
        await tx.query(
          'select pg_advisory_xact_lock(hashtextextended(stream_id, 0)) from unnest($1::text[]) as stream_id',
          [streamIds],
        );
        const together = await this.decideAndAppendTogether(
          tx,
          pending.map(({ request }) => request),
          streamIds,
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
    return results;
  }

  /**
   * The batch's commands with one read of all their streams and one append of all their events
   * (EventStore.readStreams / appendMany): a few round trips for the batch instead of four per
   * command. Null when the store refused a version before writing anything; the transaction is
   * then still clean and the caller goes one by one.
   */
  private async decideAndAppendTogether<Command>(
    tx: Transaction,
    requests: readonly StreamCommand<Command, Event, State>[],
    streamIds: readonly string[],
  ): Promise<CommandResult<State>[] | null> {
    const current = await this.loadMany(streamIds, tx);
    const results: CommandResult<State>[] = [];
    const appends: { at: number; request: AppendRequest; after: FoldedStream<State> }[] = [];
    for (const [at, request] of requests.entries()) {
      const loaded = current.get(request.streamId) ?? unreachable(request.streamId);
      const decision = request.decide(request.command, loaded.state);
      if (!decision.ok) {
        results[at] = {
          ok: false,
          rejection: decision.rejection,
          state: loaded.state,
          version: loaded.version,
        };
        continue;
      }
      const after: FoldedStream<State> = {
        state: decision.events.reduce(this.folding.evolve, loaded.state),
        version: loaded.version + decision.events.length,
        hash: loaded.hash,
      };
      results[at] = { ok: true, events: [], state: after.state, version: after.version };
      if (decision.events.length === 0) continue;
      appends.push({
        at,
        request: this.appendRequest(request, loaded.version, decision.events),
        after,
      });
      current.set(request.streamId, after);
    }
    let stored: EventEnvelope[][];
    try {
      stored = await this.dependencies.store.appendMany(
        tx,
        appends.map(({ request }) => request),
      );
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
      results[at] = { ok: true, events, state: after.state, version: after.version };
      this.cache?.remember(request.streamId, {
        ...after,
        hash: events[events.length - 1]?.hash ?? after.hash,
      });
    }
    return results;
  }

  /**
   * One command in the caller's transaction, holding the stream's transaction lock until the
   * caller commits. A stream that moved between our read and our append (a writer that does
   * not take the lock) is read and decided again here; a conflict the transaction cannot
   * survive (a unique-key race, an older transaction) is thrown for the caller to retry.
   */
  async handleWithin<Command>(
    tx: Transaction,
    request: StreamCommand<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    // Writers of one stream queue here rather than race to the same version: a lost race on
    // the unique key would abort the whole transaction, a batch's other commands with it.
    await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [request.streamId]);
    return this.decideAndAppend(tx, request);
  }

  /** Load, decide, append, with the stream's lock already held. */
  private async decideAndAppend<Command>(
    tx: Transaction,
    request: StreamCommand<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.load(request.streamId, tx);
      const decision = request.decide(request.command, loaded.state);
      if (!decision.ok) {
        return {
          ok: false,
          rejection: decision.rejection,
          state: loaded.state,
          version: loaded.version,
        };
      }
      if (decision.events.length === 0) {
        return { ok: true, events: [], state: loaded.state, version: loaded.version };
      }
      let stored: EventEnvelope[];
      try {
        stored = await this.append(tx, request, loaded.version, decision.events);
      } catch (error) {
        const retryHere =
          error instanceof ConcurrencyError &&
          error.conflict === 'version-mismatch' &&
          attempt < MAX_ATTEMPTS;
        if (retryHere) continue;
        throw error;
      }
      const after = decision.events.reduce(this.folding.evolve, loaded.state);
      await request.alongside?.(tx, stored, after);
      const version = loaded.version + stored.length;
      this.cache?.remember(request.streamId, {
        state: after,
        version,
        hash: stored[stored.length - 1]?.hash ?? loaded.hash,
      });
      return { ok: true, events: stored, state: after, version };
    }
  }

  private append<Command>(
    tx: Transaction,
    request: StreamCommand<Command, Event, State>,
    expectedVersion: number,
    events: readonly Event[],
  ): Promise<EventEnvelope[]> {
    return this.dependencies.store.append(tx, this.appendRequest(request, expectedVersion, events));
  }

  private appendRequest<Command>(
    request: StreamCommand<Command, Event, State>,
    expectedVersion: number,
    events: readonly Event[],
  ): AppendRequest {
    const { clock, ids } = this.dependencies;
    const now = clock.now();
    return {
      streamId: request.streamId,
      streamType: this.definition.streamType,
      expectedVersion,
      events: events.map((event) => ({
        eventId: ids.next(),
        type: event.type,
        schemaVersion: this.definition.schemaVersions[event.type as Event['type']],
        occurredAt: request.occurredAt ?? now,
        data: event.data,
      })),
      metadata: {
        correlationId: request.correlationId,
        causationId: request.causationId ?? null,
        actor: request.actor,
      },
      recordedAt: now,
    };
  }

  private fold(
    base: FoldedStream<State>,
    envelopes: readonly EventEnvelope[],
  ): FoldedStream<State> {
    let { state } = base;
    for (const envelope of envelopes)
      state = this.folding.evolve(state, this.domainEventOf(envelope));
    const last = envelopes[envelopes.length - 1];
    return last === undefined ? base : { state, version: last.version, hash: last.hash };
  }

  private domainEventOf(envelope: EventEnvelope): Event {
    return { type: envelope.type, data: envelope.data } as Event;
  }
}

function unreachable(what: unknown): never {
  throw new Error(`internal: nothing for ${String(what)}`);
}
