import { randomUUID } from 'node:crypto';
import type { Actor, EventEnvelope } from '@santunan/platform';

/** What a consumer test says of an event another service published; the rest is fixed. */
export interface PublishedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamId: string;
  readonly streamType: string;
  /** The event's place in its stream (and in the publisher's store): 1 unless given. */
  readonly version?: number;
  readonly occurredAt: string;
  /** When the publisher stored it: when it occurred unless given. */
  readonly recordedAt?: string;
  readonly actor: Actor;
}

/**
 * An event as it arrives on a topic, for consumer tests that run no publisher: a fresh event
 * id and correlation id, schema version 1, and a stand-in hash (consumers do not check the chain).
 */
export function publishedEnvelope(event: PublishedEvent): EventEnvelope {
  const version = event.version ?? 1;
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    streamId: event.streamId,
    streamType: event.streamType,
    version,
    globalPosition: String(version),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt ?? event.occurredAt,
    metadata: { correlationId: randomUUID(), causationId: null, actor: event.actor },
    data: event.data,
    hash: 'a'.repeat(64),
    previousHash: null,
  };
}
