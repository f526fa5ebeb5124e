import type { Actor, CommandCause, ConsumedEvent } from '@santunan/platform';

/** The registration consumer acts for the enrollment context; the officer is on the cause. */
export const ENROLLMENT_ACTOR: Actor = {
  id: 'contributions.enrollment-participants',
  kind: 'system',
};

/** The deaths consumer acts for the claims context; who recorded the death is on the cause. */
export const CLAIMS_DEATHS_ACTOR: Actor = { id: 'contributions.claims-deaths', kind: 'system' };

/** The cause of what a consumed event makes the service do: the event itself, for `actor`. */
export function causeOf(event: ConsumedEvent<unknown>, actor: Actor): CommandCause {
  return {
    actor,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
  };
}
