/**
 * The roles a token may carry. `admin` is a role like the others: it grants no exemption
 * from maker–checker separation, which the deciders enforce on actor ids, not roles.
 */
export const ROLES = [
  'enrollment-officer',
  'sponsor-operator',
  'claims-officer',
  'claims-supervisor',
  'finance',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: string): value is Role {
  return KNOWN_ROLES.has(value);
}
