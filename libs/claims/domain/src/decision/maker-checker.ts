import type { ClaimBenefitType } from '@santunan/contracts';
import { formatRupiah } from '@santunan/rules';

/** Why a second person must check a decision. */
export interface CheckerRequirement {
  readonly required: boolean;
  readonly reasons: readonly string[];
}

/**
 * Maker–checker: a death, a CTT, or an amount at or above the threshold (configurable, passed
 * in; Rp10,000,000 by default in the service) needs a supervisor other than the maker. Below it,
 * and not a death or CTT, the maker's proposal is final.
 */
export function checkerRequirement(input: {
  readonly benefitType: ClaimBenefitType | 'scholarship-instalment';
  readonly total: number;
  readonly threshold: number;
}): CheckerRequirement {
  const reasons: string[] = [];
  if (input.benefitType === 'jkk-death' || input.benefitType === 'jkm-death')
    reasons.push('a death benefit');
  if (input.benefitType === 'jkk-total-permanent-disability')
    reasons.push('a permanent total disability (CTT)');
  if (input.total >= input.threshold) {
    reasons.push(
      `${formatRupiah(input.total)} is at or above the ${formatRupiah(input.threshold)} threshold`,
    );
  }
  return { required: reasons.length > 0, reasons };
}

/** The threshold is configuration: a whole, positive number of rupiah. */
export function isValidThreshold(threshold: number): boolean {
  return Number.isSafeInteger(threshold) && threshold > 0;
}

/** Separation of duties is on actor ids, never on roles (an admin is no exception). */
export function sameActor(maker: string, checker: string): boolean {
  return maker === checker;
}
