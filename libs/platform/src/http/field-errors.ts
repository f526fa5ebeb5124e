import type { ValidationError } from 'class-validator';

/** One failed class-validator constraint, for problem details and dead-letter headers alike. */
export interface FieldError {
  /**
   * JSON pointer (RFC 6901) into the validated object, e.g. `/heirs/0/nik`: the same form as
   * the `field` of a 422 (RejectionAnswers.fields).
   */
  readonly field: string;
  /** The constraint that failed, e.g. `isNotEmpty`, `whitelistValidation`. */
  readonly constraint: string;
  readonly message: string;
}

/** One entry per failed constraint, nested errors flattened to JSON pointers. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): FieldError[] {
  return errors.flatMap((error) => {
    const field = `${parent}/${pointerToken(error.property)}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** A property name as one reference token of a JSON pointer (RFC 6901 §3). */
export function pointerToken(property: string): string {
  return property.replace(/~/g, '~0').replace(/\//g, '~1');
}
