import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ClaimsEventMap, ClaimsEventType } from '@santunan/contracts';
import type { Actor, EventContext } from '@santunan/platform';
import { ContributionsServices } from '../contributions.services';

const DEATH_RECORDED: ClaimsEventType = 'DeathRecorded';

/** The consumer acts for the claims context; who recorded the death is on the cause. */
export const CLAIMS_DEATHS_ACTOR: Actor = { id: 'contributions.claims-deaths', kind: 'system' };

/** claims.events DeathRecorded → the participant's death here (see ParticipantDeath). */
@Controller()
export class DeathRecordedKafkaController {
  constructor(@Inject(ContributionsServices) private readonly services: ContributionsServices) {}

  @EventPattern(DEATH_RECORDED)
  async deathRecorded(
    @Payload() data: ClaimsEventMap['DeathRecorded'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.services.death.record(
      data.participantId,
      data.dateOfDeath,
      {
        actor: CLAIMS_DEATHS_ACTOR,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
      },
      transaction,
    );
  }
}
