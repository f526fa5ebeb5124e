import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContext } from '@santunan/platform';
import { causeOf, ENROLLMENT_ACTOR } from '../shared/consumer-causes';
import { OpenContributionAccountHandler } from './open-contribution-account.handler';

const PARTICIPANT_REGISTERED: EnrollmentEventType = 'ParticipantRegistered';

/**
 * enrollment.events ParticipantRegistered → the contribution account (consumer
 * `enrollment-participants`). Payloads as published, checked against their JSON Schemas by
 * the transport; a refusal parks the registration in the DLQ with the reason, to be replayed
 * once an operator has decided.
 */
@Controller()
export class OpenContributionAccountKafkaController {
  constructor(
    @Inject(OpenContributionAccountHandler)
    private readonly handler: OpenContributionAccountHandler,
  ) {}

  @EventPattern(PARTICIPANT_REGISTERED)
  async registered(
    @Payload() data: EnrollmentEventMap['ParticipantRegistered'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.handler.open(data, causeOf(event, ENROLLMENT_ACTOR), transaction);
  }
}
