import { resolveClaimHeirs } from '../decision/heirs';
import { isDeathClaim } from './claim-under-assessment';
import { allowed, notApplicable, rejected, type EligibilityPolicy } from './policy';

/**
 * Ahli waris by priority: the highest tier (1–5) with a living heir is entitled; with none, the
 * funeral benefit goes to whoever arranged the burial and the rest to the social security fund.
 * Details carry ids only: names are personal data and this record is not encrypted.
 */
export const heirsResolved: EligibilityPolicy = ({ claim, facts, today }) => {
  if (!isDeathClaim(claim.benefitType))
    return notApplicable('the participant receives the benefit');
  const heirFacts = facts.heirs ?? { heirs: [] };
  const resolution = resolveClaimHeirs(claim.dateOfDeath ?? claim.incidentDate, heirFacts, today);
  if (!resolution.ok) {
    return rejected('RULES_NOT_APPLICABLE', resolution.error.message, {
      ruleError: resolution.error.code,
    });
  }
  const heirs = resolution.value;
  if (heirs.kind === 'no-heir') {
    return allowed(
      heirs.funeralPayee === null
        ? 'no heir in tiers 1–5: the funeral benefit waits for whoever arranged the burial; the rest goes to the social security fund'
        : 'no heir in tiers 1–5: the funeral benefit goes to whoever arranged the burial; the rest goes to the social security fund',
      {
        tier: 6,
        funeralPayeeId: heirs.funeralPayee?.id ?? null,
        otherBenefitsTo: heirs.otherBenefitsTo,
      },
    );
  }
  return allowed(
    `tier-${heirs.tier} heirs (${heirs.tierName}) are entitled; ${heirs.payee.basis} payee`,
    {
      tier: heirs.tier,
      entitledHeirIds: heirs.entitled.map((heir) => heir.id),
      payeeHeirId: heirs.payee.heir.id,
      payeeBasis: heirs.payee.basis,
      payeeStatus: heirs.payeeStatus,
      consentMissingFrom: heirs.consentMissingFrom.map((heir) => heir.id),
    },
  );
};
