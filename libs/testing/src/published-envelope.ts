import { randomUUID } from 'node:crypto';
import {
  eventHash,
  toStoredJson,
  type Actor,
  type EventEnvelope,
  type JsonValue,
} from '@santunan/platform';

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
 * id and correlation id, schema version 1 unless given, and its hash computed as the event
 * store computes it (consumers check it; they do not follow the chain, so no previous hash).
 * Publish it with `testMessaging`, whose publishers sign it as the topic's owner.
 */
export function publishedEnvelope(
  event: PublishedEvent & { readonly schemaVersion?: number },
): EventEnvelope {
  const version = event.version ?? 1;
  const fields = {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    streamId: event.streamId,
    streamType: event.streamType,
    version,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt ?? event.occurredAt,
    metadata: toStoredJson({ correlationId: randomUUID(), causationId: null, actor: event.actor }),
    data: toStoredJson(event.data),
    previousHash: null,
  };
  return {
    ...fields,
    globalPosition: String(version),
    metadata: fields.metadata as unknown as EventEnvelope['metadata'],
    hash: eventHash(fields as typeof fields & { metadata: JsonValue }),
  };
}

/**
 * An envelope a spec changed (a new event id for a replay, another stream type), hashed again
 * as its producer would have hashed it, so consumers, which check the hash, still read it.
 */
export function rehashed(envelope: EventEnvelope): EventEnvelope {
  return {
    ...envelope,
    hash: eventHash({
      eventId: envelope.eventId,
      streamId: envelope.streamId,
      streamType: envelope.streamType,
      version: envelope.version,
      type: envelope.type,
      schemaVersion: envelope.schemaVersion,
      data: toStoredJson(envelope.data),
      metadata: toStoredJson(envelope.metadata),
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      previousHash: envelope.previousHash,
    }),
  };
}
