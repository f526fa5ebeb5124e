import { computeComponent, defineComponent } from '../explanation/component-rule';
import { basisPointsInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { floorToRupiah, share, times, whole } from '../money/exact';
import { formatBasisPoints, parsePercentage } from '../money/percentage';
import { formatRupiah } from '../money/rupiah';
import { ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';
import { jkkBenefitBasis, type JkkBenefitContextInput } from './benefit-context';

/** Partial anatomical disability: table % × 80 × wage; the % comes from the medical assessment. */
export const jkkPartialAnatomicalDisabilityRule = defineComponent(
  'JKK_PARTIAL_ANATOMICAL_DISABILITY',
  recordInput({ wage: rupiahInput, tableShareBp: basisPointsInput }),
  (ruleSet, input) => {
    const multiplier = ruleSet.jkk.disabilityWageMultiplier;
    const amount = floorToRupiah(
      times(share(input.tableShareBp), whole(multiplier.value), whole(input.wage)),
      'partial anatomical disability',
    );
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: `${formatBasisPoints(input.tableShareBp)} × ${multiplier.value} × ${formatRupiah(input.wage)}, rounded down`,
      provenance: provenanceOf(multiplier),
    });
  },
);

/** Partial functional disability: % loss of function × table % × 80 × wage. */
export const jkkPartialFunctionalDisabilityRule = defineComponent(
  'JKK_PARTIAL_FUNCTIONAL_DISABILITY',
  recordInput({
    wage: rupiahInput,
    lossOfFunctionBp: basisPointsInput,
    tableShareBp: basisPointsInput,
  }),
  (ruleSet, input) => {
    const multiplier = ruleSet.jkk.disabilityWageMultiplier;
    const amount = floorToRupiah(
      times(
        share(input.lossOfFunctionBp),
        share(input.tableShareBp),
        whole(multiplier.value),
        whole(input.wage),
      ),
      'partial functional disability',
    );
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula:
        `${formatBasisPoints(input.lossOfFunctionBp)} loss of function × ${formatBasisPoints(input.tableShareBp)} × ` +
        `${multiplier.value} × ${formatRupiah(input.wage)}, rounded down`,
      provenance: provenanceOf(multiplier),
    });
  },
);

export interface JkkPartialAnatomicalDisabilityInput extends JkkBenefitContextInput {
  /** The table percentage from the medical assessment, 0–100, at most two decimals. */
  readonly tablePercent: number;
}

export function jkkPartialAnatomicalDisability(
  input: JkkPartialAnatomicalDisabilityInput,
): Result<Explanation> {
  const basis = jkkBenefitBasis(input);
  if (!basis.ok) return basis;
  const { ruleSet, wage } = basis.value;
  const table = parsePercentage(input.tablePercent, 'tablePercent');
  if (!table.ok) return table;
  const component = computeComponent(jkkPartialAnatomicalDisabilityRule, ruleSet, {
    wage,
    tableShareBp: table.value,
  });
  return component.ok ? explanationOf(ruleSet.id, [component.value]) : component;
}

export interface JkkPartialFunctionalDisabilityInput extends JkkBenefitContextInput {
  readonly lossOfFunctionPercent: number;
  readonly tablePercent: number;
}

export function jkkPartialFunctionalDisability(
  input: JkkPartialFunctionalDisabilityInput,
): Result<Explanation> {
  const basis = jkkBenefitBasis(input);
  if (!basis.ok) return basis;
  const { ruleSet, wage } = basis.value;
  const loss = parsePercentage(input.lossOfFunctionPercent, 'lossOfFunctionPercent');
  if (!loss.ok) return loss;
  const table = parsePercentage(input.tablePercent, 'tablePercent');
  if (!table.ok) return table;
  const component = computeComponent(jkkPartialFunctionalDisabilityRule, ruleSet, {
    wage,
    lossOfFunctionBp: loss.value,
    tableShareBp: table.value,
  });
  return component.ok ? explanationOf(ruleSet.id, [component.value]) : component;
}
