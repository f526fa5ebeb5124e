// Payload DTOs use class-transformer's @Type, which reads design-time metadata.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, type FieldError } from '../http/field-errors';

export type PayloadValidation<Dto> =
  | { readonly ok: true; readonly value: Dto }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks an event payload against the consumer's DTO. Unknown members are stripped, not
 * refused: a producer may add fields in a compatible version (tolerant reader).
 */
export async function validatePayload<Dto extends object>(
  dto: new () => Dto,
  data: Readonly<Record<string, unknown>>,
): Promise<PayloadValidation<Dto>> {
  const instance = plainToInstance(dto, data);
  const errors = await validate(instance, {
    whitelist: true,
    // plainToInstance always yields a DTO instance; this check would only refuse DTOs without
    // decorators, which are legitimate for events whose payload the consumer does not read.
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  return errors.length === 0
    ? { ok: true, value: instance }
    : { ok: false, errors: flattenValidationErrors(errors) };
}
