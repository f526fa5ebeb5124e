import type { WorkingDayCalendar } from '../calendar/working-days';
import { parseYearMonth, type YearMonth } from '../calendar/year-month';
import type { BasisPoints } from '../money/percentage';
import { RULE_SETS } from '../rule-sets/registry';
import type { DueDateRule, PuRelief, RuleSet, RuleSetId } from '../rule-sets/rule-set';
import { ok, type Result } from '../shared/result';
import { provenanceOf, type Provenance, type Sourced } from '../shared/sourced';
import { dueDateUnder, type ContributionDueDate } from './due-date';

export type NoPuReliefReason = 'OUTSIDE_RELIEF_PERIOD' | 'EMPLOYER_NOT_PAID_UP';

export type PuReliefDecision =
  | {
      readonly applies: true;
      /** The set that carries the relief (not necessarily the set the month is billed under). */
      readonly ruleSetId: RuleSetId;
      readonly payableShare: BasisPoints;
      readonly dueDate: Sourced<DueDateRule>;
      readonly lateFeePerMonth: Sourced<BasisPoints>;
      readonly provenance: Provenance;
    }
  | {
      readonly applies: false;
      readonly reason: NoPuReliefReason;
      /** For EMPLOYER_NOT_PAID_UP: the month the employer had to have paid through. */
      readonly requiredPaidThrough?: YearMonth;
    };

/** The oldest set whose relief window contains the month (the registry refuses two different ones). */
function reliefCovering(month: YearMonth): { id: RuleSetId; relief: PuRelief } | null {
  for (const set of RULE_SETS) {
    const relief = set.contributions.pu.relief;
    if (relief !== null && relief.firstMonth.value <= month && month <= relief.lastMonth.value) {
      return { id: set.id, relief };
    }
  }
  return null;
}

/**
 * PP 49/2020: whether a PU contribution month is relieved. Found by the relief's window of
 * contribution months in whichever set carries it, because the PP was promulgated after the
 * first month it covers had begun; everything else about the month still follows the set in
 * force on its first day. `employerPaidThrough` is the last month up to which the employer had
 * paid every contribution (null: none paid), as the caller establishes it for this month.
 */
export function puReliefFor(
  month: YearMonth,
  employerPaidThrough: YearMonth | null,
): PuReliefDecision {
  const found = reliefCovering(month);
  if (found === null) return { applies: false, reason: 'OUTSIDE_RELIEF_PERIOD' };
  const { relief } = found;
  if (employerPaidThrough === null || employerPaidThrough < relief.paidThrough.value) {
    return {
      applies: false,
      reason: 'EMPLOYER_NOT_PAID_UP',
      requiredPaidThrough: relief.paidThrough.value,
    };
  }
  return {
    applies: true,
    ruleSetId: found.id,
    payableShare: relief.payableShare.value,
    dueDate: relief.dueDate,
    lateFeePerMonth: relief.lateFeePerMonth,
    provenance: provenanceOf(
      relief.payableShare,
      relief.firstMonth,
      relief.lastMonth,
      relief.paidThrough,
    ),
  };
}

/** A PU month's due date: the relief's (the 30th of the next month) when it applies, else the set's. */
export function puDueDate(
  ruleSet: RuleSet,
  month: YearMonth,
  relief: PuReliefDecision,
  calendar: WorkingDayCalendar,
): Result<ContributionDueDate> {
  return relief.applies
    ? dueDateUnder(relief.ruleSetId, month, relief.dueDate, calendar)
    : dueDateUnder(ruleSet.id, month, ruleSet.contributions.pu.dueDate, calendar);
}

/** The employer's paid-through month as given (`YYYY-MM`), or null when it has paid nothing. */
export function parsePaidThrough(value: string | null): Result<YearMonth | null> {
  return value === null ? ok(null) : parseYearMonth(value, 'employerPaidThrough');
}
