import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ClaimsEventMap, ClaimsEventType } from '@santunan/contracts';
import { accepted, type Actor, type EventContext } from '@santunan/platform';
import { RecordDeathHandler } from './record-death.handler';

const DEATH_RECORDED: ClaimsEventType = 'DeathRecorded';

/** The consumer acts for the claims context; who recorded the death is on the cause. */
export const CLAIMS_DEATH_CONSUMER: Actor = { id: 'enrollment.claims-deaths', kind: 'system' };

/** Claims recorded a death (consumer group `claims-deaths`) → the participant is deceased. */
@Controller()
export class RecordDeathKafkaController {
  constructor(@Inject(RecordDeathHandler) private readonly handler: RecordDeathHandler) {}

  @EventPattern(DEATH_RECORDED)
  async deathRecorded(
    @Payload() data: ClaimsEventMap['DeathRecorded'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    // A death an enrollment officer recorded first comes back as DeathRecordedByEnrollment,
    // which this consumer does not read; a claim's DeathRecorded on the same date is no news.
    const result = await this.handler.recordWithin(
      transaction,
      data.participantId,
      {
        dateOfDeath: data.dateOfDeath,
        recordedBy: { kind: 'claims-event', eventId: event.eventId },
      },
      {
        actor: CLAIMS_DEATH_CONSUMER,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
      },
    );
    // Refused by the decider: a dead letter with the code and message after the retries.
    accepted(result, `death of participant ${data.participantId} (claims event ${event.eventId})`);
  }
}
