import type { YearMonth } from '../calendar/year-month';
import type { BasisPoints } from '../money/percentage';
import type { RuleSet } from '../rule-sets/rule-set';
import type { BpuSector, PayerType } from '../rule-sets/vocabulary';
import { provenanceOf, type Provenance } from '../shared/sourced';

export type NoDiscountReason =
  | 'NO_DISCOUNT_IN_RULE_SET'
  | 'OUTSIDE_DISCOUNT_PERIOD'
  | 'PAYER_EXCLUDED'
  | 'PAYER_NOT_ELIGIBLE'
  | 'SECTOR_NOT_ELIGIBLE';

export type BpuDiscountDecision =
  | { readonly applies: true; readonly payableShare: BasisPoints; readonly provenance: Provenance }
  | { readonly applies: false; readonly reason: NoDiscountReason };

/**
 * PP 50/2025: BPU JKK and JKM at a reduced share for the covered months, for eligible payers and
 * sectors. APBN/APBD payers are excluded before anything else, so no data edit to the eligible
 * list can ever discount a budget-paid contribution.
 */
export function bpuDiscountFor(
  ruleSet: RuleSet,
  month: YearMonth,
  payer: PayerType,
  sector: BpuSector,
): BpuDiscountDecision {
  const discount = ruleSet.contributions.bpu.discount;
  if (discount === null) return { applies: false, reason: 'NO_DISCOUNT_IN_RULE_SET' };
  if (discount.excludedPayers.value.includes(payer))
    return { applies: false, reason: 'PAYER_EXCLUDED' };
  if (month < discount.firstMonth.value || month > discount.lastMonth.value) {
    return { applies: false, reason: 'OUTSIDE_DISCOUNT_PERIOD' };
  }
  if (!discount.eligiblePayers.value.includes(payer))
    return { applies: false, reason: 'PAYER_NOT_ELIGIBLE' };
  if (!discount.eligibleSectors.value.includes(sector))
    return { applies: false, reason: 'SECTOR_NOT_ELIGIBLE' };
  return {
    applies: true,
    payableShare: discount.payableShare.value,
    provenance: provenanceOf(
      discount.payableShare,
      discount.firstMonth,
      discount.lastMonth,
      discount.eligiblePayers,
      discount.excludedPayers,
      discount.eligibleSectors,
    ),
  };
}
