import type { IsoMonth } from '@santunan/contracts';
import type { Rejection } from '@santunan/domain-kernel';
import type { EnrolSponsoredWorker } from '../participant/participant.commands';
import type { EnrollmentRejectionCode } from '../participant/participant.decide';
import {
  ENROLLMENT_REJECTION_FIELDS,
  type ParticipantField,
} from '../participant/rejection-fields';
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

/** Where a request field lives in the CSV; `row` when it has no column of its own. */
const COLUMN_OF_FIELD: Readonly<Record<ParticipantField, WorkerCsvColumn | 'row'>> = {
  '/nik': 'nik',
  '/fullName': 'full_name',
  '/birthDate': 'birth_date',
  '/address/regencyCode': 'regency_code',
  '/declaredIncome': 'declared_income',
  '/heirs': 'row',
  // A bulk file records no deaths; these never reach a row.
  '/dateOfDeath': 'row',
  '/deathCertificateReference': 'row',
};

/** The column a rejection points the operator to; `row` when no single column is at fault. */
function columnOfRejection(code: EnrollmentRejectionCode): WorkerCsvColumn | 'row' {
  const field = ENROLLMENT_REJECTION_FIELDS[code];
  return field === null ? 'row' : COLUMN_OF_FIELD[field];
}

/** A domain rejection of a bulk row, as the operator sees it: row, column, reason. */
export function rowProblemOf(
  rowNumber: number,
  rejection: Rejection<EnrollmentRejectionCode>,
): RowProblem {
  return {
    rowNumber,
    field: columnOfRejection(rejection.code),
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
