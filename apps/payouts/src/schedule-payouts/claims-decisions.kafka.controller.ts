import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ClaimsEventType } from '@santunan/contracts';
import type { EventContext } from '@santunan/platform';
import { SYSTEM_ACTORS, type Cause } from '../shared/cause';
import type {
  PublishedClaimApproved,
  PublishedInstalmentApproved,
} from './approved-decision.mapper';
import { SchedulePayoutsHandler } from './schedule-payouts.handler';

const CLAIM_APPROVED: ClaimsEventType = 'ClaimApproved';
const INSTALMENT_APPROVED: ClaimsEventType = 'ScholarshipInstalmentApproved';

function causeOf({ event }: EventContext): Cause {
  return {
    actor: SYSTEM_ACTORS.claimsDecisions,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
  };
}

/**
 * `claims.events` → payout orders. Each decision is planned in the consumer's transaction,
 * together with its inbox row; a decision the domain refuses (amounts that do not add up)
 * fails loudly and goes to the DLQ rather than being half paid.
 */
@Controller()
export class ClaimsDecisionsKafkaController {
  constructor(@Inject(SchedulePayoutsHandler) private readonly handler: SchedulePayoutsHandler) {}

  @EventPattern(CLAIM_APPROVED)
  async claimApproved(
    @Payload() data: PublishedClaimApproved,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.handler.claimApproved(context.transaction, data, causeOf(context));
  }

  @EventPattern(INSTALMENT_APPROVED)
  async instalmentApproved(
    @Payload() data: PublishedInstalmentApproved,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.handler.instalmentApproved(context.transaction, data, causeOf(context));
  }
}
