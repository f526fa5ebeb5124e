import type { FieldError } from '../http/field-errors';

/**
 * A payload its handler's contract refuses (the `@Payload()` pipe): no retry can change it, so
 * the consumer dead-letters it at once as PAYLOAD_INVALID.
 */
export class PayloadRejectedError extends Error {
  override readonly name = 'PayloadRejectedError';

  constructor(readonly errors: readonly FieldError[]) {
    super(
      `payload invalid: ${errors.map((error) => `${error.field} (${error.constraint}): ${error.message}`).join('; ')}`,
    );
  }
}
