import { isDeathClaim } from './claim-under-assessment';
import { allowed, notApplicable, rejected, type EligibilityPolicy } from './policy';

/**
 * Product decision 6: a death is paid as JKK death or as JKM, never both, and once. The death
 * register names the claim holding the death benefit; any other claim is rejected naming it.
 */
export const oneDeathBenefitPerDeath: EligibilityPolicy = ({ claim, facts }) => {
  if (!isDeathClaim(claim.benefitType)) return notApplicable('not a death claim');
  const holder = facts.deathRegister?.benefitClaimedBy ?? null;
  if (holder !== null && holder.claimId !== claim.claimId) {
    return rejected(
      'DEATH_BENEFIT_ALREADY_CLAIMED',
      `the death of participant ${claim.participantId} is already claimed by claim ${holder.claimId} (${holder.program.toUpperCase()}, lodged ${holder.claimedOn})`,
      {
        firstClaimId: holder.claimId,
        firstClaimProgram: holder.program,
        firstClaimedOn: holder.claimedOn,
      },
    );
  }
  return allowed('this claim holds the death benefit in the death register', {
    claimId: claim.claimId,
  });
};
