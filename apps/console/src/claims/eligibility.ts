import { ELIGIBILITY_POLICIES } from '@santunan/contracts';
import type { ClaimDetail } from '../services/claims.api';

export interface PolicyResult {
  readonly policy: string;
  readonly outcome: 'allowed' | 'rejected' | 'pending' | 'not-applicable' | 'not-assessed';
  readonly code: string | null;
  readonly message: string | null;
}

function isOutcome(value: unknown): value is Exclude<PolicyResult['outcome'], 'not-assessed'> {
  return (
    value === 'allowed' || value === 'rejected' || value === 'pending' || value === 'not-applicable'
  );
}

/**
 * Every eligibility policy with its latest result: from the decision (proposed or approved),
 * else from the latest assessment on the timeline (with the rejection's messages), else not
 * assessed yet. Always all nine, in the service's evaluation order.
 */
export function eligibilityOf(claim: ClaimDetail): PolicyResult[] {
  const found = new Map<string, PolicyResult>();
  if (claim.decision !== null) {
    for (const check of claim.decision.checks) {
      found.set(check.policy, {
        policy: check.policy,
        outcome: check.outcome,
        code: check.code,
        message: check.message,
      });
    }
  } else {
    const assessed = [...claim.timeline]
      .reverse()
      .find((entry) => entry.type === 'ClaimEligibilityAssessed');
    const checks = assessed?.details['checks'];
    const reasons = new Map(
      (claim.rejection?.reasons ?? []).map((reason) => [reason.policy, reason.message]),
    );
    if (Array.isArray(checks)) {
      for (const check of checks as unknown[]) {
        if (typeof check !== 'object' || check === null) continue;
        const { policy, outcome, code } = check as Record<string, unknown>;
        if (typeof policy !== 'string' || !isOutcome(outcome)) continue;
        found.set(policy, {
          policy,
          outcome,
          code: typeof code === 'string' ? code : null,
          message: reasons.get(policy as never) ?? null,
        });
      }
    }
  }
  return ELIGIBILITY_POLICIES.map(
    (policy) => found.get(policy) ?? { policy, outcome: 'not-assessed', code: null, message: null },
  );
}
