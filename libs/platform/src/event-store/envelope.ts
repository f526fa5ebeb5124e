/**
 * The envelope every stored and published event carries (architecture.md). `data` is the
 * event's own payload; everything an auditor needs to place it sits beside it.
 */

/** Who caused the event: a person with roles, or the platform itself (relay, projector). */
export interface Actor {
  readonly id: string;
  readonly kind: 'user' | 'system';
  readonly roles?: readonly string[];
}

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /**
   * The W3C trace context (`00-<trace id>-<span id>-<flags>`) the event was recorded in: the
   * request or consumed event that caused it (ADR 0028). Events recorded outside a trace, and
   * every event older than it, have none; the hash covers it like the rest of the metadata.
   */
  readonly traceparent?: string;
}

/** An event the domain decided, not yet stored. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  /** When it happened in the world (the incident, the payment), as an ISO-8601 instant. */
  readonly occurredAt: string;
  readonly data: Data;
}

/** A stored event, as read back (after upcasting) and as published to Kafka. */
export interface EventEnvelope<Type extends string = string, Data = unknown>
  extends NewEvent<Type, Data> {
  readonly streamId: string;
  readonly streamType: string;
  /** 1-based position within the stream. */
  readonly version: number;
  /** Position across all streams of the service's store, as a decimal string (bigint). */
  readonly globalPosition: string;
  /** When the platform learned it (ISO-8601 instant); auditors keep this apart from occurredAt. */
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
  /** SHA-256 over the canonical stored form, chained to the stream's previous event. */
  readonly hash: string;
  readonly previousHash: string | null;
}
