import { err, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { parseRupiah, type Rupiah } from './rupiah';
import type { BasisPoints } from './percentage';

/**
 * An exact non-negative rational (numerator / denominator) on bigint, so that
 * wage × rate × multiplier never passes through a float. Amounts are rounded to whole rupiah
 * once, at the end of each component, by one of the two documented rules below.
 */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

export function whole(value: number): Exact {
  if (!Number.isSafeInteger(value))
    throw new Error(`@santunan/rules bug: ${value} is not a safe integer`);
  return { n: BigInt(value), d: 1n };
}

export function ratio(numerator: number, denominator: number): Exact {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new Error(`@santunan/rules bug: bad ratio ${numerator}/${denominator}`);
  }
  return { n: BigInt(numerator), d: BigInt(denominator) };
}

export function share(bp: BasisPoints): Exact {
  return { n: BigInt(bp), d: 10_000n };
}

export function times(...factors: readonly Exact[]): Exact {
  return factors.reduce((a, b) => ({ n: a.n * b.n, d: a.d * b.d }), { n: 1n, d: 1n });
}

export function plus(...terms: readonly Exact[]): Exact {
  return terms.reduce((a, b) => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }), { n: 0n, d: 1n });
}

export function compareExact(a: Exact, b: Exact): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function maxExact(a: Exact, b: Exact): Exact {
  return compareExact(a, b) >= 0 ? a : b;
}

export function minExact(a: Exact, b: Exact): Exact {
  return compareExact(a, b) <= 0 ? a : b;
}

function toRupiah(value: bigint, field: string): Result<Rupiah> {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return err(ruleError('AMOUNT_TOO_LARGE', `${field} is beyond the safe integer range`, field));
  }
  return parseRupiah(Number(value), field);
}

/** Benefits: floor to the whole rupiah (never pay a fraction that the rule does not give). */
export function floorToRupiah(value: Exact, field: string): Result<Rupiah> {
  if (value.n < 0n) throw new Error('@santunan/rules bug: negative benefit');
  return toRupiah(value.n / value.d, field);
}

/** Contributions: round half up to the whole rupiah (Rp x.5 is billed as x + 1). */
export function halfUpToRupiah(value: Exact, field: string): Result<Rupiah> {
  if (value.n < 0n) throw new Error('@santunan/rules bug: negative contribution');
  return toRupiah((2n * value.n + value.d) / (2n * value.d), field);
}
