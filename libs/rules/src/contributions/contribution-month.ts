import { firstDayOf, parseYearMonth, type YearMonth } from '../calendar/year-month';
import type { RuleSet } from '../rule-sets/rule-set';
import { ruleSetOn } from '../rule-sets/registry';
import { err, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

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

/**
 * For a component recomputed from stored inputs: the month must be one the named set bills, so
 * a stored explanation cannot pair a month with another period's rules.
 */
export function billedUnder(ruleSet: RuleSet, month: YearMonth): Result<YearMonth> {
  const billing = ruleSetOn(firstDayOf(month));
  if (!billing.ok) return billing;
  return billing.value.id === ruleSet.id
    ? { ok: true, value: month }
    : err(
        ruleError(
          'COMPONENT_NOT_APPLICABLE',
          `contribution month ${month} is billed under ${billing.value.id}, not ${ruleSet.id}`,
          'contributionMonth',
        ),
      );
}
