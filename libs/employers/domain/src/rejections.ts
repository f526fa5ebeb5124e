import type { IdentifierRejection } from './identifiers';

/** Every reason the employers deciders refuse a command for. */
export type EmployersRejectionCode =
  | IdentifierRejection
  | 'EMPLOYER_NAME_BLANK'
  | 'EMPLOYER_REGENCY_UNKNOWN'
  | 'EMPLOYER_ALREADY_REGISTERED'
  | 'EMPLOYER_NOT_REGISTERED'
  | 'BUSINESS_SCALE_UNKNOWN'
  | 'RISK_CLASS_INVALID'
  | 'RISK_CLASS_BASIS_BLANK'
  | 'RISK_CLASS_DATE_INVALID'
  | 'BRANCH_NAME_BLANK'
  | 'BRANCH_REGENCY_UNKNOWN'
  | 'BRANCH_NPP_FORMAT'
  | 'BRANCH_DATE_INVALID'
  | 'BRANCH_ALREADY_OPENED'
  | 'BRANCH_UNKNOWN'
  | 'WORKER_NAME_BLANK'
  | 'WORKER_START_DATE_INVALID'
  | 'WORKER_DECEASED'
  | 'WORKER_ALREADY_REGISTERED'
  | 'WORKER_NOT_REGISTERED'
  | 'WORKER_LEFT'
  | 'WAGE_BASIS_UNKNOWN'
  | 'WAGE_NOT_INTEGER_RUPIAH'
  | 'WAGE_BELOW_MINIMUM'
  | 'WAGE_DATE_INVALID'
  | 'LEAVING_DATE_INVALID'
  | 'LEAVING_REASON_UNKNOWN';

/**
 * The request field each code concerns, as a JSON pointer into the request body (the NPP is
 * the path's `npp`); null when the state, not one field, is at fault. HTTP problem details
 * read it, and a later bulk wage upload will too.
 */
export const EMPLOYERS_REJECTION_FIELDS: Readonly<Record<EmployersRejectionCode, string | null>> = {
  NPP_FORMAT: '/npp',
  NPWP_FORMAT: '/npwp',
  NIB_FORMAT: '/nib',
  KBLI_FORMAT: '/kbli',
  EMPLOYER_NAME_BLANK: '/name',
  EMPLOYER_REGENCY_UNKNOWN: '/address/regencyCode',
  EMPLOYER_ALREADY_REGISTERED: '/npp',
  EMPLOYER_NOT_REGISTERED: '/npp',
  BUSINESS_SCALE_UNKNOWN: '/businessScale',
  RISK_CLASS_INVALID: '/riskClass',
  RISK_CLASS_BASIS_BLANK: '/riskClassBasis',
  // `riskClassEffectiveFrom` at registration, `effectiveFrom` in a change: no one name.
  RISK_CLASS_DATE_INVALID: null,
  BRANCH_NAME_BLANK: '/name',
  BRANCH_REGENCY_UNKNOWN: '/regencyCode',
  BRANCH_NPP_FORMAT: '/branchNpp',
  BRANCH_DATE_INVALID: '/openedOn',
  BRANCH_ALREADY_OPENED: '/branchId',
  BRANCH_UNKNOWN: '/branchId',
  WORKER_NAME_BLANK: '/fullName',
  WORKER_START_DATE_INVALID: '/startedOn',
  WORKER_DECEASED: '/startedOn',
  WORKER_ALREADY_REGISTERED: null,
  WORKER_NOT_REGISTERED: null,
  WORKER_LEFT: null,
  WAGE_BASIS_UNKNOWN: '/wage/basis',
  WAGE_NOT_INTEGER_RUPIAH: '/wage/amount',
  WAGE_BELOW_MINIMUM: '/wage/amount',
  WAGE_DATE_INVALID: '/effectiveFrom',
  LEAVING_DATE_INVALID: '/leftOn',
  LEAVING_REASON_UNKNOWN: '/reason',
};
