import type { ParticipantDeceased, ParticipantDeceasedV1 } from './events';

/**
 * The steps that lift enrollment's stored or republished events to their current shapes; every
 * reader (enrollment's store and projections, the consumers of `enrollment.events`, the audit's
 * replays) reads through them (`PUBLISHED_EVENT_UPCASTS`, ADR 0034). Pure, returning new objects.
 */

/** v1 → v2: a v1 death was always recorded from the claims event it names. */
export function upcastParticipantDeceasedV1(v1: ParticipantDeceasedV1): ParticipantDeceased {
  return {
    participantId: v1.participantId,
    dateOfDeath: v1.dateOfDeath,
    recordedBy: { kind: 'claims-event', eventId: v1.recordedByEventId },
  };
}

export const ENROLLMENT_UPCASTS = [
  {
    type: 'ParticipantDeceased',
    fromSchemaVersion: 1,
    upcast: (data: unknown): unknown => upcastParticipantDeceasedV1(data as ParticipantDeceasedV1),
  },
] as const;
