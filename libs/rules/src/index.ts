/**
 * @santunan/rules — the JKK/JKM/scholarship regulation rules as pure, effective-dated data and
 * calculators. Every amount comes with an explanation that `recompute` can re-derive alone.
 * See libs/rules/README.md and docs/adr/0003-rules-as-effective-dated-data.md.
 */

// Results and errors
export type { Result } from './shared/result';
export type { RuleError, RuleErrorCode } from './shared/rule-error';
export type { Confidence, Provenance, Sourced } from './shared/sourced';

// Money
export { formatRupiah, parseRupiah, type Rupiah } from './money/rupiah';
export { formatBasisPoints, parsePercentage, type BasisPoints } from './money/percentage';

// Calendar
export { addYears, ageOn, daysBetween, parseIsoDate, type IsoDate } from './calendar/iso-date';
export { parseYearMonth, yearMonthOf, type YearMonth } from './calendar/year-month';
export {
  addWorkingDays,
  isWorkingDay,
  onOrNextWorkingDay,
  workingDayCalendar,
  workingDaysAfter,
  type WorkingDayCalendar,
  type WorkingDayCalendarInput,
} from './calendar/working-days';
export {
  INDONESIAN_CALENDAR_COVERAGE,
  INDONESIAN_PUBLIC_HOLIDAYS,
  indonesianWorkingDayCalendar,
  type PublicHoliday,
} from './calendar/indonesian-holidays';

// Rule sets
export { RULE_SET_IDS } from './rule-sets/rule-set';
export type {
  BpuDiscount,
  BpuJkkBasis,
  ChildWorkExceptions,
  ContributionRules,
  DueDateRule,
  FlatScholarshipScheme,
  IncomeBracket,
  JkkRules,
  JkpAllocation,
  LateFeePartMonths,
  PuRelief,
  JkmRules,
  LateDayCounting,
  PaymentRules,
  RuleSet,
  RuleSetId,
  ScholarshipLevelRule,
  ScholarshipScheme,
  StmbTier,
  YearlyScholarshipScheme,
} from './rule-sets/rule-set';
export { effectivePeriod, RULE_SETS, ruleSetById, ruleSetInForce } from './rule-sets/registry';
export {
  ASSISTIVE_DEVICES,
  BENEFIT_PROGRAMS,
  BPU_SECTORS,
  PAYER_TYPES,
  RISK_CLASSES,
  SCHOLARSHIP_LEVELS,
  SCHOLARSHIP_ROUTES,
  SEGMENTS,
  TRANSPORT_MODES,
  parseScholarshipLevel,
  type AssistiveDevice,
  type BenefitProgram,
  type BpuSector,
  type PayerType,
  type RiskClass,
  type ScholarshipLevel,
  type ScholarshipRoute,
  type Segment,
  type TransportMode,
} from './rule-sets/vocabulary';

// Explanations
export {
  COMPONENT_CODES,
  EXPLANATION_SCHEMA_VERSION,
  mergeExplanations,
  type ComponentCode,
  type ComponentInputs,
  type ComponentInputValue,
  type Explanation,
  type ExplanationComponent,
} from './explanation/explanation';
export type { BenefitAssessment } from './explanation/benefit-assessment';
export {
  recompute,
  verifyExplanation,
  type ExplanationCheck,
  type ExplanationMismatch,
  type StoredExplanation,
} from './explanation/recompute';

// Membership
export { masaIurMonths } from './membership/masa-iur';

// Contributions
export {
  bpuContribution,
  type BpuContributionAssessment,
  type BpuContributionInput,
  type ContributionAssessment,
} from './contributions/bpu-contribution';
export {
  bpuDiscountFor,
  type BpuDiscountDecision,
  type NoDiscountReason,
} from './contributions/bpu-discount';
export { puContribution, type PuContributionInput } from './contributions/pu-contribution';
export {
  puReliefFor,
  type NoPuReliefReason,
  type PuReliefDecision,
} from './contributions/pu-relief';
export {
  jkpAllocationFor,
  type JkpAllocationDecision,
  type NoJkpAllocationReason,
} from './contributions/pu-allocation';
export {
  puInvoiceLine,
  type PuAllocation,
  type PuInvoiceLine,
  type PuInvoiceLineInput,
} from './contributions/pu-invoice-line';
export {
  monthsOfDelay,
  puLateFee,
  type PuLateFeeAssessment,
  type PuLateFeeInput,
} from './contributions/pu-late-fee';
export {
  contributionDueDate,
  type ContributionDueDate,
  type ContributionDueDateInput,
} from './contributions/due-date';
export {
  sponsorBudgetCost,
  sponsorQuota,
  type SponsorBudgetCostInput,
  type SponsorQuota,
  type SponsorQuotaInput,
} from './contributions/sponsor-budget';

