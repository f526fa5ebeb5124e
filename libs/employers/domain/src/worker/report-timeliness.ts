import type { IsoDate, ReportTimeliness } from '@santunan/contracts/employers';
import {
  addWorkingDays,
  parseIsoDate,
  PU_DATA_CHANGE_REPORTING_WORKING_DAYS,
  workingDaysAfter,
  type WorkingDayCalendar,
} from '@santunan/rules';

export type Timeliness =
  | { readonly ok: true; readonly value: ReportTimeliness }
  | { readonly ok: false; readonly message: string };

/**
 * Whether a change that happened on `happenedOn` and is reported on `reportedOn` came within
 * 7 working days (PP 44/2015 Pasal 9). A late report is still recorded — the employer's data
 * must be right — but marked late, so the lateness is visible wherever the event is. A date
 * the working-day calendar does not cover cannot be timed: the decider refuses it with the
 * date's own field rather than guess the holidays.
 */
export function reportTimeliness(
  happenedOn: IsoDate,
  reportedOn: IsoDate,
  calendar: WorkingDayCalendar,
): Timeliness {
  const happened = parseIsoDate(happenedOn, 'happenedOn');
  const reported = parseIsoDate(reportedOn, 'reportedOn');
  if (!happened.ok || !reported.ok) throw new Error('reportTimeliness needs checked dates');
  const due = addWorkingDays(happened.value, PU_DATA_CHANGE_REPORTING_WORKING_DAYS.value, calendar);
  if (!due.ok) return outsideCalendar(happenedOn, due.error.message);
  const late = reported.value > due.value;
  const daysLate = late ? workingDaysAfter(due.value, reported.value, calendar) : undefined;
  if (daysLate !== undefined && !daysLate.ok)
    return outsideCalendar(happenedOn, daysLate.error.message);
  return {
    ok: true,
    value: {
      reportedOn,
      dueBy: due.value,
      late,
      workingDaysLate: daysLate === undefined ? 0 : daysLate.value,
    },
  };
}

const outsideCalendar = (date: IsoDate, reason: string): Timeliness => ({
  ok: false,
  message: `${date} is outside the working-day calendar the reporting period is counted on (${reason})`,
});
