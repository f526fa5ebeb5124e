import { parseYearMonth } from '../calendar/year-month';
import { ok, type Result } from '../shared/result';

/**
 * Masa iur = the number of distinct paid months (product decision 3): months paid under parallel
 * or overlapping memberships count once.
 */
export function masaIurMonths(paidMonths: readonly string[]): Result<number> {
  const distinct = new Set<string>();
  for (const [index, month] of paidMonths.entries()) {
    const parsed = parseYearMonth(month, `paidMonths[${index}]`);
    if (!parsed.ok) return parsed;
    distinct.add(parsed.value);
  }
  return ok(distinct.size);
}
