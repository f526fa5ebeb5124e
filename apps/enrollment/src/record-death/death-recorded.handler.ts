import type { ClaimsEventType } from '@santunan/contracts';
import { EventHandlers, type Actor, type ConsumedEvent } from '@santunan/platform';
import type { LateBound } from '../participants/late-bound';
import type { ParticipantCommands } from '../participants/participant-commands';
import { DeathRecordedDto } from './death-recorded.dto';

const DEATH_RECORDED: ClaimsEventType = 'DeathRecorded';

/** The consumer acts for the claims context; who recorded the death is on the cause. */
export const CLAIMS_DEATH_CONSUMER: Actor = { id: 'enrollment.claims-deaths', kind: 'system' };

/** Refused by the decider: the message goes to the DLQ with this reason after its retries. */
export class DeathNotRecordedError extends Error {
  override readonly name = 'DeathNotRecordedError';
}

/**
 * Claims recorded a death → the participant is deceased (no more income changes). Decided and
 * appended in the consumer's inbox transaction, so the death and the inbox row commit
 * together; a concurrent write to the stream rolls both back and the consumer retries.
 */
export function deathRecordedHandlers(participants: LateBound<ParticipantCommands>): EventHandlers {
  return new EventHandlers().on(
    DEATH_RECORDED,
    DeathRecordedDto,
    async (event: ConsumedEvent<DeathRecordedDto>, tx) => {
      const commands = await participants.get();
      const result = await commands.handleWithin(tx, {
        participantId: event.data.participantId,
        command: {
          type: 'RecordDeath',
          dateOfDeath: event.data.dateOfDeath,
          recordedByEventId: event.eventId,
        },
        actor: CLAIMS_DEATH_CONSUMER,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
      });
      if (!result.ok) {
        throw new DeathNotRecordedError(
          `death of participant ${event.data.participantId} (claims event ${event.eventId}) refused: ` +
            `${result.rejection.code}: ${result.rejection.message}`,
        );
      }
    },
  );
}
