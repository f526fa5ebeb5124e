import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ClaimsEventMap, ClaimsEventType } from '@santunan/contracts';
import { accepted, type Actor, type EventContext } from '@santunan/platform';
import { ParticipantCommands } from '../participants/participant-commands';

const DEATH_RECORDED: ClaimsEventType = 'DeathRecorded';

/** The consumer acts for the claims context; who recorded the death is on the cause. */
export const CLAIMS_DEATH_CONSUMER: Actor = { id: 'enrollment.claims-deaths', kind: 'system' };

/**
 * Claims recorded a death → the participant is deceased (no more income changes). Decided and
 * appended in the consumer's inbox transaction, so the death and the inbox row commit
 * together; a concurrent write to the stream rolls both back and the consumer retries.
 */
@Controller()
export class DeathRecordedKafkaController {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  @EventPattern(DEATH_RECORDED)
  async deathRecorded(
    @Payload() data: ClaimsEventMap['DeathRecorded'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    const result = await this.participants.handleWithin(transaction, {
      participantId: data.participantId,
      command: {
        type: 'RecordDeath',
        dateOfDeath: data.dateOfDeath,
        recordedByEventId: event.eventId,
      },
      actor: CLAIMS_DEATH_CONSUMER,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    });
    // Refused by the decider: a dead letter with the code and message after the retries.
    accepted(result, `death of participant ${data.participantId} (claims event ${event.eventId})`);
  }
}
