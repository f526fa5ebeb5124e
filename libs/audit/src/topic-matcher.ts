import { verifyEventSignature, type EventKeyring } from '@santunan/contracts';
import { decodeHashedEnvelope, type EventEnvelope } from '@santunan/platform';
import type { TopicMessage } from './topic-reader';
import type { AuditedService } from './targets';

/** What the auditor keeps of each stored event to match the topic against. */
export interface StoredEventSummary {
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly hash: string;
}

export type TopicProblemKind =
  | 'undecodable'
  /** Unsigned, or not signed by the topic's owner over these bytes (ADR 0025). */
  | 'signature-refused'
  | 'altered-message'
  | 'missing-from-store'
  | 'differs-from-store'
  | 'unpublished';

export interface TopicProblem {
  readonly kind: TopicProblemKind;
  readonly service: AuditedService;
  readonly topic: string;
  /** `partition/offset` of the message; null for an event never published. */
  readonly location: string | null;
  readonly eventId: string | null;
  readonly streamId: string | null;
  readonly version: number | null;
  readonly detail: string;
}

export interface TopicMatch {
  readonly service: AuditedService;
  readonly topic: string;
  readonly messages: number;
  /** Distinct stored events found on the topic, identical. */
  readonly matched: number;
  /** Redeliveries of an event already seen (at-least-once), identical to the first copy. */
  readonly duplicates: number;
  /** Appended but still in the outbox: not expected on the topic yet. */
  readonly awaitingPublication: number;
  readonly problems: readonly TopicProblem[];
}

/** The envelope a message carries, and whether its fields still hash to its own hash. */
export interface DecodedMessage {
  readonly message: TopicMessage;
  readonly envelope: EventEnvelope;
  readonly selfConsistent: boolean;
}

/** The hash is recomputed as consumers do: over the fields as they arrived (`decodeHashedEnvelope`). */
export function decodeMessage(message: TopicMessage): DecodedMessage | string {
  try {
    const { envelope, recomputedHash } = decodeHashedEnvelope(valueBytes(message));
    return { message, envelope, selfConsistent: recomputedHash === envelope.hash };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function valueBytes(message: TopicMessage): Buffer | null {
  return message.value === null ? null : Buffer.from(message.value, 'utf8');
}

/**
 * Matches a service's topic against its store: every message must be an event of the store,
 * with the same type, stream, version and hash, and its own fields must still hash to that
 * hash; with the keyring, every message must be signed by the service itself over its bytes
 * on this topic, so the copy is proven to come from its owner; every stored event not waiting
 * in the outbox must be on the topic.
 */
export function matchTopic(
  service: AuditedService,
  topic: string,
  messages: readonly TopicMessage[],
  stored: ReadonlyMap<string, StoredEventSummary>,
  awaitingPublication: ReadonlySet<string>,
  keyring?: EventKeyring,
): TopicMatch {
  const problems: TopicProblem[] = [];
  const seen = new Set<string>();
  let matched = 0;
  let duplicates = 0;
  for (const message of messages) {
    const location = `${message.partition}/${message.offset}`;
    const decoded = decodeMessage(message);
    if (typeof decoded === 'string') {
      problems.push({
        kind: 'undecodable',
        service,
        topic,
        location,
        eventId: message.headers['event-id'] ?? null,
        streamId: message.key,
        version: null,
        detail: decoded,
      });
      continue;
    }
    const { envelope } = decoded;
    const at = {
      service,
      topic,
      location,
      eventId: envelope.eventId,
      streamId: envelope.streamId,
      version: envelope.version,
    };
    const signature =
      keyring === undefined
        ? undefined
        : verifyEventSignature(
            keyring,
            { topic, value: valueBytes(message), headers: message.headers },
            { owner: service },
          );
    if (signature !== undefined && !signature.ok) {
      problems.push({
        ...at,
        kind: 'signature-refused',
        detail: `${signature.reason}: ${signature.message}`,
      });
    }
    if (!decoded.selfConsistent) {
      problems.push({
        ...at,
        kind: 'altered-message',
        detail: 'the message fields no longer hash to the hash it carries',
      });
    }
    const original = stored.get(envelope.eventId);
    if (original === undefined) {
      problems.push({
        ...at,
        kind: 'missing-from-store',
        detail: `event ${envelope.type} is on the topic but not in the ${service} store`,
      });
      continue;
    }
    const differences = [
      original.type !== envelope.type
        ? `type: store ${original.type}, topic ${envelope.type}`
        : null,
      original.streamId !== envelope.streamId
        ? `stream: store ${original.streamId}, topic ${envelope.streamId}`
        : null,
      original.version !== envelope.version
        ? `version: store ${original.version}, topic ${envelope.version}`
        : null,
      original.hash !== envelope.hash
        ? `hash: store ${short(original.hash)}, topic ${short(envelope.hash)}`
        : null,
    ].filter((difference): difference is string => difference !== null);
    if (differences.length > 0) {
      problems.push({
        ...at,
        streamId: original.streamId,
        version: original.version,
        kind: 'differs-from-store',
        detail: differences.join('; '),
      });
      continue;
    }
    if (seen.has(envelope.eventId)) duplicates += 1;
    else if (decoded.selfConsistent && (signature === undefined || signature.ok)) {
      seen.add(envelope.eventId);
      matched += 1;
    }
  }
  let awaiting = 0;
  for (const event of stored.values()) {
    if (seen.has(event.eventId)) continue;
    if (awaitingPublication.has(event.eventId)) {
      awaiting += 1;
      continue;
    }
    if (problems.some((problem) => problem.eventId === event.eventId)) continue;
    problems.push({
      kind: 'unpublished',
      service,
      topic,
      location: null,
      eventId: event.eventId,
      streamId: event.streamId,
      version: event.version,
      detail: `stored ${event.type} is neither on the topic nor waiting in the outbox`,
    });
  }
  return {
    service,
    topic,
    messages: messages.length,
    matched,
    duplicates,
    awaitingPublication: awaiting,
    problems,
  };
}

export function short(hash: string): string {
  return hash.slice(0, 12);
}
