import { formatRupiah } from '../i18n/format';
import { hasMessage, type Translate } from '../i18n/messages';
import type { ServiceProblem } from '../services/service-client';
import type { FormState } from '../web/form-state';
import { formErrorsOf, problemMessage, type CodeFields } from '../web/problem-messages';

/** The parameters a program page's own message for a code needs, from the problem's members. */
function paramsOf(problem: ServiceProblem): Record<string, string> {
  const outstanding = problem.extensions['outstanding'];
  const missing = problem.extensions['missingColumns'];
  return {
    service: problem.service,
    outstanding: typeof outstanding === 'number' ? formatRupiah(outstanding) : '—',
    columns: Array.isArray(missing) ? missing.map(String).join(', ') : '—',
  };
}

/** The program pages' own words for a service's code, when they have some. */
function ownMessage(t: Translate, problem: ServiceProblem): string | null {
  const key = `programs.problem.${problem.code}`;
  return hasMessage(key) ? t(key, paramsOf(problem)) : null;
}

/** A refusal that is no one field's, in the user's language. */
export function programsProblemMessage(t: Translate, problem: ServiceProblem): string {
  return ownMessage(t, problem) ?? problemMessage(t, problem);
}

/**
 * Problem details → a form's field errors: constraint failures next to their fields (the
 * console's shared reading), a service's rule break next to the field the page names for its
 * code, in these pages' words.
 */
export function programsFormErrors(
  t: Translate,
  problem: ServiceProblem,
  options: {
    codeFields?: CodeFields;
    fieldNames?: Readonly<Record<string, string>>;
    values?: Readonly<Record<string, string>>;
  } = {},
): Pick<FormState, 'fieldErrors' | 'formError'> {
  const own = ownMessage(t, problem);
  if (own === null || problem.errors.length > 0) return formErrorsOf(t, problem, options);
  const field = options.codeFields?.[problem.code];
  return field === undefined
    ? { fieldErrors: {}, formError: own }
    : { fieldErrors: { [field]: [own] }, formError: null };
}

/**
 * A refused row's reason in the user's words: the CSV's own codes from these pages, the
 * enrollment rules' codes as the enrollment officer's pages word them, else the service's.
 */
export function rowProblemReason(t: Translate, code: string, serviceReason: string): string {
  for (const key of [`programs.rowProblem.${code}`, `enrollment.problem.${code}`]) {
    if (hasMessage(key)) return t(key);
  }
  return serviceReason;
}
