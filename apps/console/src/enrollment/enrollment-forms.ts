import { hasMessage, type Translate } from '../i18n/messages';
import type { ServiceProblem } from '../services/service-client';
import type { FormState } from '../web/form-state';
import { formErrorsOf, type CodeFields } from '../web/problem-messages';

// What the enrollment officer's forms send: the form's fields carry the service's own dotted
// names (`address.line`, `heirs.0.bankAccount.accountNumber`), so a refusal comes back to the
// field it names. Nothing here decides what is valid: a field is sent as typed (trimmed), and
// the service says what it refuses.

type Values = Readonly<Record<string, string>>;

/** How many heir rows the heirs form offers: those designated, and two more for new ones. */
export const EXTRA_HEIR_ROWS = 2;
export const MIN_HEIR_ROWS = 3;
/** The service accepts at most 20 heirs in one designation. */
export const MAX_HEIR_ROWS = 20;

export function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * A whole rupiah amount as typed: `1500000`, `1.500.000` or `1 500 000` (Indonesian grouping)
 * become a number; anything else is sent as text, so the service names what is wrong with it.
 */
export function rupiahInput(value: string | undefined): number | string | undefined {
  const text = optional(value);
  if (text === undefined) return undefined;
  const digits = text.replace(/^Rp\s*/i, '');
  if (/^\d{1,3}([.\s]\d{3})+$/.test(digits)) return Number(digits.replace(/[.\s]/g, ''));
  return /^\d+$/.test(digits) ? Number(digits) : text;
}

export function registrationBody(values: Values): Record<string, unknown> {
  const program = optional(values['sponsorProgramId']);
  return {
    nik: (values['nik'] ?? '').trim(),
    fullName: values['fullName'] ?? '',
    birthDate: (values['birthDate'] ?? '').trim(),
    sex: values['sex'] ?? '',
    address: {
      line: values['address.line'] ?? '',
      regencyCode: (values['address.regencyCode'] ?? '').trim(),
    },
    phone: (values['phone'] ?? '').trim(),
    occupation: values['occupation'] ?? '',
    declaredIncome: rupiahInput(values['declaredIncome']) ?? '',
    incomeEffectiveFrom: (values['incomeEffectiveFrom'] ?? '').trim(),
    ...(program === undefined ? {} : { sponsorProgramId: program }),
  };
}

export function incomeChangeBody(values: Values): Record<string, unknown> {
  return {
    declaredIncome: rupiahInput(values['declaredIncome']) ?? '',
    effectiveFrom: (values['effectiveFrom'] ?? '').trim(),
  };
}

/** A reported death: the date and the akta kematian number, trimmed; blanks go as sent. */
export function deathBody(values: Values): Record<string, unknown> {
  return {
    dateOfDeath: (values['dateOfDeath'] ?? '').trim(),
    deathCertificateReference: (values['deathCertificateReference'] ?? '').trim(),
  };
}

/** Only what was filled in is corrected; the address goes whole (line and regency together). */
export function correctionBody(values: Values): Record<string, unknown> {
  const fullName = optional(values['fullName']);
  const line = optional(values['address.line']);
  const regencyCode = optional(values['address.regencyCode']);
  const phone = optional(values['phone']);
  const occupation = optional(values['occupation']);
  return {
    ...(fullName === undefined ? {} : { fullName }),
    ...(line === undefined && regencyCode === undefined
      ? {}
      : { address: { line: line ?? '', regencyCode: regencyCode ?? '' } }),
    ...(phone === undefined ? {} : { phone }),
    ...(occupation === undefined ? {} : { occupation }),
    reason: values['reason'] ?? '',
  };
}

const HEIR_FIELDS = [
  'fullName',
  'relationship',
  'birthDate',
  'bankAccount.bankCode',
  'bankAccount.accountNumber',
  'bankAccount.accountName',
] as const;

/**
 * The heir rows filled in, as the service's list (it replaces the designation). A row left
 * blank is no heir; the rows keep their numbers so that an error on `heirs.2.fullName` is shown
 * in row 2, so blank rows are only dropped after the last filled one — a blank row between two
 * filled ones is sent, and refused next to its fields.
 */
export function heirsBody(values: Values, rows: number): { heirs: Record<string, unknown>[] } {
  const filled = (row: number) =>
    HEIR_FIELDS.some((field) => optional(values[`heirs.${row}.${field}`]) !== undefined);
  let last = -1;
  for (let row = 0; row < rows; row += 1) if (filled(row)) last = row;
  const heirs: Record<string, unknown>[] = [];
  for (let row = 0; row <= last; row += 1) {
    const value = (field: string) => optional(values[`heirs.${row}.${field}`]);
    const heirId = value('heirId');
    const birthDate = value('birthDate');
    const account = {
      bankCode: value('bankAccount.bankCode'),
      accountNumber: value('bankAccount.accountNumber'),
      accountName: value('bankAccount.accountName'),
    };
    const hasAccount = Object.values(account).some((part) => part !== undefined);
    heirs.push({
      ...(heirId === undefined ? {} : { heirId }),
      fullName: values[`heirs.${row}.fullName`] ?? '',
      relationship: value('relationship') ?? '',
      ...(birthDate === undefined ? {} : { birthDate }),
      ...(hasAccount
        ? {
            bankAccount: {
              bankCode: account.bankCode ?? '',
              accountNumber: account.accountNumber ?? '',
              accountName: account.accountName ?? '',
            },
          }
        : {}),
    });
  }
  return { heirs };
}

/** How many rows a kept heirs form had (its highest row number + 1). */
export function heirRowsOf(values: Values): number {
  let rows = 0;
  for (const name of Object.keys(values)) {
    const match = /^heirs\.(\d+)\./.exec(name);
    if (match !== null) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return rows;
}

export function childBody(values: Values): Record<string, unknown> {
  const childId = optional(values['childId']);
  return {
    ...(childId === undefined ? {} : { childId }),
    fullName: values['fullName'] ?? '',
    birthDate: (values['birthDate'] ?? '').trim(),
    relationship: values['relationship'] ?? '',
  };
}

/**
 * A service's refusal as the form shows it: the enrollment rules' codes in the officer's
 * language, beside the field the service (or the form, for codes the service places on no
 * field) names; class-validator failures beside their fields; the rest for the whole form.
 */
export function enrollmentFormErrors(
  t: Translate,
  problem: ServiceProblem,
  values: Values,
  codeFields: CodeFields = {},
): Pick<FormState, 'fieldErrors' | 'formError'> {
  const key = `enrollment.problem.${problem.code}`;
  if (!hasMessage(key)) return formErrorsOf(t, problem, { codeFields, values });
  const message = t(key);
  const field =
    codeFields[problem.code] ??
    (problem.field !== undefined && problem.field in values ? problem.field : undefined);
  return field === undefined
    ? { fieldErrors: {}, formError: message }
    : { fieldErrors: { [field]: [message] }, formError: null };
}
