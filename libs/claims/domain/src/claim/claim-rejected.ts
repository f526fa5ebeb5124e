import type { ClaimRejected } from '@santunan/contracts';
import type { ClaimEvent, ClaimFile } from './claim.state';

/**
 * The rejection of a claim, by the rules (ineligible) or by its staff (an officer's reason),
 * superseding the last decision that took effect.
 */
export function claimRejected(
  file: ClaimFile,
  decisionId: string,
  reasons: ClaimRejected['reasons'],
  checks: ClaimRejected['checks'],
  by: string,
  today: string,
): ClaimEvent {
  return {
    type: 'ClaimRejected',
    data: {
      claimId: file.claimId,
      participantId: file.participantId,
      decisionId,
      program: file.program,
      supersedesDecisionId: file.lastDecisionId,
      reasons,
      checks,
      rejectedBy: by,
      rejectedOn: today,
    },
  };
}
