import {
  ELIGIBILITY_POLICIES,
  type ClaimRejectionReasonRecord,
  type EligibilityCheck,
  type EligibilityPolicyName,
  type IsoDate,
  type IsoMonth,
} from '@santunan/contracts';
import { coveredOnIncidentDate } from './covered-on-incident-date.policy';
import { heirsResolved } from './heirs-resolved.policy';
import { incidentMonthCoverage } from './incident-coverage';
import { incidentDateValid } from './incident-date-valid.policy';
import { jkmThreeMonthRule } from './jkm-three-month-rule.policy';
import { membershipActive } from './membership-active.policy';
import { oneDeathBenefitPerDeath } from './one-death-benefit-per-death.policy';
import type { EligibilityPolicy, PolicyInput, PolicyOutcome } from './policy';
import { scholarshipRoute } from './scholarship-route.policy';
import { withinClaimExpiry } from './within-claim-expiry.policy';
import { workAccidentConfirmed } from './work-accident-confirmed.policy';

/** Every named policy; the order of evaluation is ELIGIBILITY_POLICIES (published). */
export const ELIGIBILITY_POLICY_FUNCTIONS: Readonly<
  Record<EligibilityPolicyName, EligibilityPolicy>
> = {
  'incident-date-valid': incidentDateValid,
  'work-accident-confirmed': workAccidentConfirmed,
  'covered-on-incident-date': coveredOnIncidentDate,
  'membership-active': membershipActive,
  'within-claim-expiry': withinClaimExpiry,
  'one-death-benefit-per-death': oneDeathBenefitPerDeath,
  'jkm-three-month-rule': jkmThreeMonthRule,
  'scholarship-route': scholarshipRoute,
  'heirs-resolved': heirsResolved,
};

export type EligibilityOutcome =
  /** Every policy allowed the claim (or does not concern it). */
  | { readonly kind: 'eligible' }
  /** Product decision 1: a sponsored month not yet paid; the claim waits for the sponsor. */
  | {
      readonly kind: 'pending-contribution';
      readonly month: IsoMonth;
      readonly programId: string;
      readonly graceEndsOn: IsoDate;
    }
  /** Stage I is not decided: nothing can be decided on the claim yet. */
  | { readonly kind: 'awaiting-work-accident-decision'; readonly message: string }
  | { readonly kind: 'ineligible'; readonly reasons: readonly ClaimRejectionReasonRecord[] };

export interface EligibilityAssessment {
  /** Every policy's result, in the fixed order: stored with the decision. */
  readonly checks: readonly EligibilityCheck[];
  readonly outcome: EligibilityOutcome;
}

function checkOf(policy: EligibilityPolicyName, outcome: PolicyOutcome): EligibilityCheck {
  switch (outcome.outcome) {
    case 'allowed':
      return {
        policy,
        outcome: 'allowed',
        code: null,
        message: outcome.message,
        details: outcome.details,
      };
    case 'not-applicable':
      return {
        policy,
        outcome: 'not-applicable',
        code: null,
        message: outcome.message,
        details: {},
      };
    case 'rejected':
    case 'pending':
      return {
        policy,
        outcome: outcome.outcome,
        code: outcome.code,
        message: outcome.message,
        details: outcome.details,
      };
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/**
 * Runs every policy in the fixed order and keeps every result (a rejection does not stop the
 * others: the decision record shows all reasons). Any rejection makes the claim ineligible;
 * otherwise a pending stage I or a pending sponsor payment holds it.
 */
export function assessEligibility(input: PolicyInput): EligibilityAssessment {
  const checks = ELIGIBILITY_POLICIES.map((policy) =>
    checkOf(policy, ELIGIBILITY_POLICY_FUNCTIONS[policy](input)),
  );
  const reasons: ClaimRejectionReasonRecord[] = [];
  for (const check of checks) {
    if (check.outcome === 'rejected' && check.code !== null) {
      reasons.push({
        policy: check.policy,
        code: check.code,
        message: check.message,
        details: check.details,
      });
    }
  }
  if (reasons.length > 0) return { checks, outcome: { kind: 'ineligible', reasons } };
  const stageOne = checks.find((check) => check.code === 'WORK_ACCIDENT_NOT_YET_DECIDED');
  if (stageOne !== undefined) {
    return {
      checks,
      outcome: { kind: 'awaiting-work-accident-decision', message: stageOne.message },
    };
  }
  const coverage = incidentMonthCoverage({
    coverage: input.facts.coverage,
    segment: input.facts.participant.segment,
    incidentDate: input.claim.incidentDate,
    today: input.today,
    graceMonths: input.sponsorGraceMonths,
  });
  if (coverage.kind === 'sponsor-payment-pending') {
    const { month, programId, graceEndsOn } = coverage;
    return { checks, outcome: { kind: 'pending-contribution', month, programId, graceEndsOn } };
  }
  return { checks, outcome: { kind: 'eligible' } };
}
