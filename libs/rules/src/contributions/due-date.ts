import type { IsoDate } from '../calendar/iso-date';
import { onOrNextWorkingDay, type WorkingDayCalendar } from '../calendar/working-days';
import { addMonths, dayOfMonth, type YearMonth } from '../calendar/year-month';
import type { RuleSetId } from '../rule-sets/rule-set';
import { parseSegment, type Segment } from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';
import { provenanceOf, type Provenance } from '../shared/sourced';
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

/** BPU: the 15th of the contribution month itself; PU: the 15th of the following month. */
export function contributionDueDate(input: ContributionDueDateInput): Result<ContributionDueDate> {
  const segment = parseSegment(input.segment);
  if (!segment.ok) return segment;
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const { month, ruleSet } = context.value;
  const rule = ruleSet.contributions[segment.value].dueDate;
  const nominal = dayOfMonth(addMonths(month, rule.value.monthOffset), rule.value.dayOfMonth);
  const due = rule.value.rollForwardToWorkingDay
    ? onOrNextWorkingDay(nominal, input.calendar)
    : ok(nominal);
  if (!due.ok) return due;
  return ok({
    ruleSetId: ruleSet.id,
    contributionMonth: month,
    nominalDueDate: nominal,
    dueDate: due.value,
    provenance: provenanceOf(rule),
  });
}
