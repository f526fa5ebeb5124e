/**
 * Dates in audit commands are Indonesian business dates: a date `2026-03-01` starts at
 * 00:00 Asia/Jakarta (UTC+07:00, no daylight saving). ISO instants are taken as given.
 */
const JAKARTA = '+07:00';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function startOf(text: string): string {
  if (DATE.test(text)) return `${text}T00:00:00${JAKARTA}`;
  return instant(text);
}

/** Exclusive end: the day after a date, or the instant itself. */
export function endBefore(text: string): string {
  if (DATE.test(text)) return `${nextDay(text)}T00:00:00${JAKARTA}`;
  return instant(text);
}

export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function instant(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new Error(`"${text}" is neither a date (YYYY-MM-DD) nor an ISO instant with an offset`);
  }
  return text;
}

/** A reporting period: a year `2026` or a month `2026-03`; value dates from..to inclusive. */
export interface ReportPeriod {
  readonly label: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly granularity: 'year' | 'month';
}

export function parsePeriod(text: string): ReportPeriod {
  if (/^\d{4}$/.test(text)) {
    return {
      label: text,
      firstDay: `${text}-01-01`,
      lastDay: `${text}-12-31`,
      granularity: 'year',
    };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month !== null) {
    const year = Number(month[1]);
    const number = Number(month[2]);
    const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
    return {
      label: text,
      firstDay: `${text}-01`,
      lastDay: `${text}-${String(last).padStart(2, '0')}`,
      granularity: 'month',
    };
  }
  throw new Error(`"${text}" is not a period (YYYY or YYYY-MM)`);
}
