import type { IsoDate, ReportTimeliness } from '@santunan/contracts/employers';
import {
  addWorkingDays,
  parseIsoDate,
  PU_DATA_CHANGE_REPORTING_WORKING_DAYS,
  workingDaysAfter,
  type WorkingDayCalendar,
} from '@santunan/rules';

/**
 * Whether a change that happened on `happenedOn` and is reported on `reportedOn` came within
 * 7 working days (PP 44/2015 Pasal 9). A late report is still recorded — the employer's data
 * must be right — but marked late, so the lateness is visible wherever the event is.
 */
export function reportTimeliness(
  happenedOn: IsoDate,
  reportedOn: IsoDate,
  calendar: WorkingDayCalendar,
): ReportTimeliness {
  const happened = parseIsoDate(happenedOn, 'happenedOn');
  const reported = parseIsoDate(reportedOn, 'reportedOn');
  if (!happened.ok || !reported.ok) throw new Error('reportTimeliness needs checked dates');
  const due = addWorkingDays(happened.value, PU_DATA_CHANGE_REPORTING_WORKING_DAYS.value, calendar);
  // A calendar that does not cover the dates is a deployment gap, not the employer's fault.
  if (!due.ok) throw new Error(`reporting period: ${due.error.message}`);
  const late = reported.value > due.value;
  const daysLate = late ? workingDaysAfter(due.value, reported.value, calendar) : undefined;
  if (daysLate !== undefined && !daysLate.ok)
    throw new Error(`reporting period: ${daysLate.error.message}`);
  return {
    reportedOn,
    dueBy: due.value,
    late,
    workingDaysLate: daysLate === undefined ? 0 : daysLate.value,
  };
}
