import type {
  ClaimBenefitType,
  ClaimProgram,
  IsoDate,
  JkkBenefitKind,
  JkkBenefitLine,
  ScholarshipRoute,
} from '@santunan/contracts';

/** What the eligibility policies need to know about the claim itself. */
export interface ClaimUnderAssessment {
  readonly claimId: string;
  readonly participantId: string;
  readonly program: ClaimProgram;
  readonly benefitType: ClaimBenefitType;
  /** Accident or diagnosis date (JKK), date of death (JKM): it picks the rule set. */
  readonly incidentDate: IsoDate;
  readonly dateOfDeath: IsoDate | null;
  /** The date the claim was lodged. */
  readonly claimDate: IsoDate;
  /** JKK lines; empty for JKM. */
  readonly benefits: readonly JkkBenefitLine[];
  readonly accidentReportId: string | null;
}

const CARE_KINDS: readonly JkkBenefitKind[] = [
  'medical-care',
  'home-care',
  'transport',
  'orthosis-prosthesis',
  'assistive-device',
];

/** The headline benefit of a JKK claim: death, then CTT, then partial disability, STMB, care. */
export function jkkBenefitType(benefits: readonly JkkBenefitLine[]): ClaimBenefitType {
  const kinds = new Set(benefits.map((line) => line.kind));
  if (kinds.has('death')) return 'jkk-death';
  if (kinds.has('total-permanent-disability')) return 'jkk-total-permanent-disability';
  if (kinds.has('partial-anatomical-disability') || kinds.has('partial-functional-disability')) {
    return 'jkk-partial-disability';
  }
  if (kinds.has('stmb')) return 'jkk-temporary-incapacity';
  return 'jkk-care-and-reimbursement';
}

/** Medical, home care, transport and aids are reimbursed against receipts. */
export function hasReimbursement(benefits: readonly JkkBenefitLine[]): boolean {
  return benefits.some((line) => CARE_KINDS.includes(line.kind));
}

export function isDeathClaim(benefitType: ClaimBenefitType): boolean {
  return benefitType === 'jkk-death' || benefitType === 'jkm-death';
}

/** The scholarship route a claim opens, if any (rules reference §4). */
export function scholarshipRouteOf(benefitType: ClaimBenefitType): ScholarshipRoute | null {
  switch (benefitType) {
    case 'jkk-death':
      return 'jkk-death';
    case 'jkk-total-permanent-disability':
      return 'jkk-ctt';
    case 'jkm-death':
      return 'jkm-death';
    case 'jkk-partial-disability':
    case 'jkk-temporary-incapacity':
    case 'jkk-care-and-reimbursement':
      return null;
    default: {
      const _exhaustive: never = benefitType;
      return _exhaustive;
    }
  }
}
