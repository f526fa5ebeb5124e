import { firstDayOf, parseYearMonth, type YearMonth } from '../calendar/year-month';
import type { RuleSet } from '../rule-sets/rule-set';
import { ruleSetOn } from '../rule-sets/registry';
import type { Result } from '../shared/result';

/**
 * A contribution month is billed under the rule set in force on its first day: a regulation
 * that starts mid-month (PP 6/2025 on 7 February 2025) applies from the next contribution month.
 * There is no pro-rating within a month.
 */
export function contributionRuleSet(
  month: string,
): Result<{ readonly month: YearMonth; readonly ruleSet: RuleSet }> {
  const parsed = parseYearMonth(month, 'contributionMonth');
  if (!parsed.ok) return parsed;
  const ruleSet = ruleSetOn(firstDayOf(parsed.value));
  return ruleSet.ok
    ? { ok: true, value: { month: parsed.value, ruleSet: ruleSet.value } }
    : ruleSet;
}
