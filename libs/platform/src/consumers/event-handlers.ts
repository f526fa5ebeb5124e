import type { Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import type { FieldError } from '../http/field-errors';
import type { ConsumedEvent, MessageSource } from './consumed-event';
import { validatePayload } from './payload-validation';

/**
 * Applies one event's side effect inside the consumer's transaction. Write through `tx` only:
 * anything else (another connection, an HTTP call) is not rolled back with the inbox row.
 */
export type EventHandler<Data> = (event: ConsumedEvent<Data>, tx: Transaction) => Promise<void>;

type Envelope = EventEnvelope<string, Readonly<Record<string, unknown>>>;

export type PreparedEvent =
  | { readonly ok: true; readonly apply: (tx: Transaction) => Promise<void> }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

interface Registration {
  prepare(envelope: Envelope, source: MessageSource): Promise<PreparedEvent>;
}

/** The event types a consumer handles, each with the DTO its payload must satisfy. */
export class EventHandlers {
  private readonly registrations = new Map<string, Registration>();

  on<Data extends object>(
    type: string,
    payload: new () => Data,
    handler: EventHandler<Data>,
  ): this {
    if (this.registrations.has(type))
      throw new Error(`a handler for ${type} is already registered`);
    this.registrations.set(type, {
      prepare: async (envelope, source) => {
        const validation = await validatePayload(payload, envelope.data);
        if (!validation.ok) return validation;
        const event: ConsumedEvent<Data> = { ...envelope, data: validation.value, source };
        return { ok: true, apply: (tx) => handler(event, tx) };
      },
    });
    return this;
  }

  handles(type: string): boolean {
    return this.registrations.has(type);
  }

  get types(): readonly string[] {
    return [...this.registrations.keys()];
  }

  /** Validates the payload of a handled type; `undefined` when the type is not handled. */
  prepare(envelope: Envelope, source: MessageSource): Promise<PreparedEvent> | undefined {
    return this.registrations.get(envelope.type)?.prepare(envelope, source);
  }
}
