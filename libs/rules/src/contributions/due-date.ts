import type { IsoDate } from '../calendar/iso-date';
import { onOrNextWorkingDay, type WorkingDayCalendar } from '../calendar/working-days';
import { addMonths, dayOfMonth, type YearMonth } from '../calendar/year-month';
import type { DueDateRule, RuleSetId } from '../rule-sets/rule-set';
import { parseSegment, type Segment } from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';
import { provenanceOf, type Provenance, type Sourced } from '../shared/sourced';
import { contributionRuleSet } from './contribution-month';

export interface ContributionDueDateInput {
  readonly segment: Segment;
  readonly contributionMonth: string;
  readonly calendar: WorkingDayCalendar;
}

export interface ContributionDueDate {
  readonly ruleSetId: RuleSetId;
  readonly contributionMonth: YearMonth;
  /** The day the rule names, before any move to a working day. */
  readonly nominalDueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly provenance: Provenance;
}

/**
 * BPU: the 15th of the contribution month itself; PU: the 15th of the following month. A PU
 * month under the PP 49/2020 relief is due later: `puInvoiceLine` gives that due date.
 */
export function contributionDueDate(input: ContributionDueDateInput): Result<ContributionDueDate> {
  const segment = parseSegment(input.segment);
  if (!segment.ok) return segment;
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const { month, ruleSet } = context.value;
  return dueDateUnder(
    ruleSet.id,
    month,
    ruleSet.contributions[segment.value].dueDate,
    input.calendar,
  );
}

/** The due date a rule gives a contribution month (PU relief months have their own rule). */
export function dueDateUnder(
  ruleSetId: RuleSetId,
  month: YearMonth,
  rule: Sourced<DueDateRule>,
  calendar: WorkingDayCalendar,
): Result<ContributionDueDate> {
  const nominal = dayOfMonth(addMonths(month, rule.value.monthOffset), rule.value.dayOfMonth);
  const due = rule.value.rollForwardToWorkingDay
    ? onOrNextWorkingDay(nominal, calendar)
    : ok(nominal);
  if (!due.ok) return due;
  return ok({
    ruleSetId,
    contributionMonth: month,
    nominalDueDate: nominal,
    dueDate: due.value,
    provenance: provenanceOf(rule),
  });
}
