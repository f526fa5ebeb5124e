import type { Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';

/**
 * A read model kept from the event store. `apply` runs in the transaction that also
 * advances the projection's checkpoint, so the model and its position never disagree;
 * it must depend only on the events (no clock, no other state) so that a rebuild from
 * zero yields exactly the live model.
 */
export interface Projection {
  /** Stable name; the checkpoint is stored under it. */
  readonly name: string;
  handles(type: string): boolean;
  apply(tx: Transaction, event: EventEnvelope): Promise<void>;
  /** Empties the read model before a rebuild. */
  reset(tx: Transaction): Promise<void>;
}
