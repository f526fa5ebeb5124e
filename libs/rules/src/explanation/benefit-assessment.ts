import type { ScholarshipEntitlement } from '../scholarship/entitlement';
import type { Explanation } from './explanation';

/** A death or disability benefit: the cash amounts, and what it gives by way of scholarship. */
export interface BenefitAssessment {
  readonly explanation: Explanation;
  readonly scholarship: ScholarshipEntitlement;
}
