import { jkmDeathBenefit } from '@santunan/rules';
import { paidMonthsAtIncident } from './paid-months';
import { allowed, notApplicable, rejected, type EligibilityPolicy } from './policy';

/**
 * Product decision 2 / Permenaker 1/2025: a BPU death within the first 3 months of membership
 * (counted from the first paid month) pays Rp10,000,000 only. An amount rule, never a
 * rejection: this policy records whether it applies, the rules library sets the amount.
 */
export const jkmThreeMonthRule: EligibilityPolicy = (input) => {
  const { claim, facts } = input;
  if (claim.program !== 'jkm')
    return notApplicable('JKK deaths are not subject to the JKM three-month rule');
  if (facts.participant.segment !== 'bpu')
    return notApplicable('the three-month rule is for BPU only');
  const paid = paidMonthsAtIncident(input);
  if (paid.firstPaidMonth === null) {
    return notApplicable('no month is paid; coverage decides the claim');
  }
  const assessment = jkmDeathBenefit({
    deathDate: claim.incidentDate,
    segment: facts.participant.segment,
    firstPaidMonth: paid.firstPaidMonth,
    masaIurMonths: paid.masaIurMonths,
  });
  if (!assessment.ok) {
    return rejected('RULES_NOT_APPLICABLE', assessment.error.message, {
      ruleError: assessment.error.code,
    });
  }
  const { explanation, membershipMonth } = assessment.value;
  const early = explanation.components.find(
    (component) => component.code === 'JKM_BPU_EARLY_DEATH',
  );
  const details = {
    firstPaidMonth: paid.firstPaidMonth,
    membershipMonth,
    earlyDeathAmountApplies: early !== undefined,
    ruleSetId: explanation.ruleSetId,
  };
  return allowed(
    early === undefined
      ? `death in membership month ${String(membershipMonth)}: the full JKM benefit applies (${explanation.ruleSetId})`
      : `${early.formula} (${early.legalBasis})`,
    details,
  );
};
