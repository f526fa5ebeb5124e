import {
  jkmDeathBenefit,
  scholarshipEntitlement,
  type ScholarshipEntitlement,
} from '@santunan/rules';
import { scholarshipRouteOf } from './claim-under-assessment';
import { paidMonthsAtIncident } from './paid-months';
import {
  allowed,
  notApplicable,
  rejected,
  type EligibilityPolicy,
  type PolicyOutcome,
} from './policy';

function describe(entitlement: ScholarshipEntitlement): {
  message: string;
  kind: string;
  reason: string | null;
} {
  switch (entitlement.kind) {
    case 'none':
      return {
        message: `no scholarship: ${entitlement.message}`,
        kind: 'none',
        reason: entitlement.reason,
      };
    case 'flat-once':
      return {
        message: `one flat scholarship of Rp${entitlement.amount} with the benefit`,
        kind: 'flat-once',
        reason: null,
      };
    case 'yearly-by-level':
      return {
        message: `yearly scholarships for up to ${entitlement.maxChildren} registered children, at most Rp${entitlement.perChildMax} each`,
        kind: 'yearly-by-level',
        reason: null,
      };
    default: {
      const _exhaustive: never = entitlement;
      return _exhaustive;
    }
  }
}

/**
 * The scholarship route: JKK death or CTT with no masa iur minimum; JKM death with a masa iur of
 * at least 3 years (36 distinct paid months; 5 years before PP 82/2019); none after a BPU early
 * death. Never a reason to reject the claim: it says what scholarship follows.
 */
export const scholarshipRoute: EligibilityPolicy = (input): PolicyOutcome => {
  const { claim, facts } = input;
  const route = scholarshipRouteOf(claim.benefitType);
  if (route === null) return notApplicable('only a death or a CTT opens a scholarship');
  const paid = paidMonthsAtIncident(input);
  const result =
    route === 'jkm-death' && paid.firstPaidMonth !== null
      ? jkmDeathBenefit({
          deathDate: claim.incidentDate,
          segment: facts.participant.segment,
          firstPaidMonth: paid.firstPaidMonth,
          masaIurMonths: paid.masaIurMonths,
        })
      : scholarshipEntitlement({
          route,
          incidentDate: claim.incidentDate,
          ...(route === 'jkm-death' ? { masaIurMonths: paid.masaIurMonths } : {}),
        });
  if (!result.ok) {
    return rejected('RULES_NOT_APPLICABLE', result.error.message, { ruleError: result.error.code });
  }
  const entitlement =
    'entitlement' in result.value ? result.value.entitlement : result.value.scholarship;
  const { message, kind, reason } = describe(entitlement);
  return allowed(message, {
    route,
    entitlement: kind,
    reason,
    masaIurMonths: route === 'jkm-death' ? paid.masaIurMonths : null,
  });
};