// JKK
export { jkkMedicalCare, type JkkMedicalCareInput } from './jkk/medical-care';
export { jkkHomeCare, type JkkHomeCareInput } from './jkk/home-care';
export { jkkTransport, type JkkTransportInput } from './jkk/transport';
export { jkkStmb, MAX_STMB_MONTHS, type JkkStmbInput } from './jkk/stmb';
export {
  jkkPartialAnatomicalDisability,
  jkkPartialFunctionalDisability,
  type JkkPartialAnatomicalDisabilityInput,
  type JkkPartialFunctionalDisabilityInput,
} from './jkk/disability';
export { type JkkBenefitContextInput } from './jkk/benefit-context';
export { jkkTotalPermanentDisability } from './jkk/ctt';
export { jkkDeathBenefit } from './jkk/death';
export {
  jkkAssistiveDevice,
  jkkOrthosisProsthesis,
  type JkkAssistiveDeviceInput,
  type JkkOrthosisProsthesisInput,
} from './jkk/rehabilitation-aids';
export { jkkClaimExpiry, type JkkClaimExpiry, type JkkClaimExpiryInput } from './jkk/claim-expiry';
export {
  assessJkkClaim,
  type JkkBenefitRequest,
  type JkkClaimAssessment,
  type JkkClaimInput,
} from './jkk/assess-jkk-claim';

// JKM
export { jkmDeathBenefit, type JkmDeathAssessment, type JkmDeathInput } from './jkm/jkm-death';

// Payment deadlines and late payment
export {
  benefitPaymentDueDate,
  type BenefitPaymentDue,
  type BenefitPaymentDueInput,
} from './payment/payment-due-date';
export {
  latePaymentCompensation,
  type LatePaymentAssessment,
  type LatePaymentInput,
} from './payment/late-payment-compensation';

// Scholarships
export {
  scholarshipEntitlement,
  type NoScholarshipReason,
  type ScholarshipEntitlement,
  type ScholarshipEntitlementInput,
} from './scholarship/entitlement';
export {
  childConditions,
  type ChildConditionFailure,
  type ChildConditionFailureCode,
  type ChildConditionsOutcome,
  type ChildWork,
  type ScholarshipChild,
} from './scholarship/child-conditions';
export {
  selectScholarshipChildren,
  type ChildExclusionReason,
  type RegisteredChild,
  type ScholarshipChildrenSelection,
} from './scholarship/children-selection';
export { type ScholarshipPayment } from './scholarship/scholarship-history';
export {
  parseScholarshipYear,
  scholarshipYearOf,
  scholarshipYearStart,
  type ScholarshipYear,
} from './scholarship/scholarship-year';
export {
  scholarshipInstalment,
  type ScholarshipInstalmentDecision,
  type ScholarshipInstalmentInput,
  type ScholarshipNotPayableCode,
  type ScholarshipNotPayableReason,
} from './scholarship/instalment';
export {
  DEFAULT_PROJECTION_ASSUMPTIONS,
  projectScholarshipInstalments,
  type CurrentSchooling,
  type ProjectedInstalment,
  type ProjectionAssumptions,
  type ProjectionEnd,
  type ScholarshipProjection,
  type ScholarshipProjectionInput,
} from './scholarship/projection';

// Heirs
export {
  HEIR_RELATIONSHIPS,
  type HeirRelationship,
  type HeirTier,
  type HeirTierNumber,
} from './heirs/heir-tiers';
export {
  ADULT_AGE,
  resolveHeirs,
  type BurialArranger,
  type HeirCandidate,
  type HeirResolution,
  type PayeeChoice,
  type ResolveHeirsInput,
  type ScholarshipAccount,
} from './heirs/resolve-heirs';

// PU employment: regional minimum wages, reporting period, wage basis
export {
  MINIMUM_WAGES,
  minimumWageInForce,
  type MinimumWageEntry,
  type MinimumWageInForce,
} from './pu-employment/minimum-wage';
export {
  MINIMUM_WAGE_EXEMPT_SCALES,
  PU_DAILY_WAGE_DAYS,
  PU_DATA_CHANGE_REPORTING_WORKING_DAYS,
} from './pu-employment/pu-reporting';
