import type { Confidence } from '../shared/sourced';
import { collect, ok, type Result } from '../shared/result';
import { isoDate, parseIsoDate, type IsoDate } from './iso-date';
import type { WorkingDayCalendar } from './working-days';

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly name: string;
  readonly confidence: Confidence;
}

const h = (date: string, name: string, confidence: Confidence): PublicHoliday => ({
  date: isoDate(date),
  name,
  confidence,
});

/**
 * Indonesian national public holidays (libur nasional) 2025–2027, as best known.
 * - Fixed-date holidays are H (set by decree every year on the same date).
 * - 2025 follows the joint ministerial decree (SKB 3 Menteri) for 2025: M.
 * - Lunar and lunisolar dates for 2026–2027 are astronomical estimates until the SKB for the
 *   year is checked: L. Correct them here (or pass your own calendar) once the SKB is out.
 * Cuti bersama (collective leave) are not public holidays and are not listed; callers whose
 * offices close on them add them through `extraHolidays`.
 */
export const INDONESIAN_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = [
  h('2025-01-01', 'Tahun Baru Masehi', 'H'),
  h('2025-01-27', "Isra Mi'raj Nabi Muhammad SAW", 'M'),
  h('2025-01-29', 'Tahun Baru Imlek 2576', 'M'),
  h('2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)', 'M'),
  h('2025-03-31', 'Idul Fitri 1446 H', 'M'),
  h('2025-04-01', 'Idul Fitri 1446 H (hari kedua)', 'M'),
  h('2025-04-18', 'Wafat Yesus Kristus', 'H'),
  h('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', 'M'),
  h('2025-05-01', 'Hari Buruh Internasional', 'H'),
  h('2025-05-12', 'Hari Raya Waisak 2569 BE', 'M'),
  h('2025-05-29', 'Kenaikan Yesus Kristus', 'H'),
  h('2025-06-01', 'Hari Lahir Pancasila', 'H'),
  h('2025-06-06', 'Idul Adha 1446 H', 'M'),
  h('2025-06-27', 'Tahun Baru Islam 1447 H', 'M'),
  h('2025-08-17', 'Hari Kemerdekaan RI', 'H'),
  h('2025-09-05', 'Maulid Nabi Muhammad SAW', 'M'),
  h('2025-12-25', 'Hari Raya Natal', 'H'),

  h('2026-01-01', 'Tahun Baru Masehi', 'H'),
  h('2026-01-16', "Isra Mi'raj Nabi Muhammad SAW", 'L'),
  h('2026-02-17', 'Tahun Baru Imlek 2577', 'M'),
  h('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'L'),
  h('2026-03-20', 'Idul Fitri 1447 H', 'L'),
  h('2026-03-21', 'Idul Fitri 1447 H (hari kedua)', 'L'),
  h('2026-04-03', 'Wafat Yesus Kristus', 'H'),
  h('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'M'),
  h('2026-05-01', 'Hari Buruh Internasional', 'H'),
  h('2026-05-14', 'Kenaikan Yesus Kristus', 'H'),
  h('2026-05-27', 'Idul Adha 1447 H', 'L'),
  h('2026-05-31', 'Hari Raya Waisak 2570 BE', 'L'),
  h('2026-06-01', 'Hari Lahir Pancasila', 'H'),
  h('2026-06-16', 'Tahun Baru Islam 1448 H', 'L'),
  h('2026-08-17', 'Hari Kemerdekaan RI', 'H'),
  h('2026-08-25', 'Maulid Nabi Muhammad SAW', 'L'),
  h('2026-12-25', 'Hari Raya Natal', 'H'),

  h('2027-01-01', 'Tahun Baru Masehi', 'H'),
  h('2027-01-05', "Isra Mi'raj Nabi Muhammad SAW", 'L'),
  h('2027-02-06', 'Tahun Baru Imlek 2578', 'M'),
  h('2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'L'),
  h('2027-03-10', 'Idul Fitri 1448 H', 'L'),
  h('2027-03-11', 'Idul Fitri 1448 H (hari kedua)', 'L'),
  h('2027-03-26', 'Wafat Yesus Kristus', 'H'),
  h('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'M'),
  h('2027-05-01', 'Hari Buruh Internasional', 'H'),
  h('2027-05-06', 'Kenaikan Yesus Kristus', 'H'),
  h('2027-05-17', 'Idul Adha 1448 H', 'L'),
  h('2027-05-20', 'Hari Raya Waisak 2571 BE', 'L'),
  h('2027-06-01', 'Hari Lahir Pancasila', 'H'),
  h('2027-06-06', 'Tahun Baru Islam 1449 H', 'L'),
  h('2027-08-15', 'Maulid Nabi Muhammad SAW', 'L'),
  h('2027-08-17', 'Hari Kemerdekaan RI', 'H'),
  h('2027-12-25', 'Hari Raya Natal', 'H'),
];

export const INDONESIAN_CALENDAR_COVERAGE = {
  from: isoDate('2025-01-01'),
  to: isoDate('2027-12-31'),
} as const;

/**
 * The shipped calendar: national holidays 2025–2027 plus any `extraHolidays` (cuti bersama,
 * a regional holiday, a corrected date). Dates outside 2025–2027 fail with CALENDAR_NOT_COVERED.
 */
export function indonesianWorkingDayCalendar(
  extraHolidays: readonly string[] = [],
): Result<WorkingDayCalendar> {
  const extra = collect(
    extraHolidays.map((day, index) => parseIsoDate(day, `extraHolidays[${index}]`)),
  );
  if (!extra.ok) return extra;
  return ok({
    id: extraHolidays.length === 0 ? 'ID-national-2025-2027' : 'ID-national-2025-2027+extra',
    holidays: new Set([
      ...INDONESIAN_PUBLIC_HOLIDAYS.map((holiday) => holiday.date),
      ...extra.value,
    ]),
    coverage: INDONESIAN_CALENDAR_COVERAGE,
  });
}
