import type { EventEnvelope } from '../event-store/envelope';
import { multiRowValues } from '../event-store/sql-values';
import type { SqlExecutor } from '../database/platform-database';
import { outboxMessageFor, type TopicRouting } from './outbox-message';

/**
 * Writes one outbox row per routed event. Call it in the transaction that stored the
 * events: that is the whole point (no dual writes, conventions.md rule 8). EventStore.append
 * writes its rows itself, in the statement that inserts the events (see outboxRowTemplate).
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

/**
 * An event's outbox row before the insert has given the event its global position. The
 * payload is `payloadBeforeData || <data as stored, JSON> || payloadAfterData || <global
 * position> || '"}'`, put together by the append statement: the data's JSON text, which the
 * statement also casts to jsonb for the events row, is sent and written once.
 */
export interface OutboxRowTemplate {
  readonly topic: string;
  /** The message headers as JSON (the outbox's jsonb column). */
  readonly headers: string;
  readonly payloadBeforeData: string;
  /** Ends with `"globalPosition":"`. */
  readonly payloadAfterData: string;
}

const DATA_MEMBER = '"data":null';
const POSITION_MEMBER = '"globalPosition":""}';

/**
 * The outbox row of `event` as outboxMessageFor makes it (headers, and the payload's layout:
 * JSON.stringify of the envelope, globalPosition its last member), or null when `topicFor`
 * keeps the event private. Routing is decided before the insert numbers the event, so the
 * envelope `topicFor` sees carries an empty globalPosition.
 */
export function outboxRowTemplate(
  event: Omit<EventEnvelope, 'globalPosition'>,
  topicFor: TopicRouting,
): OutboxRowTemplate | null {
  const unnumbered: EventEnvelope = { ...event, globalPosition: '' };
  const topic = topicFor(unnumbered);
  if (topic === null) return null;
  // The envelope without its data (the key keeps its place), so the data is not serialised
  // again; no string value can contain `"data":` unescaped, so the first match is the member.
  const { headers, payload } = outboxMessageFor({ ...unnumbered, data: null }, topic);
  const dataAt = payload.indexOf(DATA_MEMBER);
  if (dataAt < 0 || !payload.endsWith(POSITION_MEMBER)) {
    throw new Error('outbox payload layout is not the envelope JSON outboxRowTemplate expects');
  }
  return {
    topic,
    headers: JSON.stringify(headers),
    payloadBeforeData: payload.slice(0, dataAt + DATA_MEMBER.length - 'null'.length),
    payloadAfterData: payload.slice(dataAt + DATA_MEMBER.length, -2),
  };
}
