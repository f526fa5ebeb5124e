import fc from 'fast-check';
import {
  addWorkingDays,
  addYears,
  ageOn,
  INDONESIAN_PUBLIC_HOLIDAYS,
  indonesianWorkingDayCalendar,
  isWorkingDay,
  onOrNextWorkingDay,
  parseIsoDate,
  parseYearMonth,
  workingDayCalendar,
  type IsoDate,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';
import { dayOfWeek, fromDayNumber, toDayNumber } from './iso-date';
import { membershipMonthOn } from './year-month';

const date = (text: string): IsoDate => value(parseIsoDate(text));

describe('IsoDate', () => {
  it.each([
    '2026-02-30',
    '2025-02-29',
    '2025-04-31',
    '2025-00-10',
    '2025-12-32',
    '25-01-01',
    '2025/01/01',
    'tomorrow',
  ])('rejects %s', (text) => {
    expect(failure(parseIsoDate(text)).code).toBe('INVALID_DATE');
  });

  it('rejects non-strings', () => {
    expect(failure(parseIsoDate(20250101)).code).toBe('INVALID_DATE');
    expect(failure(parseIsoDate(null)).code).toBe('INVALID_DATE');
  });

  it('knows the day of the week without any time zone', () => {
    expect(dayOfWeek(date('1970-01-01'))).toBe(4);
    expect(dayOfWeek(date('2025-02-07'))).toBe(5);
    expect(dayOfWeek(date('2019-12-02'))).toBe(1);
    expect(dayOfWeek(date('2026-01-01'))).toBe(4);
  });

  it('round-trips day numbers for every date 1900–2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber(date('1900-01-01')), max: toDayNumber(date('2199-12-31')) }),
        (n) => {
          const d = fromDayNumber(n);
          expect(value(parseIsoDate(d))).toBe(d);
          expect(toDayNumber(d)).toBe(n);
          // Cross-check with UTC-only Date arithmetic.
          expect(new Date(Date.UTC(1970, 0, 1 + n)).toISOString().slice(0, 10)).toBe(d);
        },
      ),
    );
  });

  it('adds years, with 29 February falling back to 28 February', () => {
    expect(addYears(date('2020-02-29'), 1)).toBe('2021-02-28');
    expect(addYears(date('2020-02-29'), 4)).toBe('2024-02-29');
    expect(addYears(date('2019-12-02'), 5)).toBe('2024-12-02');
  });

  it.each([
    ['2003-06-15', '2026-06-14', 22],
    ['2003-06-15', '2026-06-15', 23],
    ['2004-02-29', '2027-02-28', 22],
    ['2004-02-29', '2027-03-01', 23],
    ['2004-02-29', '2028-02-29', 24],
  ])('a child born %s is %s years old on %s', (birth, on, age) => {
    expect(ageOn(date(birth), date(on))).toBe(age);
  });
});

describe('YearMonth', () => {
  it.each(['2025-13', '2025-00', '2025-1', '202501', '2025-01-01'])('rejects %s', (text) => {
    expect(failure(parseYearMonth(text)).code).toBe('INVALID_YEAR_MONTH');
  });

  it('counts membership months from the first paid month', () => {
    const first = value(parseYearMonth('2025-03'));
    expect(membershipMonthOn(first, date('2025-03-01'))).toBe(1);
    expect(membershipMonthOn(first, date('2025-05-31'))).toBe(3);
    expect(membershipMonthOn(first, date('2025-06-01'))).toBe(4);
    expect(membershipMonthOn(first, date('2026-03-01'))).toBe(13);
  });
});

describe('working days', () => {
  const calendar = value(indonesianWorkingDayCalendar());

  it('skips weekends and national holidays', () => {
    expect(value(isWorkingDay(date('2025-08-15'), calendar))).toBe(true); // Friday
    expect(value(isWorkingDay(date('2025-08-16'), calendar))).toBe(false); // Saturday
    expect(value(isWorkingDay(date('2025-08-17'), calendar))).toBe(false); // Sunday + Kemerdekaan
    expect(value(isWorkingDay(date('2025-12-25'), calendar))).toBe(false); // Natal, Thursday
    expect(value(isWorkingDay(date('2025-03-31'), calendar))).toBe(false); // Idul Fitri, Monday
  });

  it('counts working days forward over Idul Fitri 2025', () => {
    // Thu 27 Mar → Fri 28 (1), [Sat 29 Nyepi, Sun 30, Mon 31 + Tue 1 Idul Fitri], Wed 2 … Wed 9 (7).
    expect(value(addWorkingDays(date('2025-03-27'), 7, calendar))).toBe('2025-04-09');
    expect(value(addWorkingDays(date('2025-03-27'), 0, calendar))).toBe('2025-03-27');
  });

  it('moves to the next working day only when needed', () => {
    expect(value(onOrNextWorkingDay(date('2025-06-16'), calendar))).toBe('2025-06-16');
    expect(value(onOrNextWorkingDay(date('2025-06-14'), calendar))).toBe('2025-06-16');
    expect(value(onOrNextWorkingDay(date('2027-08-15'), calendar))).toBe('2027-08-16');
  });

  it('refuses dates outside the holiday data instead of ignoring holidays', () => {
    expect(failure(isWorkingDay(date('2028-01-03'), calendar)).code).toBe('CALENDAR_NOT_COVERED');
    expect(failure(addWorkingDays(date('2027-12-28'), 7, calendar)).code).toBe(
      'CALENDAR_NOT_COVERED',
    );
    expect(failure(isWorkingDay(date('2024-12-31'), calendar)).code).toBe('CALENDAR_NOT_COVERED');
  });

  it('takes extra holidays (e.g. cuti bersama) and caller-built calendars', () => {
    const withLeave = value(indonesianWorkingDayCalendar(['2025-12-26']));
    expect(value(isWorkingDay(date('2025-12-26'), withLeave))).toBe(false);
    expect(failure(indonesianWorkingDayCalendar(['2025-02-30'])).code).toBe('INVALID_DATE');
    const own = value(workingDayCalendar({ id: 'test', holidays: ['2019-12-25'] }));
    expect(value(addWorkingDays(date('2019-12-23'), 2, own))).toBe('2019-12-26');
    expect(
      failure(
        workingDayCalendar({
          id: 'bad',
          holidays: [],
          coverage: { from: '2026-01-01', to: '2025-01-01' },
        }),
      ).code,
    ).toBe('DATES_OUT_OF_ORDER');
  });

  it('rejects a negative or fractional number of working days', () => {
    expect(failure(addWorkingDays(date('2025-03-27'), -1, calendar)).code).toBe('INVALID_COUNT');
    expect(failure(addWorkingDays(date('2025-03-27'), 1.5, calendar)).code).toBe('INVALID_COUNT');
  });

  it('ships valid, unique holiday data for 2025–2027 with confidence marks', () => {
    const dates = INDONESIAN_PUBLIC_HOLIDAYS.map((holiday) => holiday.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const year of ['2025', '2026', '2027']) {
      expect(dates.filter((d) => d.startsWith(year)).length).toBeGreaterThanOrEqual(16);
    }
    for (const holiday of INDONESIAN_PUBLIC_HOLIDAYS) {
      expect(value(parseIsoDate(holiday.date))).toBe(holiday.date);
      expect(['H', 'M', 'L']).toContain(holiday.confidence);
    }
  });
});
