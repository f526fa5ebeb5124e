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
  /**
   * Optional: a page's handled events at once, in store order, with the same effect as
   * `apply` on each in turn — so a projection can write a page in a few statements instead of
   * a round trip per event. The runner uses it when present.
   */
  applyBatch?(tx: Transaction, events: readonly EventEnvelope[]): Promise<void>;
  /** Empties the read model before a rebuild. */
  reset(tx: Transaction): Promise<void>;
}
