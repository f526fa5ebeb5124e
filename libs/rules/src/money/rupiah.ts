import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

/** A whole, non-negative number of rupiah that is a safe integer. Rupiah have no cents. */
export type Rupiah = number & { readonly __brand: 'Rupiah' };

export function parseRupiah(value: unknown, field: string): Result<Rupiah> {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return err(ruleError('INVALID_AMOUNT', `${field} must be a finite number of rupiah`, field));
  }
  if (value < 0)
    return err(ruleError('NEGATIVE_AMOUNT', `${field} must not be negative (got ${value})`, field));
  if (!Number.isInteger(value)) {
    return err(
      ruleError(
        'FRACTIONAL_AMOUNT',
        `${field} must be a whole number of rupiah (got ${value})`,
        field,
      ),
    );
  }
  if (!Number.isSafeInteger(value)) {
    return err(ruleError('AMOUNT_TOO_LARGE', `${field} is beyond the safe integer range`, field));
  }
  return ok(value as Rupiah);
}

/** For literals in rule data: an invalid literal is a bug in the data, so it throws. */
export function rp(value: number): Rupiah {
  const parsed = parseRupiah(value, 'rule data amount');
  if (!parsed.ok) throw new Error(`@santunan/rules bug: ${parsed.error.message}`);
  return parsed.value;
}

export const ZERO_RUPIAH = rp(0);

export function sumRupiah(amounts: readonly Rupiah[], field: string): Result<Rupiah> {
  let total = 0;
  for (const amount of amounts) total += amount;
  return parseRupiah(total, field);
}

export function minRupiah(a: Rupiah, b: Rupiah): Rupiah {
  return a < b ? a : b;
}

/** Rp1,234,567 — the notation of the domain reference, for formula text. */
export function formatRupiah(amount: number): string {
  return `Rp${groupThousands(amount)}`;
}

export function groupThousands(value: number): string {
  const digits = String(Math.trunc(Math.abs(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${grouped}` : grouped;
}
