import type { ValidationError } from 'class-validator';

/** One failed class-validator constraint, for problem details and dead-letter headers alike. */
export interface FieldError {
  /**
   * Where the failed field is: a JSON pointer (RFC 6901) in HTTP problem details, e.g.
   * `/heirs/0/nik` — the same form as the `field` of a 422 (RejectionAnswers.fields); a dotted
   * path in dead letters, e.g. `heirs.0.nik`, as the contracts' schema errors name it.
   */
  readonly field: string;
  /** The constraint that failed, e.g. `isNotEmpty`, `whitelistValidation`. */
  readonly constraint: string;
  readonly message: string;
}

/** How a field's path is written: see FieldError.field. */
export type FieldPathForm = 'json-pointer' | 'dotted';

/** One entry per failed constraint, nested errors flattened to paths of the given form. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  form: FieldPathForm = 'dotted',
): FieldError[] {
  const write = (path: readonly string[]): string =>
    form === 'json-pointer'
      ? path.map((token) => `/${pointerToken(token)}`).join('')
      : path.join('.');
  const flatten = (level: readonly ValidationError[], parent: readonly string[]): FieldError[] =>
    level.flatMap((error) => {
      const path = [...parent, error.property];
      const field = write(path);
      const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
        field,
        constraint,
        message,
      }));
      return [...own, ...flatten(error.children ?? [], path)];
    });
  return flatten(errors, []);
}

/** A property name as one reference token of a JSON pointer (RFC 6901 §3). */
export function pointerToken(property: string): string {
  return property.replace(/~/g, '~0').replace(/\//g, '~1');
}
