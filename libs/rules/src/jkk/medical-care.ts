import { computeComponent, defineComponent } from '../explanation/component-rule';
import { recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { formatRupiah, parseRupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import { ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';

/** Medical care has no ceiling: the claimed (verified) cost passes through. */
export const jkkMedicalCareRule = defineComponent(
  'JKK_MEDICAL_CARE',
  recordInput({ claimedAmount: rupiahInput }),
  (ruleSet, input) =>
    ok({
      amount: input.claimedAmount,
      formula: `${formatRupiah(input.claimedAmount)} as claimed (as medically needed, no ceiling)`,
      provenance: provenanceOf(ruleSet.jkk.medicalCare),
    }),
);

export interface JkkMedicalCareInput {
  readonly incidentDate: string;
  readonly claimedAmount: number;
}

export function jkkMedicalCare(input: JkkMedicalCareInput): Result<Explanation> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const claimed = parseRupiah(input.claimedAmount, 'claimedAmount');
  if (!claimed.ok) return claimed;
  const component = computeComponent(jkkMedicalCareRule, context.value.ruleSet, {
    claimedAmount: claimed.value,
  });
  return component.ok ? explanationOf(context.value.ruleSet.id, [component.value]) : component;
}
