import type { EventEnvelope } from '../event-store/envelope';
import type { MessageHeaders } from '../messaging/messages';

/** Header names every published event carries, so consumers can route without parsing. */
export const EVENT_HEADERS = {
  eventType: 'event-type',
  eventId: 'event-id',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  contentType: 'content-type',
  /** W3C trace context of the request or event that caused it (ADR 0028); not signed. */
  traceparent: 'traceparent',
} as const;

/** Chooses the topic an event is published to; null keeps the event private to the service. */
export type TopicRouting = (event: EventEnvelope) => string | null;

/** The usual routing: every event of the service to its `<context>.events` topic. */
export function publishAllTo(topic: string): TopicRouting {
  return () => topic;
}

/** One Kafka message, as the outbox stores it and the relay sends it. */
export interface OutboxMessage {
  readonly topic: string;
  /** The stream id: one stream's events share a partition and keep their order. */
  readonly key: string;
  /** The envelope as JSON, data in its stored form (hash and previousHash included). */
  readonly payload: string;
  readonly headers: MessageHeaders;
}

export function outboxMessageFor(envelope: EventEnvelope, topic: string): OutboxMessage {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.eventType]: envelope.type,
    [EVENT_HEADERS.eventId]: envelope.eventId,
    [EVENT_HEADERS.schemaVersion]: String(envelope.schemaVersion),
    [EVENT_HEADERS.correlationId]: envelope.metadata.correlationId,
    [EVENT_HEADERS.contentType]: 'application/json',
  };
  // Kafka headers carry strings; an absent causation is an absent header, not "null".
  if (envelope.metadata.causationId !== null) {
    headers[EVENT_HEADERS.causationId] = envelope.metadata.causationId;
  }
  // The consumer continues the trace from here (the envelope carries it too, hashed).
  if (envelope.metadata.traceparent !== undefined) {
    headers[EVENT_HEADERS.traceparent] = envelope.metadata.traceparent;
  }
  return { topic, key: envelope.streamId, payload: JSON.stringify(envelope), headers };
}
