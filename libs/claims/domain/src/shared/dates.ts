import { addMonths, type IsoDate, type IsoMonth } from '@santunan/domain-kernel';
import { parseIsoDate, type IsoDate as RuleDate } from '@santunan/rules';

/** The last calendar day of a month, `YYYY-MM-DD`. */
export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one; UTC keeps it free of time zones.
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The first day of a month. */
export function firstDayOf(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export { addMonths };

/**
 * A date already checked at the edge of the domain, as the rules library's branded type.
 * Reaching the throw is a bug: commands and facts are validated before rules are called.
 */
export function ruleDate(date: IsoDate): RuleDate {
  const parsed = parseIsoDate(date);
  if (!parsed.ok) throw new Error(`@santunan/claims-domain bug: ${date} is not a checked date`);
  return parsed.value;
}

export function maxDate(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>(
    (max, date) => (max === null || date > max ? date : max),
    null,
  );
}
