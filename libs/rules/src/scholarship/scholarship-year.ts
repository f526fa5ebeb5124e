import { fromParts, partsOf, type IsoDate } from '../calendar/iso-date';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

/** A scholarship year, `2025/2026`: 1 July to 30 June (product decision 5, the school year). */
export type ScholarshipYear = string & { readonly __brand: 'ScholarshipYear' };

export const SCHOLARSHIP_YEAR_FIRST_MONTH = 7;

const PATTERN = /^(\d{4})\/(\d{4})$/;

export function parseScholarshipYear(
  value: unknown,
  field = 'scholarshipYear',
): Result<ScholarshipYear> {
  const match = typeof value === 'string' ? PATTERN.exec(value) : null;
  if (match === null || Number(match[2]) !== Number(match[1]) + 1) {
    return err(ruleError('INVALID_SCHOLARSHIP_YEAR', `${field} must look like 2025/2026`, field));
  }
  return ok(value as ScholarshipYear);
}

function label(firstYear: number): ScholarshipYear {
  return `${firstYear}/${firstYear + 1}` as ScholarshipYear;
}

function firstYearOf(year: ScholarshipYear): number {
  return Number(year.slice(0, 4));
}

export function scholarshipYearOf(date: IsoDate): ScholarshipYear {
  const { year, month } = partsOf(date);
  return label(month >= SCHOLARSHIP_YEAR_FIRST_MONTH ? year : year - 1);
}

export function scholarshipYearStart(year: ScholarshipYear): IsoDate {
  return fromParts(firstYearOf(year), SCHOLARSHIP_YEAR_FIRST_MONTH, 1);
}

export function nextScholarshipYear(year: ScholarshipYear): ScholarshipYear {
  return label(firstYearOf(year) + 1);
}
