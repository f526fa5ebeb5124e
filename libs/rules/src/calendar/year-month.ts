import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { daysInMonth, fromParts, MAX_YEAR, MIN_YEAR, partsOf, type IsoDate } from './iso-date';

/** A contribution or membership month as `YYYY-MM`. */
export type YearMonth = string & { readonly __brand: 'YearMonth' };

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export function parseYearMonth(value: unknown, field = 'month'): Result<YearMonth> {
  const match = typeof value === 'string' ? YEAR_MONTH.exec(value) : null;
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match === null || year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
    return err(ruleError('INVALID_YEAR_MONTH', `${field} must be a month as YYYY-MM`, field));
  }
  return ok(value as YearMonth);
}

/** For literals in rule data. */
export function yearMonth(value: string): YearMonth {
  const parsed = parseYearMonth(value, 'rule data month');
  if (!parsed.ok) throw new Error(`@santunan/rules bug: ${parsed.error.message}`);
  return parsed.value;
}

export function yearMonthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7) as YearMonth;
}

function yearAndMonth(value: YearMonth): { year: number; month: number } {
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
}

/** A running month count, for differences. */
export function monthIndex(value: YearMonth): number {
  const { year, month } = yearAndMonth(value);
  return year * 12 + (month - 1);
}

export function addMonths(value: YearMonth, months: number): YearMonth {
  const index = monthIndex(value) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}` as YearMonth;
}

/** Day `day` of the month, clamped to its last day. */
export function dayOfMonth(value: YearMonth, day: number): IsoDate {
  const { year, month } = yearAndMonth(value);
  return fromParts(year, month, Math.min(day, daysInMonth(year, month)));
}

export function firstDayOf(value: YearMonth): IsoDate {
  return dayOfMonth(value, 1);
}

/** The 1-based month of membership that `date` falls in, counting `firstMonth` as month 1. */
export function membershipMonthOn(firstMonth: YearMonth, date: IsoDate): number {
  const { year, month } = partsOf(date);
  return year * 12 + (month - 1) - monthIndex(firstMonth) + 1;
}
