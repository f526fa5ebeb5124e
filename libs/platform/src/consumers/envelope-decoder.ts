import type { JsonValue } from '../event-store/canonical-json';
import type { Actor, EventEnvelope, EventMetadata } from '../event-store/envelope';
import { eventHash } from '../event-store/event-hash';

/** The message is not a readable event envelope; retrying cannot help. */
export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`undecodable message: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}

type Json = Record<string, unknown>;

/** Parses and checks the envelope (not the payload: that is the event type's DTO's job). */
export function decodeEnvelope(value: Buffer | null): EventEnvelope<string, Json> {
  return readEnvelope(value).envelope;
}

/**
 * The envelope and the hash recomputed from what it carries, exactly as the event store
 * computed it on append (`eventHash` over the stored fields, `data` and `metadata` as they
 * arrived, not as the decoder rebuilt them). A producer's own event always matches; a
 * message someone edited or made up does not unless they also forged the hash, which the
 * signature then refuses.
 */
export function decodeHashedEnvelope(value: Buffer | null): {
  readonly envelope: EventEnvelope<string, Json>;
  readonly recomputedHash: string;
} {
  const { envelope, stored } = readEnvelope(value);
  const recomputedHash = eventHash({
    eventId: envelope.eventId,
    streamId: envelope.streamId,
    streamType: envelope.streamType,
    version: envelope.version,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    data: stored['data'] as JsonValue,
    metadata: stored['metadata'] as JsonValue,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    previousHash: envelope.previousHash,
  });
  return { envelope, recomputedHash };
}

function readEnvelope(value: Buffer | null): {
  envelope: EventEnvelope<string, Json>;
  stored: Json;
} {
  if (value === null || value.length === 0)
    throw new UndecodableMessageError('empty message value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    throw new UndecodableMessageError(
      `not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const envelope = record(parsed, 'envelope');
  return {
    stored: envelope,
    envelope: {
      eventId: text(envelope, 'eventId'),
      type: text(envelope, 'type'),
      schemaVersion: positiveInteger(envelope, 'schemaVersion'),
      streamId: text(envelope, 'streamId'),
      streamType: text(envelope, 'streamType'),
      version: positiveInteger(envelope, 'version'),
      globalPosition: text(envelope, 'globalPosition'),
      occurredAt: text(envelope, 'occurredAt'),
      recordedAt: text(envelope, 'recordedAt'),
      metadata: metadata(record(envelope['metadata'], 'metadata')),
      data: record(envelope['data'], 'data'),
      hash: text(envelope, 'hash'),
      previousHash: nullableText(envelope, 'previousHash'),
    },
  };
}

function metadata(value: Json): EventMetadata {
  const traceparent = nullableText(value, 'traceparent', 'metadata.');
  return {
    correlationId: text(value, 'correlationId', 'metadata.'),
    causationId: nullableText(value, 'causationId', 'metadata.'),
    actor: actor(record(value['actor'], 'metadata.actor')),
    ...(traceparent === null ? {} : { traceparent }),
  };
}

function actor(value: Json): Actor {
  const kind = value['kind'];
  if (kind !== 'user' && kind !== 'system')
    throw new UndecodableMessageError('metadata.actor.kind must be user or system');
  const roles = value['roles'];
  if (
    roles !== undefined &&
    !(Array.isArray(roles) && roles.every((role) => typeof role === 'string'))
  ) {
    throw new UndecodableMessageError('metadata.actor.roles must be a list of strings');
  }
  return {
    id: text(value, 'id', 'metadata.actor.'),
    kind,
    ...(roles === undefined ? {} : { roles }),
  };
}

function record(value: unknown, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UndecodableMessageError(`${name} must be a JSON object`);
  }
  return value as Json;
}

function text(value: Json, member: string, prefix = ''): string {
  const found = value[member];
  if (typeof found !== 'string' || found === '')
    throw new UndecodableMessageError(`${prefix}${member} must be a non-empty string`);
  return found;
}

function nullableText(value: Json, member: string, prefix = ''): string | null {
  const found = value[member] ?? null;
  if (found !== null && typeof found !== 'string')
    throw new UndecodableMessageError(`${prefix}${member} must be a string or null`);
  return found;
}

function positiveInteger(value: Json, member: string): number {
  const found = value[member];
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    throw new UndecodableMessageError(`${member} must be a positive integer`);
  }
  return found;
}
