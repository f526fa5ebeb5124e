import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The field every form carries the synchronizer token in. */
export const CSRF_FIELD = '_csrf';

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of the session's token with the one a form sent back. */
export function csrfTokenMatches(expected: string | undefined, submitted: unknown): boolean {
  if (expected === undefined || typeof submitted !== 'string' || submitted === '') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
