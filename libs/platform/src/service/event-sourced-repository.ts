import type { PlatformDatabase, Transaction } from '../database/platform-database';
import type { Actor, EventEnvelope } from '../event-store/envelope';
import { ConcurrencyError } from '../event-store/event-store.errors';
import type { EventStore } from '../event-store/event-store';
import type { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { decryptPersonalFields, encryptPersonalFields } from '../personal-data/personal-payload';
import type { Clock, IdGenerator } from './clock-and-ids';

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

/** The three pure functions of an aggregate (emmett style), with its context already bound. */
export interface BoundDecider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): DomainDecision<Event>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** How an aggregate's events are stored: stream type, schema versions, personal fields. */
export interface StreamDefinition<Event extends DomainEvent> {
  readonly streamType: string;
  readonly schemaVersions: Readonly<Record<Event['type'], number>>;
  readonly personalDataPaths: Readonly<Record<Event['type'], readonly string[]>>;
}

export interface CommandRequest<Command, Event extends DomainEvent, State> {
  readonly streamId: string;
  readonly decider: BoundDecider<Command, Event, State>;
  readonly command: Command;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** Whose key encrypts this stream's personal data (usually the participant). */
  readonly dataSubjectId: string;
  /** Other writes that must commit with the events (a lookup index, a read model row). */
  readonly alongside?: (
    tx: Transaction,
    stored: readonly EventEnvelope[],
    state: State,
  ) => Promise<void>;
  /** When the events happened in the world; now by default. */
  readonly occurredAt?: string;
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

const MAX_ATTEMPTS = 5;

/**
 * The write side of a service: load the stream (decrypting personal data), fold it, decide,
 * encrypt and append with the expected version — all in one transaction with `alongside`.
 * A concurrent writer makes the append fail with ConcurrencyError; the command is then
 * decided again on the new state, so two racing commands never both act on a stale view.
 */
export class EventSourcedRepository<Event extends DomainEvent> {
  constructor(
    private readonly database: PlatformDatabase,
    private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
    private readonly definition: StreamDefinition<Event>,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async load<State>(
    streamId: string,
    decider: Pick<BoundDecider<unknown, Event, State>, 'evolve' | 'initialState'>,
    tx?: Transaction,
  ): Promise<{ state: State; version: number }> {
    const envelopes = await this.store.readStream(tx ?? this.database, streamId);
    let state = decider.initialState();
    for (const envelope of envelopes) {
      state = decider.evolve(state, await this.toDomainEvent(envelope));
    }
    return { state, version: envelopes.length };
  }

  async handle<Command, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.database.transaction((tx) => this.attempt(tx, request));
      } catch (error) {
        if (error instanceof ConcurrencyError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * The same decision and append inside a transaction the caller owns: a consumer's inbox
   * transaction, or another stream's `alongside` when two streams must change together. No
   * retry here: a ConcurrencyError rolls the caller's transaction back for it to retry.
   */
  handleWithin<Command, State>(
    tx: Transaction,
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    return this.attempt(tx, request);
  }

  private async attempt<Command, State>(
    tx: Transaction,
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<State>> {
    const { state, version } = await this.load(request.streamId, request.decider, tx);
    const decision = request.decider.decide(request.command, state);
    if (!decision.ok) return { ok: false, rejection: decision.rejection, state, version };
    if (decision.events.length === 0) return { ok: true, events: [], state, version };

    const now = this.clock.now();
    const newEvents = await Promise.all(
      decision.events.map(async (event) => ({
        eventId: this.ids.next(),
        type: event.type,
        schemaVersion: this.definition.schemaVersions[event.type as Event['type']],
        occurredAt: request.occurredAt ?? now,
        data: await this.sealed(event, request.dataSubjectId),
      })),
    );
    const stored = await this.store.append(tx, {
      streamId: request.streamId,
      streamType: this.definition.streamType,
      expectedVersion: version,
      events: newEvents,
      metadata: {
        correlationId: request.correlationId,
        causationId: request.causationId ?? null,
        actor: request.actor,
      },
      recordedAt: now,
    });
    const after = decision.events.reduce((s, event) => request.decider.evolve(s, event), state);
    await request.alongside?.(tx, stored, after);
    return { ok: true, events: stored, state: after, version: version + stored.length };
  }

  private async sealed(event: Event, subjectId: string): Promise<Record<string, unknown>> {
    const paths = this.definition.personalDataPaths[event.type as Event['type']] ?? [];
    const payload = event.data as Readonly<Record<string, unknown>>;
    return paths.length === 0
      ? { ...payload }
      : encryptPersonalFields(this.cipher, subjectId, payload, paths);
  }

  /** A stored envelope as the domain knows it: type and decrypted payload. */
  async toDomainEvent(envelope: EventEnvelope): Promise<Event> {
    const data = await decryptPersonalFields(
      this.cipher,
      envelope.data as Readonly<Record<string, unknown>>,
    );
    return { type: envelope.type, data } as unknown as Event;
  }
}
