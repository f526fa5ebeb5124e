import { parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { parseYearMonth, type YearMonth } from '../calendar/year-month';
import { parseBasisPoints, type BasisPoints } from '../money/percentage';
import { parseRupiah, type Rupiah } from '../money/rupiah';
import { oneOf } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError, type RuleErrorCode } from '../shared/rule-error';
import type { ComponentInputs, ComponentInputValue } from './explanation';

/**
 * Decoders turn the stored `inputs` of a component back into typed values, validating them as
 * strictly as the calculators validate callers: a tampered or corrupted explanation fails.
 */
export type Decoder<T> = (raw: ComponentInputValue | undefined, field: string) => Result<T>;

export const rupiahInput: Decoder<Rupiah> = (raw, field) => parseRupiah(raw, field);

export const countInput: Decoder<number> = (raw, field) =>
  typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
    ? ok(raw)
    : err(ruleError('INVALID_COUNT', `${field} must be a whole number, 0 or more`, field));

export const booleanInput: Decoder<boolean> = (raw, field) =>
  typeof raw === 'boolean'
    ? ok(raw)
    : err(ruleError('INVALID_COMPONENT_INPUT', `${field} must be true or false`, field));
export const basisPointsInput: Decoder<BasisPoints> = (raw, field) => parseBasisPoints(raw, field);

export const dateInput: Decoder<IsoDate> = (raw, field) => parseIsoDate(raw, field);

export const yearMonthInput: Decoder<YearMonth> = (raw, field) => parseYearMonth(raw, field);

export function oneOfInput<T extends string | number>(
  values: readonly T[],
  code?: RuleErrorCode,
): Decoder<T> {
  return (raw, field) => oneOf(values, raw, field, code);
}

export function nullableInput<T>(decode: Decoder<T>): Decoder<T | null> {
  return (raw, field) => (raw === null ? ok(null) : decode(raw, field));
}

export function arrayInput<T>(decode: Decoder<T>): Decoder<readonly T[]> {
  return (raw, field) => {
    if (!Array.isArray(raw))
      return err(ruleError('INVALID_COMPONENT_INPUT', `${field} must be a list`, field));
    const items: T[] = [];
    for (const [index, item] of (raw as readonly ComponentInputValue[]).entries()) {
      const decoded = decode(item, `${field}[${index}]`);
      if (!decoded.ok) return decoded;
      items.push(decoded.value);
    }
    return ok(items);
  };
}

type Shape = { readonly [key: string]: Decoder<unknown> };
type Decoded<S extends Shape> = {
  readonly [K in keyof S]: S[K] extends Decoder<infer T> ? T : never;
};

function isRecord(raw: ComponentInputValue | undefined): raw is ComponentInputs {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** A record with exactly these fields: missing or unexpected fields are errors. */
export function recordInput<S extends Shape>(shape: S): Decoder<Decoded<S>> {
  return (raw, field) => {
    if (!isRecord(raw))
      return err(ruleError('INVALID_COMPONENT_INPUT', `${field} must be a record`, field));
    const unexpected = Object.keys(raw).find((key) => !(key in shape));
    if (unexpected !== undefined) {
      return err(
        ruleError(
          'INVALID_COMPONENT_INPUT',
          `${field}.${unexpected} is not an input of this rule`,
          field,
        ),
      );
    }
    const decoded: Record<string, unknown> = {};
    for (const [key, decode] of Object.entries(shape)) {
      const value = decode(raw[key], `${field}.${key}`);
      if (!value.ok) return value;
      decoded[key] = value.value;
    }
    return ok(decoded as Decoded<S>);
  };
}
