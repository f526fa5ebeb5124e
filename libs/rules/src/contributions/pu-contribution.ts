import { computeComponent, defineComponent } from '../explanation/component-rule';
import { oneOfInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf } from '../explanation/explanation';
import { halfUpToRupiah, share, times, whole } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah, parseRupiah } from '../money/rupiah';
import { RISK_CLASSES, parseRiskClass, type RiskClass } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';
import type { ContributionAssessment } from './bpu-contribution';
import { contributionRuleSet } from './contribution-month';

export const puJkkContributionRule = defineComponent(
  'PU_JKK_CONTRIBUTION',
  recordInput({ wage: rupiahInput, riskClass: oneOfInput(RISK_CLASSES, 'UNKNOWN_RISK_CLASS') }),
  (ruleSet, input) => {
    const rates = ruleSet.contributions.pu.jkkRateByRiskClass;
    const rate = rates.value[input.riskClass];
    const amount = halfUpToRupiah(times(whole(input.wage), share(rate)), 'PU JKK contribution');
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: `${formatBasisPoints(rate)} (risk class ${input.riskClass}) × ${formatRupiah(input.wage)}, rounded half up`,
      provenance: provenanceOf(rates),
    });
  },
);

export const puJkmContributionRule = defineComponent(
  'PU_JKM_CONTRIBUTION',
  recordInput({ wage: rupiahInput }),
  (ruleSet, input) => {
    const rate = ruleSet.contributions.pu.jkmRate;
    const amount = halfUpToRupiah(
      times(whole(input.wage), share(rate.value)),
      'PU JKM contribution',
    );
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: `${formatBasisPoints(rate.value)} × ${formatRupiah(input.wage)}, rounded half up`,
      provenance: provenanceOf(rate),
    });
  },
);

export interface PuContributionInput {
  readonly contributionMonth: string;
  /** Monthly wage; PU has no wage cap for JKK/JKM. */
  readonly wage: number;
  readonly riskClass: RiskClass;
}

/** The employer's monthly PU JKK + JKM contribution. */
export function puContribution(input: PuContributionInput): Result<ContributionAssessment> {
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const wage = parseRupiah(input.wage, 'wage');
  if (!wage.ok) return wage;
  if (wage.value === 0) return err(ruleError('INVALID_WAGE', 'wage must be more than Rp0', 'wage'));
  const riskClass = parseRiskClass(input.riskClass);
  if (!riskClass.ok) return riskClass;
  const { month, ruleSet } = context.value;
  const jkk = computeComponent(puJkkContributionRule, ruleSet, {
    wage: wage.value,
    riskClass: riskClass.value,
  });
  if (!jkk.ok) return jkk;
  const jkm = computeComponent(puJkmContributionRule, ruleSet, { wage: wage.value });
  if (!jkm.ok) return jkm;
  const explanation = explanationOf(ruleSet.id, [jkk.value, jkm.value]);
  return explanation.ok
    ? ok({ contributionMonth: month, explanation: explanation.value })
    : explanation;
}
