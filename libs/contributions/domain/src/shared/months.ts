import { addMonths, isIsoMonth, monthsBetween, type IsoMonth } from '@santunan/domain-kernel';
import { parseYearMonth } from '@santunan/rules';

/** Every month from `from` to `to`, both included (empty when `to` is earlier). */
export function monthsFrom(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const count = monthsBetween(from, to) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addMonths(from, index));
}

/** Months sorted oldest first (YYYY-MM sorts as text). */
export function sortedMonths(months: Iterable<IsoMonth>): IsoMonth[] {
  return [...months].sort();
}

/** A month the rules library can work with (`YYYY-MM`, years 1900–2199), so masa iur never fails. */
export function isContributionMonth(month: string): boolean {
  return isIsoMonth(month) && parseYearMonth(month).ok;
}
