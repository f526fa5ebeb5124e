import type { EventEnvelope } from '../event-store/envelope';
import { multiRowValues } from '../event-store/sql-values';
import type { SqlExecutor } from '../database/platform-database';
import { outboxMessageFor, type TopicRouting } from './outbox-message';

/**
 * Writes one outbox row per routed event. Call it in the transaction that stored the
 * events: that is the whole point (no dual writes, conventions.md rule 8).
 */
export async function enqueueForPublication(
  tx: SqlExecutor,
  events: readonly EventEnvelope[],
  topicFor: TopicRouting,
): Promise<void> {
  const rows: unknown[][] = [];
  for (const event of events) {
    const topic = topicFor(event);
    if (topic === null) continue;
    const message = outboxMessageFor(event, topic);
    rows.push([
      event.globalPosition,
      event.eventId,
      message.topic,
      message.key,
      message.payload,
      JSON.stringify(message.headers),
    ]);
  }
  if (rows.length === 0) return;
  const values = multiRowValues(rows);
  await tx.query(
    `insert into outbox (event_global_position, event_id, topic, message_key, payload, headers) values ${values.sql}`,
    values.parameters,
  );
}
