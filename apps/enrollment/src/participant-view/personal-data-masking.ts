import type { Actor, Role } from '@santunan/platform';

/** Whether a caller sees personal data in full or masked. */
export type Disclosure = 'full' | 'masked';

/**
 * Roles whose work needs the person in full: the officer who registers and corrects them, and
 * the auditor who explains decisions. Everyone else (sponsors, claims, finance, admin) sees
 * enough to recognise a person, not to impersonate one.
 */
export const FULL_DISCLOSURE_ROLES: readonly Role[] = ['enrollment-officer', 'auditor'];

export function disclosureFor(actor: Actor): Disclosure {
  const roles: readonly string[] = actor.roles ?? [];
  return FULL_DISCLOSURE_ROLES.some((role) => roles.includes(role)) ? 'full' : 'masked';
}

/** `5371011508900001` → `5371********0001`: the regency stays, birth date and sex go. */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}

/** `Yohanes Bria Seran` → `Y. B. S.` */
export function initials(name: string): string {
  return name
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => `${[...word][0]?.toUpperCase() ?? ''}.`)
    .join(' ');
}

/** Only the last `visible` characters stay. */
export function maskTail(value: string, visible: number): string {
  const shown = Math.min(visible, Math.floor(value.length / 2));
  return `${'*'.repeat(value.length - shown)}${value.slice(value.length - shown)}`;
}

/** `1990-08-15` → `1990-**-**` */
export function maskBirthDate(date: string): string {
  return `${date.slice(0, 4)}-**-**`;
}

export const WITHHELD = '***';

/** A personal value masked by what it is, judged from the last segment of its path. */
export function maskPersonalValue(path: string, value: unknown): unknown {
  if (typeof value !== 'string') return value; // REDACTED stays as it is
  const field = path.split('.').pop() ?? path;
  switch (field) {
    case 'nik':
      return maskNik(value);
    case 'fullName':
    case 'accountName':
      return initials(value);
    case 'phone':
      return maskTail(value, 3);
    case 'accountNumber':
      return maskTail(value, 4);
    default:
      return WITHHELD;
  }
}

type Json = Readonly<Record<string, unknown>>;

/**
 * A copy of an (opened) event payload with the values at `paths` masked; `*` walks an array,
 * as in ENROLLMENT_PERSONAL_DATA_PATHS.
 */
export function maskPaths(data: Json, paths: readonly string[]): Json {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const path of paths) maskAt(copy, path.split('.'), path);
  return copy;
}

function maskAt(node: unknown, segments: readonly string[], path: string): void {
  const [head, ...rest] = segments;
  if (head === undefined || typeof node !== 'object' || node === null) return;
  if (head === '*') {
    if (Array.isArray(node)) for (const item of node) maskAt(item, rest, path);
    return;
  }
  const container = node as Record<string, unknown>;
  if (!(head in container)) return;
  if (rest.length === 0) container[head] = maskPersonalValue(path, container[head]);
  else maskAt(container[head], rest, path);
}
