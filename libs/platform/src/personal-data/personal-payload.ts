import { isEncryptedField } from './encrypted-field';
import type { PersonalDataCipher } from './personal-data-cipher';

/**
 * Which fields of an event payload are personal, as dotted paths; `*` stands for every element
 * of an array: `['name', 'nik', 'address.street', 'heirs.*.nik']`.
 */
export type PersonalFieldPaths = readonly string[];

type Payload = Readonly<Record<string, unknown>>;

interface FieldSlot {
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string;
  readonly path: string;
}

/**
 * A copy of `payload` with the declared personal fields encrypted for `subjectId`. Absent or
 * null fields are left alone, and so are fields already encrypted (upcasters can run twice).
 */
export async function encryptPersonalFields(
  cipher: PersonalDataCipher,
  subjectId: string,
  payload: Payload,
  paths: PersonalFieldPaths,
): Promise<Record<string, unknown>> {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const plain: Record<string, string> = {};
  const slots = paths.flatMap((path) => slotsFor(copy, path.split('.'), ''));
  for (const slot of slots) {
    const value = read(slot);
    if (value === undefined || value === null || isEncryptedField(value)) continue;
    if (typeof value !== 'string') {
      throw new TypeError(
        `personal field "${slot.path}" must be a string to be encrypted, got ${typeof value}`,
      );
    }
    plain[slot.path] = value;
  }
  const encrypted = await cipher.encrypt(subjectId, plain);
  for (const slot of slots) {
    const sealed = encrypted[slot.path];
    if (sealed !== undefined) write(slot, sealed);
  }
  return copy;
}

/**
 * A copy of `payload` with every encrypted field, wherever it sits, replaced by its plain text
 * or by `REDACTED`. It needs no field list, so the auditor can read any service's events.
 * Positions are not checked against the recorded field path: upcasters may rename fields.
 */
export async function decryptPersonalFields(
  cipher: PersonalDataCipher,
  payload: Payload,
): Promise<Record<string, unknown>> {
  const revealed = await reveal(cipher, payload);
  return revealed as Record<string, unknown>;
}

async function reveal(cipher: PersonalDataCipher, node: unknown): Promise<unknown> {
  if (isEncryptedField(node)) return cipher.decrypt(node);
  if (Array.isArray(node)) return Promise.all(node.map((item) => reveal(cipher, item)));
  if (typeof node === 'object' && node !== null) {
    const entries = await Promise.all(
      Object.entries(node).map(async ([key, value]) => [key, await reveal(cipher, value)] as const),
    );
    return Object.fromEntries(entries);
  }
  return node;
}

function slotsFor(node: unknown, segments: readonly string[], prefix: string): FieldSlot[] {
  const [head, ...rest] = segments;
  if (head === undefined || typeof node !== 'object' || node === null) return [];
  const container = Array.isArray(node) ? (node as unknown[]) : (node as Record<string, unknown>);
  // `*` walks the elements of an array; on anything else it matches nothing.
  const keys = head === '*' ? elementKeys(container) : [head];
  return keys.flatMap((key) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (rest.length === 0) return [{ container, key, path }];
    return slotsFor(read({ container, key, path }), rest, path);
  });
}

function elementKeys(container: FieldSlot['container']): string[] {
  return Array.isArray(container) ? container.map((_, index) => String(index)) : [];
}

function read(slot: FieldSlot): unknown {
  return Array.isArray(slot.container)
    ? slot.container[Number(slot.key)]
    : slot.container[slot.key];
}

function write(slot: FieldSlot, value: unknown): void {
  if (Array.isArray(slot.container)) slot.container[Number(slot.key)] = value;
  else slot.container[slot.key] = value;
}
