import { collect, err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { addDays, compareDates, dayOfWeek, parseIsoDate, type IsoDate } from './iso-date';

/**
 * Working days: Monday to Friday, minus the holidays listed. Holidays are data the caller
 * supplies (or the shipped Indonesian list), so a changed decree never needs a code change.
 */
export interface WorkingDayCalendar {
  readonly id: string;
  readonly holidays: ReadonlySet<IsoDate>;
  /**
   * The inclusive range for which the holiday list is complete. A computation that needs a
   * day outside it fails with CALENDAR_NOT_COVERED rather than silently ignoring holidays.
   * `null` means the caller vouches for every date.
   */
  readonly coverage: { readonly from: IsoDate; readonly to: IsoDate } | null;
}

export interface WorkingDayCalendarInput {
  readonly id: string;
  readonly holidays: readonly string[];
  readonly coverage?: { readonly from: string; readonly to: string } | null;
}

export function workingDayCalendar(input: WorkingDayCalendarInput): Result<WorkingDayCalendar> {
  const holidays = collect(
    input.holidays.map((day, index) => parseIsoDate(day, `holidays[${index}]`)),
  );
  if (!holidays.ok) return holidays;
  if (input.coverage === undefined || input.coverage === null) {
    return ok({ id: input.id, holidays: new Set(holidays.value), coverage: null });
  }
  const from = parseIsoDate(input.coverage.from, 'coverage.from');
  if (!from.ok) return from;
  const to = parseIsoDate(input.coverage.to, 'coverage.to');
  if (!to.ok) return to;
  if (compareDates(from.value, to.value) > 0) {
    return err(
      ruleError('DATES_OUT_OF_ORDER', 'coverage.from must not be after coverage.to', 'coverage'),
    );
  }
  return ok({
    id: input.id,
    holidays: new Set(holidays.value),
    coverage: { from: from.value, to: to.value },
  });
}

function covered(date: IsoDate, calendar: WorkingDayCalendar): Result<IsoDate> {
  const range = calendar.coverage;
  if (range !== null && (date < range.from || date > range.to)) {
    return err(
      ruleError(
        'CALENDAR_NOT_COVERED',
        `calendar ${calendar.id} knows holidays from ${range.from} to ${range.to} only; ${date} is outside`,
        'calendar',
      ),
    );
  }
  return ok(date);
}

export function isWorkingDay(date: IsoDate, calendar: WorkingDayCalendar): Result<boolean> {
  const inRange = covered(date, calendar);
  if (!inRange.ok) return inRange;
  const weekday = dayOfWeek(date);
  return ok(weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date));
}

/** Longer runs of non-working days than this mean broken holiday data. */
const MAX_NON_WORKING_RUN = 60;

/** The date itself when it is a working day, else the next working day. */
export function onOrNextWorkingDay(date: IsoDate, calendar: WorkingDayCalendar): Result<IsoDate> {
  let day = date;
  for (let step = 0; step <= MAX_NON_WORKING_RUN; step += 1) {
    const working = isWorkingDay(day, calendar);
    if (!working.ok) return working;
    if (working.value) return ok(day);
    day = addDays(day, 1);
  }
  throw new Error(`@santunan/rules bug: calendar ${calendar.id} has no working day after ${date}`);
}

/** The n-th working day after `date` (the date itself never counts). */
export function addWorkingDays(
  date: IsoDate,
  workingDays: number,
  calendar: WorkingDayCalendar,
): Result<IsoDate> {
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    return err(
      ruleError('INVALID_COUNT', 'workingDays must be a whole number, 0 or more', 'workingDays'),
    );
  }
  let day = date;
  for (let counted = 0; counted < workingDays; counted += 1) {
    const next = onOrNextWorkingDay(addDays(day, 1), calendar);
    if (!next.ok) return next;
    day = next.value;
  }
  return ok(day);
}

/** Working days in (from, to]: how many working days `to` lies after `from`. */
export function workingDaysAfter(
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingDayCalendar,
): Result<number> {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    const working = isWorkingDay(day, calendar);
    if (!working.ok) return working;
    if (working.value) count += 1;
  }
  return ok(count);
}
