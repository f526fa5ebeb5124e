import type { YearMonth } from '../calendar/year-month';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import { oneOfInput, recordInput, rupiahInput, yearMonthInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { halfUpToRupiah, share, times, whole, type Exact } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah, parseRupiah, type Rupiah } from '../money/rupiah';
import type { RuleSet } from '../rule-sets/rule-set';
import {
  BPU_SECTORS,
  PAYER_TYPES,
  parseBpuSector,
  parsePayerType,
  type BpuSector,
  type PayerType,
} from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf, type Provenance } from '../shared/sourced';
import { bpuDiscountFor, type BpuDiscountDecision } from './bpu-discount';
import { contributionRuleSet } from './contribution-month';

const payerFields = {
  contributionMonth: yearMonthInput,
  payer: oneOfInput(PAYER_TYPES),
  sector: oneOfInput(BPU_SECTORS),
};

/** Applies a PP 50/2025 discount, if any, to an exact contribution, with its formula text. */
function discounted(
  normal: Exact,
  formula: string,
  discount: BpuDiscountDecision,
): { value: Exact; formula: string; provenance: Provenance | null } {
  if (!discount.applies) return { value: normal, formula, provenance: null };
  return {
    value: times(normal, share(discount.payableShare)),
    formula: `${formula} × ${formatBasisPoints(discount.payableShare)} (PP 50/2025 discount)`,
    provenance: discount.provenance,
  };
}

/** The income the 1% is applied to: the declared income itself, or its Lampiran II bracket. */
function jkkBase(ruleSet: RuleSet, declaredIncome: Rupiah): Result<{ base: Rupiah; note: string }> {
  const basis = ruleSet.contributions.bpu.jkkBasis.value;
  switch (basis) {
    case 'exact-declared-income':
      return ok({ base: declaredIncome, note: '' });
    case 'lampiran-ii-bracket': {
      const bracket = ruleSet.contributions.bpu.incomeBrackets.value.find(
        (row) =>
          declaredIncome >= row.fromIncome &&
          (row.toIncome === null || declaredIncome <= row.toIncome),
      );
      if (bracket === undefined) {
        return err(
          ruleError(
            'COMPONENT_NOT_APPLICABLE',
            `no Lampiran II bracket covers ${formatRupiah(declaredIncome)}`,
            'declaredIncome',
          ),
        );
      }
      return ok({
        base: bracket.nominalIncome,
        note: ` (Lampiran II bracket for ${formatRupiah(declaredIncome)})`,
      });
    }
    default: {
      const _exhaustive: never = basis;
      return _exhaustive;
    }
  }
}

export const bpuJkkContributionRule = defineComponent(
  'BPU_JKK_CONTRIBUTION',
  recordInput({ declaredIncome: rupiahInput, ...payerFields }),
  (ruleSet, input) => {
    const bpu = ruleSet.contributions.bpu;
    if (input.declaredIncome < bpu.incomeFloor.value) {
      return err(
        ruleError(
          'INCOME_BELOW_FLOOR',
          `BPU declared income ${formatRupiah(input.declaredIncome)} is under the floor of ${formatRupiah(bpu.incomeFloor.value)}`,
          'declaredIncome',
        ),
      );
    }
    const base = jkkBase(ruleSet, input.declaredIncome);
    if (!base.ok) return base;
    const discount = bpuDiscountFor(ruleSet, input.contributionMonth, input.payer, input.sector);
    const result = discounted(
      times(whole(base.value.base), share(bpu.jkkRate.value)),
      `${formatBasisPoints(bpu.jkkRate.value)} × ${formatRupiah(base.value.base)}${base.value.note}`,
      discount,
    );
    const amount = halfUpToRupiah(result.value, 'BPU JKK contribution');
    if (!amount.ok) return amount;
    const sources = [bpu.jkkRate, bpu.incomeFloor, bpu.jkkBasis];
    return ok({
      amount: amount.value,
      formula: `${result.formula}, rounded half up`,
      provenance: provenanceOf(
        ...sources,
        ...(result.provenance === null ? [] : [result.provenance]),
      ),
    });
  },
);

export const bpuJkmContributionRule = defineComponent(
  'BPU_JKM_CONTRIBUTION',
  recordInput(payerFields),
  (ruleSet, input) => {
    const flat = ruleSet.contributions.bpu.jkmFlat;
    const discount = bpuDiscountFor(ruleSet, input.contributionMonth, input.payer, input.sector);
    const result = discounted(whole(flat.value), `${formatRupiah(flat.value)} flat`, discount);
    const amount = halfUpToRupiah(result.value, 'BPU JKM contribution');
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: `${result.formula}, rounded half up`,
      provenance: provenanceOf(flat, ...(result.provenance === null ? [] : [result.provenance])),
    });
  },
);

export interface BpuContributionInput {
  /** The month the contribution is for, `YYYY-MM`. */
  readonly contributionMonth: string;
  readonly declaredIncome: number;
  readonly payer: PayerType;
  readonly sector: BpuSector;
}

export interface ContributionAssessment {
  readonly contributionMonth: YearMonth;
  readonly explanation: Explanation;
}

export interface BpuContributionAssessment extends ContributionAssessment {
  readonly discount: BpuDiscountDecision;
}

/** The monthly BPU JKK + JKM contribution (its `explanation.total` is the tariff a sponsor pays). */
export function bpuContribution(input: BpuContributionInput): Result<BpuContributionAssessment> {
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const declaredIncome = parseRupiah(input.declaredIncome, 'declaredIncome');
  if (!declaredIncome.ok) return declaredIncome;
  const payer = parsePayerType(input.payer);
  if (!payer.ok) return payer;
  const sector = parseBpuSector(input.sector);
  if (!sector.ok) return sector;
  const { month, ruleSet } = context.value;
  const common = { contributionMonth: month, payer: payer.value, sector: sector.value };
  const jkk = computeComponent(bpuJkkContributionRule, ruleSet, {
    declaredIncome: declaredIncome.value,
    ...common,
  });
  if (!jkk.ok) return jkk;
  const jkm = computeComponent(bpuJkmContributionRule, ruleSet, common);
  if (!jkm.ok) return jkm;
  const explanation = explanationOf(ruleSet.id, [jkk.value, jkm.value]);
  if (!explanation.ok) return explanation;
  return ok({
    contributionMonth: month,
    explanation: explanation.value,
    discount: bpuDiscountFor(ruleSet, month, payer.value, sector.value),
  });
}
