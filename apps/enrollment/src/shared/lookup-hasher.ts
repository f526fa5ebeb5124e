import { createHmac } from 'node:crypto';

/**
 * Keyed hashes (HMAC-SHA256) that let the service find a participant by NIK or by a word of
 * the name without keeping either in clear. A plain hash would not do: the NIK space is small
 * and structured enough to hash every candidate. Purposes are separated, so a name token can
 * never match a NIK.
 */
export class LookupHasher {
  constructor(private readonly key: string) {}

  nik(nik: string): Buffer {
    return this.digest('nik', nik);
  }

  nameToken(token: string): Buffer {
    return this.digest('name', token);
  }

  private digest(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${value}`, 'utf8').digest();
  }
}

/**
 * The words a name is found by: accents folded, lower case, split on anything that is not a
 * letter or digit, at least two characters ("Yohanes Bria-Seran" → yohanes, bria, seran).
 */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
  return [...new Set(words)];
}
