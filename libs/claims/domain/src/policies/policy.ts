import type { ClaimRejectionReason, IsoDate } from '@santunan/contracts';
import type { ClaimFacts } from '../facts/claim-facts';
import type { JsonRecord } from '../shared/json';
import type { ClaimUnderAssessment } from './claim-under-assessment';

/** What every eligibility policy is asked about. */
export interface PolicyInput {
  readonly claim: ClaimUnderAssessment;
  readonly facts: ClaimFacts;
  /** The day of the assessment (Asia/Jakarta calendar day). */
  readonly today: IsoDate;
  /** Product decision 1: months a sponsor may pay late and still cover an incident. */
  readonly sponsorGraceMonths: number;
}

/**
 * A policy's answer (ddd-by-examples/library style): allowed, or a reason code. `pending`
 * holds a claim until something outside it happens (a sponsor's payment, the stage I
 * decision); `not-applicable` records that the policy does not concern this claim.
 */
export type PolicyOutcome =
  | { readonly outcome: 'allowed'; readonly message: string; readonly details: JsonRecord }
  | {
      readonly outcome: 'rejected';
      readonly code: ClaimRejectionReason;
      readonly message: string;
      readonly details: JsonRecord;
    }
  | {
      readonly outcome: 'pending';
      readonly code: Extract<
        ClaimRejectionReason,
        'PENDING_CONTRIBUTION' | 'WORK_ACCIDENT_NOT_YET_DECIDED'
      >;
      readonly message: string;
      readonly details: JsonRecord;
    }
  | { readonly outcome: 'not-applicable'; readonly message: string };

export type EligibilityPolicy = (input: PolicyInput) => PolicyOutcome;

export const allowed = (message: string, details: JsonRecord = {}): PolicyOutcome => ({
  outcome: 'allowed',
  message,
  details,
});

export const rejected = (
  code: ClaimRejectionReason,
  message: string,
  details: JsonRecord = {},
): PolicyOutcome => ({ outcome: 'rejected', code, message, details });

export const pending = (
  code: 'PENDING_CONTRIBUTION' | 'WORK_ACCIDENT_NOT_YET_DECIDED',
  message: string,
  details: JsonRecord = {},
): PolicyOutcome => ({ outcome: 'pending', code, message, details });

export const notApplicable = (message: string): PolicyOutcome => ({
  outcome: 'not-applicable',
  message,
});
