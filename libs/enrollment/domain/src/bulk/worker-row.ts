import type { Sex } from '@santunan/contracts';

/**
 * One row of a sponsor's bulk-enrollment CSV, checked field by field before any command is
 * built. Every problem names the row, the field and the reason, so an operator can fix the
 * file; the decider still runs its own checks (NIK against birth date, income floor) after.
 */
export const WORKER_CSV_COLUMNS = [
  'nik',
  'full_name',
  'birth_date',
  'sex',
  'address',
  'regency_code',
  'phone',
  'occupation',
  'declared_income',
] as const;

export type WorkerCsvColumn = (typeof WORKER_CSV_COLUMNS)[number];

export interface WorkerRow {
  readonly rowNumber: number;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly addressLine: string;
  readonly regencyCode: string;
  readonly phone: string;
  readonly occupation: string;
  readonly declaredIncome: number;
}

export interface RowProblem {
  readonly rowNumber: number;
  readonly field: WorkerCsvColumn | 'row';
  readonly code: string;
  readonly reason: string;
  /** E.g. the participant a conflicting row is already registered as. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type RowCheck =
  | { readonly ok: true; readonly row: WorkerRow }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** Longest value a field may hold; anything longer is a broken or hostile file. */
export const MAX_FIELD_LENGTH: Readonly<Record<WorkerCsvColumn, number>> = {
  nik: 16,
  full_name: 120,
  birth_date: 10,
  sex: 9,
  address: 250,
  regency_code: 4,
  phone: 20,
  occupation: 80,
  declared_income: 15,
};

/** Columns a file must have (by header name, any order); a file missing one is refused whole. */
export function missingColumns(header: readonly string[]): WorkerCsvColumn[] {
  const present = new Set(header.map((name) => name.trim().toLowerCase()));
  return WORKER_CSV_COLUMNS.filter((column) => !present.has(column));
}

const SEX_VALUES: Readonly<Record<string, Sex>> = {
  l: 'male',
  'laki-laki': 'male',
  male: 'male',
  m: 'male',
  p: 'female',
  perempuan: 'female',
  female: 'female',
  f: 'female',
};

export function checkWorkerRow(
  rowNumber: number,
  record: Readonly<Record<string, string | undefined>>,
): RowCheck {
  const problems: RowProblem[] = [];
  const field = (column: WorkerCsvColumn): string => {
    const value = (record[column] ?? '').trim();
    if (value.length > MAX_FIELD_LENGTH[column]) {
      problems.push({
        rowNumber,
        field: column,
        code: 'FIELD_TOO_LONG',
        reason: `longer than ${MAX_FIELD_LENGTH[column]} characters`,
      });
      return '';
    }
    // U+FFFD is what a decoder leaves for bytes that were not UTF-8.
    if (value.includes('\uFFFD')) {
      problems.push({
        rowNumber,
        field: column,
        code: 'FIELD_ENCODING',
        reason: 'not valid UTF-8 text',
      });
      return '';
    }
    return value;
  };
  const required = (column: WorkerCsvColumn): string => {
    const value = field(column);
    if (value === '' && !problems.some((p) => p.field === column)) {
      problems.push({ rowNumber, field: column, code: 'FIELD_REQUIRED', reason: 'is empty' });
    }
    return value;
  };

  const nik = required('nik');
  if (nik && !/^\d{16}$/.test(nik))
    problems.push({ rowNumber, field: 'nik', code: 'NIK_FORMAT', reason: 'must be 16 digits' });
  const fullName = required('full_name');
  const birthDate = required('birth_date');
  if (birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    problems.push({
      rowNumber,
      field: 'birth_date',
      code: 'DATE_INVALID',
      reason: 'must be YYYY-MM-DD',
    });
  }
  const sexText = required('sex');
  const sex = SEX_VALUES[sexText.toLowerCase()];
  if (sexText && !sex)
    problems.push({
      rowNumber,
      field: 'sex',
      code: 'SEX_INVALID',
      reason: 'must be L/P (or male/female)',
    });
  const addressLine = required('address');
  const regencyCode = required('regency_code');
  if (regencyCode && !/^\d{4}$/.test(regencyCode)) {
    problems.push({
      rowNumber,
      field: 'regency_code',
      code: 'REGENCY_FORMAT',
      reason: 'must be a 4-digit kabupaten/kota code',
    });
  }
  const phone = required('phone');
  if (phone && !/^\+?\d{8,15}$/.test(phone)) {
    problems.push({
      rowNumber,
      field: 'phone',
      code: 'PHONE_FORMAT',
      reason: 'must be 8–15 digits, optionally with a leading +',
    });
  }
  const occupation = required('occupation');
  const incomeText = required('declared_income');
  // Whole rupiah only; thousands separators are a common spreadsheet habit, so accept "1.000.000" and "1,000,000".
  const incomeDigits = incomeText.replace(/[.,](?=\d{3}(?:\D|$))/g, '');
  const declaredIncome = /^\d+$/.test(incomeDigits) ? Number(incomeDigits) : Number.NaN;
  if (incomeText && !Number.isSafeInteger(declaredIncome)) {
    problems.push({
      rowNumber,
      field: 'declared_income',
      code: 'INCOME_NOT_INTEGER_RUPIAH',
      reason: 'must be a whole number of rupiah',
    });
  }

  if (problems.length > 0 || !sex) return { ok: false, problems };
  return {
    ok: true,
    row: {
      rowNumber,
      nik,
      fullName,
      birthDate,
      sex,
      addressLine,
      regencyCode,
      phone,
      occupation,
      declaredIncome,
    },
  };
}
