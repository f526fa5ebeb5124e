import type { SqlExecutor } from '../database/platform-database';
import type { MessageSource } from './consumed-event';

export type InboxOutcome = 'applied' | 'skipped';

export interface InboxEntry {
  readonly consumerName: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly outcome: InboxOutcome;
  readonly source: MessageSource;
}

/**
 * Records the event for this consumer; false when it was already recorded (a redelivery).
 * A concurrent duplicate blocks on the primary key until the first transaction ends, so two
 * deliveries racing after a rebalance still apply once.
 */
export async function recordInInbox(tx: SqlExecutor, entry: InboxEntry): Promise<boolean> {
  const inserted = await tx.query(
    `insert into inbox (consumer_name, event_id, event_type, outcome, topic, partition, "offset")
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (consumer_name, event_id) do nothing
     returning 1`,
    [
      entry.consumerName,
      entry.eventId,
      entry.eventType,
      entry.outcome,
      entry.source.topic,
      entry.source.partition,
      entry.source.offset,
    ],
  );
  return inserted.length === 1;
}
