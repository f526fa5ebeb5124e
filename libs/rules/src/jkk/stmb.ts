import { computeComponent, defineComponent } from '../explanation/component-rule';
import { countInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { floorToRupiah, plus, ratio, share, times, whole, type Exact } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah } from '../money/rupiah';
import type { StmbTier } from '../rule-sets/rule-set';
import { bug, err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';
import { jkkBenefitBasis, type JkkBenefitContextInput } from './benefit-context';

/** A century of incapacity: anything longer is a data-entry error. */
export const MAX_STMB_MONTHS = 1200;

function tierOf(tiers: readonly StmbTier[], month: number): StmbTier {
  return (
    tiers.find(
      (tier) => month >= tier.firstMonth && (tier.lastMonth === null || month <= tier.lastMonth),
    ) ?? bug(`no STMB tier covers month ${month}`)
  );
}

/**
 * STMB (temporary incapacity) for `months` whole months plus `extraDays` of the next month, each
 * month at its tier's share of the wage. Rounded down once, on the total.
 */
export const jkkStmbRule = defineComponent(
  'JKK_STMB',
  recordInput({ wage: rupiahInput, months: countInput, extraDays: countInput }),
  (ruleSet, input) => {
    const { stmbTiers: tiers, stmbDaysPerMonth: daysPerMonth } = ruleSet.jkk;
    if (input.months > MAX_STMB_MONTHS) {
      return err(ruleError('INVALID_COUNT', `months must be at most ${MAX_STMB_MONTHS}`, 'months'));
    }
    if (input.extraDays >= daysPerMonth.value) {
      return err(
        ruleError('INVALID_COUNT', `extraDays must be under ${daysPerMonth.value}`, 'extraDays'),
      );
    }
    const terms: Exact[] = [];
    const text: string[] = [];
    for (const tier of tiers.value) {
      const last = tier.lastMonth === null ? input.months : Math.min(tier.lastMonth, input.months);
      const count = last - tier.firstMonth + 1;
      if (count <= 0) continue;
      terms.push(times(whole(count), whole(input.wage), share(tier.share)));
      text.push(`${count} × ${formatRupiah(input.wage)} × ${formatBasisPoints(tier.share)}`);
    }
    if (input.extraDays > 0) {
      const tier = tierOf(tiers.value, input.months + 1);
      terms.push(
        times(ratio(input.extraDays, daysPerMonth.value), whole(input.wage), share(tier.share)),
      );
      text.push(
        `${input.extraDays}/${daysPerMonth.value} × ${formatRupiah(input.wage)} × ${formatBasisPoints(tier.share)}`,
      );
    }
    const amount = floorToRupiah(plus(...terms), 'STMB');
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: text.length === 0 ? 'no months of incapacity' : `${text.join(' + ')}, rounded down`,
      provenance: input.extraDays > 0 ? provenanceOf(tiers, daysPerMonth) : provenanceOf(tiers),
    });
  },
);

export interface JkkStmbInput extends JkkBenefitContextInput {
  /** Whole months of incapacity, counted from the first. */
  readonly months: number;
  /** Days of a further, partial month; 0 when omitted. */
  readonly extraDays?: number;
}

export function jkkStmb(input: JkkStmbInput): Result<Explanation> {
  const basis = jkkBenefitBasis(input);
  if (!basis.ok) return basis;
  const { ruleSet, wage } = basis.value;
  const months = countInput(input.months, 'months');
  if (!months.ok) return months;
  const extraDays = countInput(input.extraDays ?? 0, 'extraDays');
  if (!extraDays.ok) return extraDays;
  const component = computeComponent(jkkStmbRule, ruleSet, {
    wage,
    months: months.value,
    extraDays: extraDays.value,
  });
  return component.ok ? explanationOf(ruleSet.id, [component.value]) : component;
}
