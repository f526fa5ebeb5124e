import { hasMessage, type Translate } from '../i18n/messages';
import type { ServiceProblem } from '../services/service-client';
import type { FormState } from './form-state';

/**
 * class-validator constraints we have words for; any other reads "not accepted" in the user's
 * language (the service's own message is English and names its DTO's properties).
 */
const CONSTRAINT_MESSAGES: Readonly<Record<string, `constraint.${string}`>> = {
  isNotEmpty: 'constraint.isNotEmpty',
  isNotBlank: 'constraint.isNotEmpty',
  isDefined: 'constraint.isNotEmpty',
  arrayNotEmpty: 'constraint.isNotEmpty',
  matches: 'constraint.matches',
  isDateString: 'constraint.matches',
  isIso8601: 'constraint.matches',
  isEnum: 'constraint.isIn',
  isIn: 'constraint.isIn',
  isUuid: 'constraint.isUuid',
  isInt: 'constraint.isInt',
  isNumber: 'constraint.isInt',
  min: 'constraint.min',
  max: 'constraint.max',
  maxLength: 'constraint.maxLength',
  isBoolean: 'constraint.isIn',
  whitelistValidation: 'constraint.unexpected',
};

/** A field left empty fails several constraints at once; "required" is the one that helps. */
const PRESENCE = new Set(['isNotEmpty', 'isNotBlank', 'isDefined', 'arrayNotEmpty']);

/**
 * Where a service's own rejection belongs on a form: the field it is about. Forms pass the
 * codes they can place (`{ DEATH_DATE_INVALID: 'dateOfDeath' }`); the rest is the form's.
 */
export type CodeFields = Readonly<Record<string, string>>;

function localized(t: Translate, problem: ServiceProblem): string {
  const key = `problem.${problem.code}`;
  const known = hasMessage(key) ? t(key) : null;
  if (known !== null) return known;
  if (problem.code === 'SERVICE_UNAVAILABLE') {
    return t('problem.unavailable', { service: problem.service });
  }
  if (problem.status === 403) return t('problem.forbidden', { detail: problem.detail });
  if (problem.status === 401) return t('problem.unauthenticated');
  return problem.detail === ''
    ? t('problem.generic', { code: problem.code })
    : t('problem.withDetail', { detail: problem.detail, code: problem.code });
}

/** The message a page shows for a problem that is no one field's. */
export function problemMessage(t: Translate, problem: ServiceProblem): string {
  return localized(t, problem);
}

/**
 * Problem details → each field's messages next to the field, and what belongs to no field as
 * the form's error. `fieldNames` maps a service's field path to the form's name when they
 * differ (most forms use the service's paths as names).
 */
export function formErrorsOf(
  t: Translate,
  problem: ServiceProblem,
  options: {
    codeFields?: CodeFields;
    fieldNames?: Readonly<Record<string, string>>;
    /** What the user sent, by form name: an empty field's error reads "required". */
    values?: Readonly<Record<string, string>>;
  } = {},
): Pick<FormState, 'fieldErrors' | 'formError'> {
  const fieldErrors: Record<string, string[]> = {};
  const nameOf = (field: string): string => options.fieldNames?.[field] ?? field;
  const add = (name: string, message: string): void => {
    const messages = (fieldErrors[name] ??= []);
    if (!messages.includes(message)) messages.push(message);
  };
  const constraints = new Map<string, string[]>();
  for (const error of problem.errors) {
    const name = nameOf(error.field);
    constraints.set(name, [...(constraints.get(name) ?? []), error.constraint]);
  }
  for (const [name, failed] of constraints) {
    const empty = options.values !== undefined && (options.values[name] ?? '').trim() === '';
    if (empty || failed.some((constraint) => PRESENCE.has(constraint))) {
      add(name, t('constraint.isNotEmpty'));
      continue;
    }
    for (const constraint of failed) {
      const key = CONSTRAINT_MESSAGES[constraint];
      add(name, t(key !== undefined && hasMessage(key) ? key : 'constraint.invalid'));
    }
  }
  // Where the page says the code belongs, else the field the service names when the form has it.
  const named = problem.field !== undefined ? nameOf(problem.field) : undefined;
  const placed =
    options.codeFields?.[problem.code] ??
    (named !== undefined && options.values !== undefined && named in options.values
      ? named
      : undefined);
  if (placed !== undefined) {
    add(nameOf(placed), localized(t, problem));
    return { fieldErrors, formError: null };
  }
  if (problem.errors.length > 0) {
    return { fieldErrors, formError: t('problem.VALIDATION_FAILED') };
  }
  return { fieldErrors, formError: localized(t, problem) };
}
