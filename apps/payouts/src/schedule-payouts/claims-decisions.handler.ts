import type { ClaimsEventType } from '@santunan/contracts';
import { EventHandlers, type ConsumedEvent } from '@santunan/platform';
import { SYSTEM_ACTORS, type Cause } from '../payouts/cause';
import type { LateBound } from '../payouts/late-bound';
import type { PayoutsServices } from '../payouts/payouts-services';
import { fromClaimApproved, fromScholarshipInstalment } from './approved-decision.mapper';
import { ClaimApprovedDto } from './claim-approved.dto';
import { ScholarshipInstalmentApprovedDto } from './scholarship-instalment-approved.dto';

const CLAIM_APPROVED: ClaimsEventType = 'ClaimApproved';
const INSTALMENT_APPROVED: ClaimsEventType = 'ScholarshipInstalmentApproved';

function causeOf(event: ConsumedEvent<unknown>): Cause {
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
export function claimsDecisionHandlers(services: LateBound<PayoutsServices>): EventHandlers {
  return new EventHandlers()
    .on(CLAIM_APPROVED, ClaimApprovedDto, async (event: ConsumedEvent<ClaimApprovedDto>, tx) => {
      const { runtime, schedulePayouts } = await services.get();
      const decision = await fromClaimApproved(runtime.cipher, event.data);
      await schedulePayouts.apply(tx, decision, causeOf(event));
    })
    .on(
      INSTALMENT_APPROVED,
      ScholarshipInstalmentApprovedDto,
      async (event: ConsumedEvent<ScholarshipInstalmentApprovedDto>, tx) => {
        const { runtime, schedulePayouts } = await services.get();
        const decision = await fromScholarshipInstalment(runtime.cipher, event.data);
        await schedulePayouts.apply(tx, decision, causeOf(event));
      },
    );
}
