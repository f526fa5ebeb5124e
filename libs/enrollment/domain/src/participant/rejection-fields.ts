import type { EnrollmentRejectionCode } from './participant.decide';

/**
 * The request field a rejection concerns, as a JSON pointer (RFC 6901) into the participant's
 * registration (the HTTP bodies use the same names: `/declaredIncome` also in a change of
 * income, `/address/regencyCode` also in a correction). Null when no one field is at fault:
 * the participant's state, or a field named differently by different requests.
 */
export type ParticipantField =
  | '/nik'
  | '/fullName'
  | '/birthDate'
  | '/address/regencyCode'
  | '/declaredIncome'
  | '/heirs'
  | '/dateOfDeath'
  | '/deathCertificateReference';

/** The one mapping of codes to fields: HTTP problem details and bulk rows both read it. */
export const ENROLLMENT_REJECTION_FIELDS: Readonly<
  Record<EnrollmentRejectionCode, ParticipantField | null>
> = {
  NIK_FORMAT: '/nik',
  NIK_PROVINCE_UNKNOWN: '/nik',
  NIK_REGENCY_UNKNOWN: '/nik',
  NIK_DISTRICT_INVALID: '/nik',
  NIK_DISTRICT_UNKNOWN: '/nik',
  NIK_DATE_INVALID: '/nik',
  // The NIK is where the operator looks first; the birth date or sex may be the wrong one.
  NIK_BIRTH_DATE_MISMATCH: '/nik',
  NIK_SEX_MISMATCH: '/nik',
  NIK_SERIAL_INVALID: '/nik',
  NAME_BLANK: '/fullName',
  DATE_INVALID: '/birthDate',
  BIRTH_DATE_IN_FUTURE: '/birthDate',
  ADDRESS_REGENCY_UNKNOWN: '/address/regencyCode',
  INCOME_NOT_INTEGER_RUPIAH: '/declaredIncome',
  INCOME_BELOW_FLOOR: '/declaredIncome',
  INCOME_ABOVE_CEILING: '/declaredIncome',
  // `incomeEffectiveFrom` at registration, `effectiveFrom` in a change: no one name.
  INCOME_EFFECTIVE_MONTH_INVALID: null,
  PARTICIPANT_ALREADY_REGISTERED: null,
  PARTICIPANT_NOT_REGISTERED: null,
  PARTICIPANT_DECEASED: null,
  CORRECTION_EMPTY: null,
  HEIR_INVALID: '/heirs',
  CHILD_LIMIT_REACHED: null,
  CHILD_INVALID: null,
  DEATH_DATE_INVALID: '/dateOfDeath',
  DEATH_DATE_IN_FUTURE: '/dateOfDeath',
  DEATH_DATE_BEFORE_BIRTH: '/dateOfDeath',
  // The death is recorded on another date: the date is what differs.
  DEATH_DATE_CONFLICT: '/dateOfDeath',
  DEATH_CERTIFICATE_MISSING: '/deathCertificateReference',
};
