import type { Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import type { FieldError } from '../http/field-errors';
import type { MessageSource } from './consumed-event';

/** An event ready to apply inside the consumer's transaction, or why it never can be. */
export type PreparedEvent =
  | { readonly ok: true; readonly apply: (tx: Transaction) => Promise<void> }
  | {
      readonly ok: false;
      /** PAYLOAD_INVALID unless said; SCHEMA_VERSION_UNKNOWN for a version nobody here reads. */
      readonly reasonCode?: 'PAYLOAD_INVALID' | 'SCHEMA_VERSION_UNKNOWN';
      readonly errors: readonly FieldError[];
    };

/** Finds the handler of an event and checks its payload; `undefined` when nobody handles the type. */
export interface EventDispatch {
  prepare(
    envelope: EventEnvelope<string, Readonly<Record<string, unknown>>>,
    source: MessageSource,
  ): Promise<PreparedEvent> | undefined;
}
