import type { ClaimApproved } from '@santunan/contracts';
import type { ApprovedDecision } from '@santunan/payouts-domain';
import { encryptPersonalFields, type ServiceRuntime } from '@santunan/platform';
import { CLAIMS_PERSONAL_DATA_PATHS } from '@santunan/contracts';
import {
  fromClaimApproved,
  type PublishedClaimApproved,
} from '../schedule-payouts/approved-decision.mapper';

/** A decision as the consumer hands it to the use case: sealed as claims seals it, then read. */
export async function fromClaimApprovedForTest(
  runtime: ServiceRuntime,
  decision: ClaimApproved,
): Promise<ApprovedDecision> {
  const sealed = await encryptPersonalFields(
    runtime.cipher,
    decision.participantId,
    decision as unknown as Record<string, unknown>,
    CLAIMS_PERSONAL_DATA_PATHS.ClaimApproved,
  );
  return fromClaimApproved(runtime.cipher, sealed as unknown as PublishedClaimApproved);
}
