import type {
  ClaimsEventMap,
  ClaimsEventType,
  EnrollmentEventMap,
  EnrollmentEventType,
} from '@santunan/contracts';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContext } from '@santunan/platform';
import { causeOf, CLAIMS_DEATHS_ACTOR, ENROLLMENT_ACTOR } from '../shared/consumer-causes';
import { RecordDeathHandler } from './record-death.handler';

const PARTICIPANT_DECEASED: EnrollmentEventType = 'ParticipantDeceased';
const DEATH_RECORDED: ClaimsEventType = 'DeathRecorded';

/**
 * A death, from whichever context reports it first: enrollment.events ParticipantDeceased
 * (consumer `enrollment-participants`) or claims.events DeathRecorded (consumer
 * `claims-deaths`). See RecordDeathHandler.
 */
@Controller()
export class RecordDeathKafkaController {
  constructor(@Inject(RecordDeathHandler) private readonly handler: RecordDeathHandler) {}

  @EventPattern(PARTICIPANT_DECEASED)
  async participantDeceased(
    @Payload() data: EnrollmentEventMap['ParticipantDeceased'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.handler.record(
      data.participantId,
      data.dateOfDeath,
      causeOf(event, ENROLLMENT_ACTOR),
      transaction,
    );
  }

  @EventPattern(DEATH_RECORDED)
  async deathRecorded(
    @Payload() data: ClaimsEventMap['DeathRecorded'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.handler.record(
      data.participantId,
      data.dateOfDeath,
      causeOf(event, CLAIMS_DEATHS_ACTOR),
      transaction,
    );
  }
}
