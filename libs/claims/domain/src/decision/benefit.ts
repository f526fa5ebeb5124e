import type { IsoMonth, JkkBenefitLine } from '@santunan/contracts';
import {
  assessJkkClaim,
  jkmDeathBenefit,
  type Explanation,
  type JkkBenefitRequest,
  type Result,
  type ScholarshipEntitlement,
} from '@santunan/rules';
import type { ClaimUnderAssessment } from '../policies/claim-under-assessment';

/** The published benefit lines are exactly what the rules library assesses. */
const asRequest = (line: JkkBenefitLine): JkkBenefitRequest => line;

export interface BenefitComputation {
  /** Every amount under the rule set in force on the incident date. */
  readonly explanation: Explanation;
  /** What the death or CTT gives by way of scholarship; null when neither. */
  readonly scholarship: ScholarshipEntitlement | null;
  /** JKM: the month of membership of the death. */
  readonly membershipMonth: number | null;
}

export interface BenefitBasis {
  readonly claim: ClaimUnderAssessment;
  readonly segment: 'bpu' | 'pu';
  readonly declaredIncome: number;
  readonly firstPaidMonth: IsoMonth | null;
  readonly masaIurMonths: number;
}

/** The benefit, computed only by the rules library: no rate or amount lives in this context. */
export function computeBenefit(basis: BenefitBasis): Result<BenefitComputation> {
  const { claim, segment } = basis;
  switch (claim.program) {
    case 'jkk': {
      const assessed = assessJkkClaim({
        incidentDate: claim.incidentDate,
        segment,
        wage: basis.declaredIncome,
        benefits: claim.benefits.map(asRequest),
      });
      return assessed.ok
        ? { ok: true, value: { ...assessed.value, membershipMonth: null } }
        : assessed;
    }
    case 'jkm': {
      const assessed = jkmDeathBenefit({
        deathDate: claim.incidentDate,
        segment,
        ...(basis.firstPaidMonth === null ? {} : { firstPaidMonth: basis.firstPaidMonth }),
        masaIurMonths: basis.masaIurMonths,
      });
      return assessed.ok ? { ok: true, value: assessed.value } : assessed;
    }
    default: {
      const _exhaustive: never = claim.program;
      return _exhaustive;
    }
  }
}
