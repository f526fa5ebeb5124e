import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PAYOUTS_SCHEMA_VERSIONS, type PayoutsEventType } from './events';
import { PAYOUTS_EVENT_SCHEMAS, PAYOUTS_SHARED_SCHEMAS, SETTLEMENT_REPORT_SCHEMA } from './schemas';

export type SchemaCheck =
  | { readonly valid: true }
  | { readonly valid: false; readonly errors: readonly string[] };

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}

function isPayoutsEventType(type: string): type is PayoutsEventType {
  return Object.prototype.hasOwnProperty.call(PAYOUTS_SCHEMA_VERSIONS, type);
}

/**
 * Checks messages against the published schemas (ajv, draft-07, formats): a finance consumer
 * can use it to refuse what it does not understand, and the tests check every event with it.
 */
export class PayoutsSchemaValidator {
  private readonly events = new Map<PayoutsEventType, ValidateFunction>();
  private readonly settlement: ValidateFunction;

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    for (const schema of PAYOUTS_SHARED_SCHEMAS) ajv.addSchema(schema);
    for (const [type, schema] of Object.entries(PAYOUTS_EVENT_SCHEMAS)) {
      if (isPayoutsEventType(type)) this.events.set(type, ajv.compile(schema));
    }
    this.settlement = ajv.compile(SETTLEMENT_REPORT_SCHEMA);
  }

  /** A message of `payouts.events` (the parsed envelope), by its `type`. */
  checkEvent(message: unknown): SchemaCheck {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !isPayoutsEventType(type)) {
      return { valid: false, errors: [`unknown event type ${JSON.stringify(type)}`] };
    }
    const validate = this.events.get(type);
    if (validate === undefined) return { valid: false, errors: [`no schema for ${type}`] };
    return validate(message)
      ? { valid: true }
      : { valid: false, errors: describe(validate.errors) };
  }

  /** A message of `payouts.settlements`. */
  checkSettlementReport(message: unknown): SchemaCheck {
    return this.settlement(message)
      ? { valid: true }
      : { valid: false, errors: describe(this.settlement.errors) };
  }
}
