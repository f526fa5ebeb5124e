import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContext } from '@santunan/platform';
import { ParticipantRegionsHandler } from './participant-regions.handler';

const REGISTERED: EnrollmentEventType = 'ParticipantRegistered';
const CORRECTED: EnrollmentEventType = 'ParticipantDetailsCorrected';

/** `enrollment.events` → `participant_regions` (regency and sponsor program, for reconciliation). */
@Controller()
export class ParticipantRegionsKafkaController {
  constructor(
    @Inject(ParticipantRegionsHandler) private readonly handler: ParticipantRegionsHandler,
  ) {}

  @EventPattern(REGISTERED)
  async registered(
    @Payload() data: EnrollmentEventMap['ParticipantRegistered'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.handler.registered(transaction, data, event.eventId);
  }

  @EventPattern(CORRECTED)
  async corrected(
    @Payload() data: EnrollmentEventMap['ParticipantDetailsCorrected'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.handler.corrected(transaction, data, event.eventId);
  }
}
