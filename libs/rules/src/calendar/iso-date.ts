import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

/**
 * A calendar date as `YYYY-MM-DD`, with no time and no time zone: an incident date in Kupang
 * is the same date everywhere. All arithmetic is on day numbers, never on local-time Date.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Years outside this range are input errors, not dates this platform will ever decide on. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseIsoDate(value: unknown, field = 'date'): Result<IsoDate> {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match === null)
    return err(ruleError('INVALID_DATE', `${field} must be a date as YYYY-MM-DD`, field));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return err(
      ruleError('INVALID_DATE', `${field} year must be between ${MIN_YEAR} and ${MAX_YEAR}`, field),
    );
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err(
      ruleError('INVALID_DATE', `${field} ${String(value)} is not a calendar date`, field),
    );
  }
  return ok(value as IsoDate);
}

/** For literals in rule data. */
export function isoDate(value: string): IsoDate {
  const parsed = parseIsoDate(value, 'rule data date');
  if (!parsed.ok) throw new Error(`@santunan/rules bug: ${parsed.error.message}`);
  return parsed.value;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function partsOf(date: IsoDate): DateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil; exact for the proleptic Gregorian calendar). */
export function toDayNumber(date: IsoDate): number {
  const { month, day } = partsOf(date);
  const year = partsOf(date).year - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return fromParts(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Same month and day n years later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = partsOf(date);
  const target = year + years;
  return fromParts(target, month, Math.min(day, daysInMonth(target, month)));
}

/** ISO strings of equal length order as the dates do. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * Completed years of age on a date. Someone born on 29 February turns a year older on
 * 1 March in a common year (the birthday has not yet come on 28 February).
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const birth = partsOf(birthDate);
  const at = partsOf(on);
  const hadBirthday = at.month > birth.month || (at.month === birth.month && at.day >= birth.day);
  return at.year - birth.year - (hadBirthday ? 0 : 1);
}
