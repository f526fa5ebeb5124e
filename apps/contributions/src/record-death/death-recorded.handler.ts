import type { ClaimsEventType } from '@santunan/contracts';
import { EventHandlers, type Actor } from '@santunan/platform';
import { DeathPayload } from '../enrollment-events/enrollment-events.dto';
import type { ContributionsServices } from '../contributions.services';
import type { LateBound } from '../shared/late-bound';

const DEATH_RECORDED: ClaimsEventType = 'DeathRecorded';

/** The consumer acts for the claims context; who recorded the death is on the cause. */
export const CLAIMS_DEATHS_ACTOR: Actor = { id: 'contributions.claims-deaths', kind: 'system' };

/** claims.events DeathRecorded → the participant's death here (see ParticipantDeath). */
export function deathRecordedHandlers(services: LateBound<ContributionsServices>): EventHandlers {
  return new EventHandlers().on(DEATH_RECORDED, DeathPayload, async (event, tx) => {
    const { death } = await services.get();
    await death.record(
      event.data.participantId,
      event.data.dateOfDeath,
      {
        actor: CLAIMS_DEATHS_ACTOR,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
      },
      tx,
    );
  });
}
