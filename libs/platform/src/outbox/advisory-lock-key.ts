import { createHash } from 'node:crypto';

/**
 * A 64-bit advisory lock key derived from a name, as a decimal string for `$1::bigint`.
 * Computed here rather than with hashtext(), which PostgreSQL does not document as stable.
 */
export function advisoryLockKey(name: string): string {
  const digest = createHash('sha256').update(name, 'utf8').digest();
  return digest.readBigInt64BE(0).toString();
}
