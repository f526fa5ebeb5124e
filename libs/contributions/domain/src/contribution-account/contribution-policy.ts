import type { Sourced } from '@santunan/rules';

/**
 * The BPU membership rules the rules library does not hold yet (grace, lapse, paying ahead),
 * as a named policy with legal basis and confidence, passed in with each decision. They belong
 * in the effective-dated rule sets; until they move there, this is the one place to correct them.
 */
export interface ContributionPolicy {
  /** Months after a month's end in which it may still be paid. */
  readonly graceMonths: Sourced<number>;
  /** Consecutive unpaid months that end a membership. */
  readonly lapseAfterUnpaidMonths: Sourced<number>;
  /** Month counts a self-paying participant may pay at once. */
  readonly advanceMonthCounts: Sourced<readonly number[]>;
  /** A payment may reach at most this many months from the month it is made in (that month counted). */
  readonly maxMonthsAhead: Sourced<number>;
}

export const DEFAULT_CONTRIBUTION_POLICY: ContributionPolicy = {
  graceMonths: {
    value: 3,
    confidence: 'M',
    legalBasis:
      'Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022 (BPU business process); rules reference §1: arrears of up to 3 months after the paid period may be paid',
  },
  lapseAfterUnpaidMonths: {
    value: 4,
    confidence: 'M',
    legalBasis:
      'Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022; rules reference §1: more than 3 consecutive unpaid months end the membership',
  },
  advanceMonthCounts: {
    value: [1, 3, 6, 12],
    confidence: 'H',
    legalBasis:
      'Permenaker 5/2021 as amended by Permenaker 1/2025; rules reference §1: monthly, or 3, 6 or 12 months in advance',
  },
  maxMonthsAhead: {
    value: 12,
    confidence: 'M',
    legalBasis:
      'Platform decision (docs/adr/0008): paying ahead reaches at most 12 months, the longest advance the rules allow',
  },
};
