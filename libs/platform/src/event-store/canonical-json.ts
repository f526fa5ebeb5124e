/**
 * Canonical JSON for hashing: object keys sorted recursively, no whitespace. It is computed
 * over the parsed value, so it survives a round trip through jsonb, which reorders keys and
 * rewrites number formatting (`1e2` comes back as `100`; both parse to the same number).
 */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export class NotJsonError extends Error {
  override readonly name = 'NotJsonError';
}

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotJsonError(`${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const members = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as JsonValue)}`);
  return `{${members.join(',')}}`;
}

/**
 * The value exactly as it will be stored: what `JSON.stringify` keeps (no `undefined`
 * members, `toJSON` applied). Non-finite numbers and bigints are refused rather than
 * silently turned into null, since the stored event must say what the decider meant.
 */
export function toStoredJson(value: unknown): JsonValue {
  return toStoredJsonText(value).value;
}

/**
 * toStoredJson's value together with its JSON text, which is also what `JSON.stringify` gives
 * for that value (parsing and printing JSON text again yields the same text), so a caller
 * that needs both serialises once.
 */
export function toStoredJsonText(value: unknown): {
  readonly text: string;
  readonly value: JsonValue;
} {
  const text = JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member === 'number' && !Number.isFinite(member)) {
      throw new NotJsonError(`${member} has no JSON form`);
    }
    return member;
  });
  if (text === undefined) throw new NotJsonError(`${typeof value} has no JSON form`);
  return { text, value: JSON.parse(text) as JsonValue };
}
