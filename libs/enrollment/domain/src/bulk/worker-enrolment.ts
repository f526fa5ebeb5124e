import type { IsoMonth } from '@santunan/contracts';
import type { Rejection } from '@santunan/domain-kernel';
import type { EnrolSponsoredWorker } from '../participant/participant.commands';
import type { EnrollmentRejectionCode } from '../participant/participant.decide';
import type { RowProblem, WorkerCsvColumn, WorkerRow } from './worker-row';

/** What a bulk job knows beyond the row: who the worker becomes and who pays. */
export interface WorkerEnrolmentTerms {
  readonly participantId: string;
  readonly programId: string;
  /** The month the declared income applies from: one for the whole file. */
  readonly incomeEffectiveFrom: IsoMonth;
}

export function enrolmentOf(row: WorkerRow, terms: WorkerEnrolmentTerms): EnrolSponsoredWorker {
  return {
    type: 'EnrolSponsoredWorker',
    participantId: terms.participantId,
    programId: terms.programId,
    nik: row.nik,
    fullName: row.fullName,
    birthDate: row.birthDate,
    sex: row.sex,
    address: { line: row.addressLine, regencyCode: row.regencyCode },
    phone: row.phone,
    occupation: row.occupation,
    declaredIncome: row.declaredIncome,
    incomeEffectiveFrom: terms.incomeEffectiveFrom,
  };
}

/** The column a rejection points the operator to; `row` when no single column is at fault. */
const FIELD_OF_REJECTION: Readonly<Record<EnrollmentRejectionCode, WorkerCsvColumn | 'row'>> = {
  NIK_FORMAT: 'nik',
  NIK_PROVINCE_UNKNOWN: 'nik',
  NIK_REGENCY_UNKNOWN: 'nik',
  NIK_DISTRICT_INVALID: 'nik',
  NIK_DATE_INVALID: 'nik',
  NIK_BIRTH_DATE_MISMATCH: 'nik',
  NIK_SEX_MISMATCH: 'nik',
  NIK_SERIAL_INVALID: 'nik',
  DATE_INVALID: 'birth_date',
  BIRTH_DATE_IN_FUTURE: 'birth_date',
  ADDRESS_REGENCY_UNKNOWN: 'regency_code',
  INCOME_NOT_INTEGER_RUPIAH: 'declared_income',
  INCOME_BELOW_FLOOR: 'declared_income',
  // The effective month comes with the upload, not from a column.
  INCOME_EFFECTIVE_MONTH_INVALID: 'row',
  PARTICIPANT_ALREADY_REGISTERED: 'row',
  PARTICIPANT_NOT_REGISTERED: 'row',
  PARTICIPANT_DECEASED: 'row',
  CORRECTION_EMPTY: 'row',
  HEIR_INVALID: 'row',
  CHILD_LIMIT_REACHED: 'row',
  CHILD_INVALID: 'row',
  DEATH_DATE_INVALID: 'row',
};

/** A domain rejection of a bulk row, as the operator sees it: row, column, reason. */
export function rowProblemOf(
  rowNumber: number,
  rejection: Rejection<EnrollmentRejectionCode>,
): RowProblem {
  return {
    rowNumber,
    field: FIELD_OF_REJECTION[rejection.code],
    code: rejection.code,
    reason: rejection.message,
    ...(rejection.details ? { details: rejection.details } : {}),
  };
}

/** A NIK seen earlier in the same file: only its first row is enrolled. */
export function duplicateNikProblem(rowNumber: number, firstRowNumber: number): RowProblem {
  return {
    rowNumber,
    field: 'nik',
    code: 'DUPLICATE_NIK_IN_FILE',
    reason: `the same NIK is on row ${firstRowNumber} of this file`,
    details: { firstRowNumber },
  };
}

/** A record with more or fewer fields than the header: its values cannot be trusted to their columns. */
export function columnCountProblem(rowNumber: number, found: number, expected: number): RowProblem {
  return {
    rowNumber,
    field: 'row',
    code: 'ROW_COLUMN_COUNT',
    reason: `has ${found} field(s) where the header has ${expected}`,
  };
}
