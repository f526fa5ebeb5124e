import { computeComponent, defineComponent } from '../explanation/component-rule';
import { recordInput, rupiahInput } from '../explanation/decoders';
import type { BenefitAssessment } from '../explanation/benefit-assessment';
import { explanationOf } from '../explanation/explanation';
import { floorToRupiah, share, times, whole } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah } from '../money/rupiah';
import { flatScholarshipRule, scholarshipEntitlementUnder } from '../scholarship/entitlement';
import { collect, ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';
import { jkkBenefitBasis, type JkkBenefitContextInput } from './benefit-context';

/** Total permanent disability (CTT): 70% × 80 × wage = 56 × wage. */
export const jkkCttLumpSumRule = defineComponent(
  'JKK_CTT_LUMP_SUM',
  recordInput({ wage: rupiahInput }),
  (ruleSet, input) => {
    const { cttShare, disabilityWageMultiplier: multiplier } = ruleSet.jkk;
    const amount = floorToRupiah(
      times(share(cttShare.value), whole(multiplier.value), whole(input.wage)),
      'CTT lump sum',
    );
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: `${formatBasisPoints(cttShare.value)} × ${multiplier.value} × ${formatRupiah(input.wage)}, rounded down`,
      provenance: provenanceOf(cttShare, multiplier),
    });
  },
);

export const jkkCttPeriodicRule = defineComponent('JKK_CTT_PERIODIC', recordInput({}), (ruleSet) =>
  ok({
    amount: ruleSet.jkk.cttPeriodic.value,
    formula: `${formatRupiah(ruleSet.jkk.cttPeriodic.value)} periodic benefit, paid at once`,
    provenance: provenanceOf(ruleSet.jkk.cttPeriodic),
  }),
);

export function jkkTotalPermanentDisability(
  input: JkkBenefitContextInput,
): Result<BenefitAssessment> {
  const basis = jkkBenefitBasis(input);
  if (!basis.ok) return basis;
  const { ruleSet, wage } = basis.value;
  const scholarship = scholarshipEntitlementUnder(ruleSet, 'jkk-ctt', null);
  if (!scholarship.ok) return scholarship;
  const parts = [
    computeComponent(jkkCttLumpSumRule, ruleSet, { wage }),
    computeComponent(jkkCttPeriodicRule, ruleSet, {}),
    ...(scholarship.value.kind === 'flat-once'
      ? [computeComponent(flatScholarshipRule, ruleSet, { route: 'jkk-ctt', masaIurMonths: null })]
      : []),
  ];
  const components = collect(parts);
  if (!components.ok) return components;
  const explanation = explanationOf(ruleSet.id, components.value);
  return explanation.ok
    ? ok({ explanation: explanation.value, scholarship: scholarship.value })
    : explanation;
}
