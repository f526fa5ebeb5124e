import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

/** A share in basis points: 10,000 = 100%, 24 = 0.24%. Integer, so exact. */
export type BasisPoints = number & { readonly __brand: 'BasisPoints' };

export const FULL_SHARE = 10_000;

/** For literals in rule data. */
export function bp(value: number): BasisPoints {
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`@santunan/rules bug: bad basis points ${value}`);
  return value as BasisPoints;
}

/**
 * A percentage from 0 to 100 with at most two decimals (e.g. a medical assessment's 12.5%),
 * converted exactly to basis points.
 */
export function parsePercentage(value: unknown, field: string): Result<BasisPoints> {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    return err(
      ruleError('INVALID_PERCENTAGE', `${field} must be a percentage from 0 to 100`, field),
    );
  }
  const scaled = Math.round(value * 100);
  if (Math.abs(value * 100 - scaled) > 1e-6) {
    return err(ruleError('INVALID_PERCENTAGE', `${field} may have at most two decimals`, field));
  }
  return ok(scaled as BasisPoints);
}

export function parseBasisPoints(value: unknown, field: string): Result<BasisPoints> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > FULL_SHARE) {
    return err(
      ruleError('INVALID_PERCENTAGE', `${field} must be whole basis points from 0 to 10000`, field),
    );
  }
  return ok(value as BasisPoints);
}

/** 24 → "0.24%", 5000 → "50%". */
export function formatBasisPoints(value: number): string {
  const whole = Math.trunc(value / 100);
  const rest = value % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
