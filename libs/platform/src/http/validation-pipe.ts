import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, type FieldError } from './field-errors';
import { ProblemException } from './problem.exception';

/**
 * The global ValidationPipe every service uses: unknown properties are refused rather than
 * silently dropped (a typo in a field name must not pass as "not given"), and payloads are
 * transformed into their DTO classes.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // Field values can be personal data (NIK, names): never echo them back in errors.
    validationError: { target: false, value: false },
    // Fields as JSON pointers, the form a 422's `field` takes too.
    exceptionFactory: (errors) =>
      validationProblem(flattenValidationErrors(errors, 'json-pointer')),
  });
}

export function validationProblem(errors: readonly FieldError[]): ProblemException {
  const fields = [...new Set(errors.map((error) => error.field))];
  return new ProblemException(
    400,
    'VALIDATION_FAILED',
    'The request is not valid',
    `Invalid field(s): ${fields.join(', ')}`,
    { errors },
  );
}
