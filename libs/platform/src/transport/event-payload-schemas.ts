import type { FieldError } from '../http/field-errors';

/**
 * The published JSON Schemas of event payloads, per type and schema version (libs/contracts
 * provides them). `undefined` means the type is not a published event, so there is nothing to
 * check it against (a foreign format is checked by its own decoder).
 */
export interface EventPayloadSchemas {
  validate(
    type: string,
    schemaVersion: number,
    data: unknown,
  ):
    | { readonly ok: true }
    | { readonly ok: false; readonly errors: readonly FieldError[] }
    | undefined;
  /** The published versions of a type, ascending; empty when no context publishes it. */
  versionsOf?(type: string): readonly number[];
}
