import type { ValidationError } from 'class-validator';

/** One failed class-validator constraint, for problem details and dead-letter headers alike. */
export interface FieldError {
  /** Dotted path into the validated object, e.g. `heirs.0.nik`. */
  readonly field: string;
  /** The constraint that failed, e.g. `isNotEmpty`, `whitelistValidation`. */
  readonly constraint: string;
  readonly message: string;
}

/** One entry per failed constraint, nested errors flattened to dotted paths. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
