import { jkkClaimExpiry } from '@santunan/rules';
import { allowed, notApplicable, rejected, type EligibilityPolicy } from './policy';

/**
 * JKK rights lapse N years after the accident or diagnosis (5; 2 under PP 44/2015), counted to
 * the day the claim was lodged; the rules library holds N by incident date. The reference gives
 * no expiry for JKM, so none is applied.
 */
export const withinClaimExpiry: EligibilityPolicy = ({ claim }) => {
  if (claim.program === 'jkm') {
    return notApplicable('the rules reference gives a claim expiry for JKK only');
  }
  const expiry = jkkClaimExpiry({ incidentDate: claim.incidentDate, claimDate: claim.claimDate });
  if (!expiry.ok) {
    return rejected('RULES_NOT_APPLICABLE', expiry.error.message, { ruleError: expiry.error.code });
  }
  const { lastClaimDate, ruleSetId, provenance } = expiry.value;
  const details = {
    incidentDate: claim.incidentDate,
    claimDate: claim.claimDate,
    lastClaimDate,
    ruleSetId,
    legalBasis: provenance.legalBasis,
  };
  return expiry.value.inTime
    ? allowed(
        `lodged on ${claim.claimDate}, on or before the last claim date ${lastClaimDate} (${ruleSetId})`,
        details,
      )
    : rejected(
        'CLAIM_EXPIRED',
        `lodged on ${claim.claimDate}, after the last claim date ${lastClaimDate} (${ruleSetId}: ${provenance.legalBasis})`,
        details,
      );
};
