import { computeComponent, defineComponent } from '../explanation/component-rule';
import { recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf } from '../explanation/explanation';
import { compareExact, floorToRupiah, maxExact, times, whole } from '../money/exact';
import { formatRupiah } from '../money/rupiah';
import { flatScholarshipRule, scholarshipEntitlementUnder } from '../scholarship/entitlement';
import { collect, ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';
import type { BenefitAssessment } from '../explanation/benefit-assessment';
import { jkkBenefitBasis, type JkkBenefitContextInput } from './benefit-context';

/** Death from a work accident: 48 × wage, but never less than the set's minimum. */
export const jkkDeathLumpSumRule = defineComponent(
  'JKK_DEATH_LUMP_SUM',
  recordInput({ wage: rupiahInput }),
  (ruleSet, input) => {
    const { deathWageMultiplier: multiplier, deathMinimum: minimum } = ruleSet.jkk;
    const byWage = times(whole(multiplier.value), whole(input.wage));
    const amount = floorToRupiah(maxExact(byWage, whole(minimum.value)), 'JKK death lump sum');
    if (!amount.ok) return amount;
    const minimumApplied = compareExact(byWage, whole(minimum.value)) < 0;
    return ok({
      amount: amount.value,
      formula:
        `max(${multiplier.value} × ${formatRupiah(input.wage)}, minimum ${formatRupiah(minimum.value)})` +
        (minimumApplied ? ' — the minimum applies' : ''),
      provenance: provenanceOf(multiplier, minimum),
    });
  },
);

export const jkkDeathPeriodicRule = defineComponent(
  'JKK_DEATH_PERIODIC',
  recordInput({}),
  (ruleSet) =>
    ok({
      amount: ruleSet.jkk.deathPeriodic.value,
      formula: `${formatRupiah(ruleSet.jkk.deathPeriodic.value)} periodic benefit, paid at once`,
      provenance: provenanceOf(ruleSet.jkk.deathPeriodic),
    }),
);

export const jkkFuneralRule = defineComponent('JKK_FUNERAL', recordInput({}), (ruleSet) =>
  ok({
    amount: ruleSet.jkk.funeral.value,
    formula: `${formatRupiah(ruleSet.jkk.funeral.value)} funeral benefit`,
    provenance: provenanceOf(ruleSet.jkk.funeral),
  }),
);

/** The cash benefits of a death from a work accident, plus the scholarship entitlement. */
export function jkkDeathBenefit(input: JkkBenefitContextInput): Result<BenefitAssessment> {
  const basis = jkkBenefitBasis(input);
  if (!basis.ok) return basis;
  const { ruleSet, wage } = basis.value;
  const scholarship = scholarshipEntitlementUnder(ruleSet, 'jkk-death', null);
  if (!scholarship.ok) return scholarship;
  const parts = [
    computeComponent(jkkDeathLumpSumRule, ruleSet, { wage }),
    computeComponent(jkkDeathPeriodicRule, ruleSet, {}),
    computeComponent(jkkFuneralRule, ruleSet, {}),
    ...(scholarship.value.kind === 'flat-once'
      ? [
          computeComponent(flatScholarshipRule, ruleSet, {
            route: 'jkk-death',
            masaIurMonths: null,
          }),
        ]
      : []),
  ];
  const components = collect(parts);
  if (!components.ok) return components;
  const explanation = explanationOf(ruleSet.id, components.value);
  return explanation.ok
    ? ok({ explanation: explanation.value, scholarship: scholarship.value })
    : explanation;
}
