/**
 * Published language of the claims context (topic `claims.events`): JKK accident reports
 * (stage I), JKK and JKM claims (stage II) with their decisions, the death register and
 * scholarship entitlements. Type names are stable strings; a changed shape gets a new
 * schemaVersion and an upcaster, never an edit. Personal data (CLAIMS_PERSONAL_DATA_PATHS)
 * travels encrypted with the participant's key; these types describe the decrypted payload.
 *
 * A decision event (`ClaimApproved`, `ScholarshipInstalmentApproved`) is self-contained: it
 * carries the explanation (rule set, components with legal basis, inputs, formulas, amounts),
 * every input of the decision, the payees and the SLA due date, so payouts can create payout
 * orders and an auditor can recompute the amount from the event alone.
 */
import type { BankAccount, HeirRelationship, IsoDate, IsoMonth } from '../enrollment/events';

/** Plain JSON, so an explanation survives being stored and read back. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------
// Shared vocabulary
// ---------------------------------------------------------------------------------------------

export type ClaimProgram = 'jkk' | 'jkm';

/** The headline benefit of a claim, for work queues and payouts (death > CTT > … > care). */
export type ClaimBenefitType =
  | 'jkk-death'
  | 'jkk-total-permanent-disability'
  | 'jkk-partial-disability'
  | 'jkk-temporary-incapacity'
  | 'jkk-care-and-reimbursement'
  | 'jkm-death';

export type TransportMode = 'land' | 'river' | 'sea' | 'air';
export type AssistiveDevice = 'dentures' | 'hearing-aid' | 'glasses';

/** One benefit asked for in a JKK claim (stage II); the rules library assesses it. */
export type JkkBenefitLine =
  | { readonly kind: 'medical-care'; readonly claimedAmount: number }
  | {
      readonly kind: 'home-care';
      readonly careStartDate: IsoDate;
      readonly costs: readonly { readonly date: IsoDate; readonly amount: number }[];
    }
  | {
      readonly kind: 'transport';
      readonly legs: readonly { readonly mode: TransportMode; readonly amount: number }[];
    }
  /** STMB for the whole period of incapacity, counted from its first month. */
  | { readonly kind: 'stmb'; readonly months: number; readonly extraDays?: number }
  | { readonly kind: 'partial-anatomical-disability'; readonly tablePercent: number }
  | {
      readonly kind: 'partial-functional-disability';
      readonly lossOfFunctionPercent: number;
      readonly tablePercent: number;
    }
  | { readonly kind: 'total-permanent-disability' }
  | { readonly kind: 'death' }
  | { readonly kind: 'orthosis-prosthesis'; readonly price: number }
  | {
      readonly kind: 'assistive-device';
      readonly device: AssistiveDevice;
      readonly claimedAmount: number;
    };

export type JkkBenefitKind = JkkBenefitLine['kind'];

/** Documents of the checklist (rules reference §6): references to files, never the files. */
export const CLAIM_DOCUMENT_CODES = [
  'member-card',
  'ktp',
  'doctor-statement',
  'accident-chronology',
  'police-report',
  'receipts',
  'death-certificate',
  'heir-certificate',
  'family-card',
  'heir-ktp',
  'marriage-book',
  'bank-book',
] as const;
export type ClaimDocumentCode = (typeof CLAIM_DOCUMENT_CODES)[number];

export const SCHOLARSHIP_DOCUMENT_CODES = [
  'birth-certificate',
  'family-card',
  'school-enrolment-letter',
  'latest-report-card',
  'bank-account',
] as const;
export type ScholarshipDocumentCode = (typeof SCHOLARSHIP_DOCUMENT_CODES)[number];

/** Who lodged a claim: the participant, an heir, or (no heir) whoever arranged the burial. */
export type Claimant =
  | { readonly kind: 'participant' }
  | { readonly kind: 'heir'; readonly fullName: string; readonly relationship: HeirRelationship }
  | { readonly kind: 'burial-arranger'; readonly fullName: string };

/** Stage I: who notified the accident (employer, or for BPU the wadah, union or health facility). */
export type AccidentNotifierKind =
  | 'employer'
  | 'wadah'
  | 'union'
  | 'health-facility'
  | 'participant'
  | 'family';

// ---------------------------------------------------------------------------------------------
// Eligibility: named policies, evaluated in a fixed order, every result kept
// ---------------------------------------------------------------------------------------------

/** In evaluation order. Stored in decision events: never rename, only add. */
export const ELIGIBILITY_POLICIES = [
  'incident-date-valid',
  'work-accident-confirmed',
  'covered-on-incident-date',
  'membership-active',
  'within-claim-expiry',
  'one-death-benefit-per-death',
  'jkm-three-month-rule',
  'scholarship-route',
  'heirs-resolved',
] as const;
export type EligibilityPolicyName = (typeof ELIGIBILITY_POLICIES)[number];

/** Why a policy refused a claim (or holds it). Stored in events: never rename, only add. */
export const CLAIM_REJECTION_REASONS = [
  'INCIDENT_DATE_IN_FUTURE',
  'INCIDENT_BEFORE_REGISTRATION',
  'NOT_A_WORK_ACCIDENT',
  'WORK_ACCIDENT_NOT_YET_DECIDED',
  'INCIDENT_MONTH_NOT_PAID',
  'CONTRIBUTION_PAID_AFTER_INCIDENT',
  'PENDING_CONTRIBUTION',
  'SPONSOR_CONTRIBUTION_NOT_PAID_IN_GRACE',
  'MEMBERSHIP_LAPSED',
  'CLAIM_EXPIRED',
  'DEATH_BENEFIT_ALREADY_CLAIMED',
  'RULES_NOT_APPLICABLE',
] as const;
export type ClaimRejectionReason = (typeof CLAIM_REJECTION_REASONS)[number];

/**
 * Why claims staff reject a claim on the evidence, where no eligibility policy decides (ADR 0009,
 * "Officer rejections"). A closed list: always with a note saying what was found. Stored in
 * events: never rename, only add. Labels: the console's `rejectionReason.<CODE>` messages.
 */
export const OFFICER_REJECTION_REASONS = [
  /** A document is forged, altered or not what it claims to be. */
  'DOCUMENTS_NOT_AUTHENTIC',
  /** The accident, the death or its circumstances are not proven by the evidence. */
  'FACTS_NOT_PROVEN',
  /** The claimant is not entitled to this benefit (e.g. not an heir of the deceased). */
  'CLAIMANT_NOT_ENTITLED',
  /** The same benefit is already claimed in another claim. */
  'DUPLICATE_CLAIM',
  /** The claimant withdrew the claim. */
  'CLAIM_WITHDRAWN',
] as const;
export type OfficerRejectionReason = (typeof OFFICER_REJECTION_REASONS)[number];

const OFFICER_REASON_SET: ReadonlySet<string> = new Set(OFFICER_REJECTION_REASONS);
export function isOfficerRejectionReason(code: string): code is OfficerRejectionReason {
  return OFFICER_REASON_SET.has(code);
}

/** The source of a rejection claims staff decided, recorded where a policy name would be. */
export const OFFICER_REVIEW = 'officer-review';
export type OfficerReview = typeof OFFICER_REVIEW;

export interface EligibilityCheck {
  readonly policy: EligibilityPolicyName;
  readonly outcome: 'allowed' | 'rejected' | 'pending' | 'not-applicable';
  /** The reason code when rejected or pending; null otherwise. */
  readonly code: ClaimRejectionReason | null;
  readonly message: string;
  readonly details: { readonly [key: string]: JsonValue };
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

/** An explanation from `@santunan/rules`, as stored: `recompute(explanation)` re-derives it. */
export interface DecisionExplanation {
  readonly schemaVersion: number;
  readonly ruleSetId: string;
  readonly components: readonly {
    readonly code: string;
    readonly legalBasis: string;
    readonly confidence: 'H' | 'M' | 'L';
    readonly formula: string;
    readonly inputs: { readonly [key: string]: JsonValue };
    readonly amount: number;
  }[];
  readonly total: number;
}

export interface DecisionHeir {
  readonly heirId: string;
  readonly fullName: string;
  readonly relationship: HeirRelationship;
  readonly birthDate: IsoDate | null;
}

/** Every input of a decision, so it can be explained and recomputed from the event alone. */
export interface DecisionInputs {
  readonly incidentDate: IsoDate;
  readonly dateOfDeath: IsoDate | null;
  /** The date the claim (stage II) was lodged: the claim expiry counts to it. */
  readonly claimDate: IsoDate;
  readonly segment: 'bpu' | 'pu';
  /** Integer rupiah: the declared income (BPU) or wage (PU) in force in the incident month. */
  readonly declaredIncome: number;
  readonly declaredIncomeEffectiveFrom: IsoMonth;
  readonly firstPaidMonth: IsoMonth | null;
  /** The months that count as paid at the incident (product decision 1). */
  readonly monthsPaid: readonly IsoMonth[];
  /** Distinct paid months (product decision 3). */
  readonly masaIurMonths: number;
  /** JKM: the month of membership the death fell in (1 = the first paid month). */
  readonly membershipMonth: number | null;
  readonly benefits: readonly JkkBenefitLine[];
  /** The heirs as evidenced, for death benefits; empty otherwise. */
  readonly heirs: readonly DecisionHeir[];
  readonly heirTier: number | null;
}

export type Payee =
  | {
      readonly kind: 'participant';
      readonly participantId: string;
      readonly fullName: string;
      readonly bankAccount: BankAccount;
    }
  | {
      readonly kind: 'heir';
      readonly heirId: string;
      readonly fullName: string;
      readonly relationship: HeirRelationship;
      readonly tier: number;
      readonly basis: 'nominated' | 'default-order';
      /** The payee is a minor: the account must be held for them by a guardian. */
      readonly needsGuardian: boolean | null;
      /** Product decision 4: the other entitled heirs whose consent is recorded. */
      readonly consentsGivenBy: readonly string[];
      readonly bankAccount: BankAccount;
    }
  | {
      readonly kind: 'burial-arranger';
      readonly arrangerId: string;
      readonly fullName: string;
      readonly bankAccount: BankAccount;
    }
  /** Scholarships go to the child's or the guardian's account (product decision 4). */
  | {
      readonly kind: 'scholarship-account';
      readonly holder: 'child' | 'guardian';
      readonly childId: string | null;
      readonly fullName: string;
      readonly bankAccount: BankAccount;
    };

export interface ComponentAmount {
  readonly code: string;
  readonly amount: number;
}

/** One payout order to create: a payee and the components it receives. */
export interface Disbursement {
  readonly payee: Payee;
  readonly components: readonly ComponentAmount[];
  readonly amount: number;
}

export interface DecisionPayment {
  readonly disbursements: readonly Disbursement[];
  /** No heir (tier 6): everything but the funeral benefit goes back to the social security fund. */
  readonly retainedByFund: {
    readonly components: readonly ComponentAmount[];
    readonly amount: number;
  } | null;
}

export interface ScholarshipChildRecord {
  readonly childId: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly registeredOn: IsoDate;
}

/** What the decision gives by way of scholarship. */
export type ScholarshipOutcome =
  | { readonly kind: 'not-applicable' }
  /** JKM with under 3 years of masa iur, or a BPU death in the first 3 months. */
  | {
      readonly kind: 'none';
      readonly reason: 'MASA_IUR_TOO_SHORT' | 'BPU_EARLY_DEATH';
      readonly message: string;
    }
  /** PP 44/2015: one flat scholarship, paid with the benefit (a SCHOLARSHIP_FLAT component). */
  | { readonly kind: 'flat-once'; readonly route: ScholarshipRoute; readonly amount: number }
  /** PP 82/2019 on: a scholarship entitlement follows, with yearly applications per child. */
  | {
      readonly kind: 'yearly-by-level';
      readonly route: ScholarshipRoute;
      readonly maxChildren: number;
      readonly perChildMax: number;
      /** The children registered by the participant, as known at the decision. */
      readonly registeredChildren: readonly ScholarshipChildRecord[];
    };

export type ScholarshipRoute = 'jkk-death' | 'jkk-ctt' | 'jkm-death';

export interface DecisionRecord {
  readonly decisionId: string;
  readonly claimId: string;
  readonly participantId: string;
  readonly program: ClaimProgram;
  readonly benefitType: ClaimBenefitType;
  /** An appeal or correction: the decision this one replaces (nothing is edited). */
  readonly supersedesDecisionId: string | null;
  readonly ruleSetId: string;
  readonly explanation: DecisionExplanation;
  readonly total: number;
  readonly inputs: DecisionInputs;
  readonly checks: readonly EligibilityCheck[];
  readonly payment: DecisionPayment;
  readonly scholarship: ScholarshipOutcome;
}

export interface SlaRecord {
  readonly program: ClaimProgram;
  /** The day the documents were first complete: the clock starts the next working day. */
  readonly documentsCompletedOn: IsoDate;
  readonly workingDays: number;
  /** Working days the clock stood still waiting for requested documents or a sponsor's payment. */
  readonly pausedWorkingDays: number;
  /** The last day payment is on time. */
  readonly dueDate: IsoDate;
  readonly ruleSetId: string;
  readonly calendarId: string;
}

export interface Approval {
  /** 'single-actor': below the threshold and not a death or CTT, the maker's proposal is final. */
  readonly mode: 'maker-checker' | 'single-actor';
  readonly makerId: string;
  readonly checkerId: string | null;
  readonly proposedOn: IsoDate;
  readonly approvedOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Accident report (JKK stage I), stream `accident-report-<reportId>`
// ---------------------------------------------------------------------------------------------

export interface AccidentReported {
  readonly reportId: string;
  readonly participantId: string;
  readonly incidentKind: 'accident' | 'occupational-disease';
  /** Accident date, or diagnosis date of an occupational disease. */
  readonly incidentDate: IsoDate;
  readonly place: string;
  readonly chronology: string;
  readonly trafficAccident: boolean;
  readonly notifier: { readonly kind: AccidentNotifierKind; readonly name: string };
  readonly witnesses: readonly { readonly name: string }[];
  readonly reportedOn: IsoDate;
  readonly reportedBy: string;
  /** Reports are due within 2 × 24 hours; lateness is recorded, not held against the worker. */
  readonly daysAfterIncident: number;
}

export interface WorkAccidentConfirmed {
  readonly reportId: string;
  readonly participantId: string;
  readonly incidentDate: IsoDate;
  readonly confirmedOn: IsoDate;
  readonly confirmedBy: string;
  /** BPJS decides within 30 days; recorded for the service level, not a condition. */
  readonly daysAfterReport: number;
  readonly note: string;
}

export interface WorkAccidentRefuted {
  readonly reportId: string;
  readonly participantId: string;
  readonly refutedOn: IsoDate;
  readonly refutedBy: string;
  readonly daysAfterReport: number;
  readonly reason: string;
}

// ---------------------------------------------------------------------------------------------
// Claim (JKK stage II or JKM), stream `claim-<claimId>`
// ---------------------------------------------------------------------------------------------

export interface JkkClaimSubmitted {
  readonly claimId: string;
  readonly participantId: string;
  readonly accidentReportId: string;
  readonly incidentDate: IsoDate;
  readonly trafficAccident: boolean;
  /** When the accident led to death (a `death` line). */
  readonly dateOfDeath: IsoDate | null;
  readonly benefits: readonly JkkBenefitLine[];
  readonly benefitType: ClaimBenefitType;
  /** The living participant's account for STMB, disability and reimbursements. */
  readonly paymentAccount: BankAccount | null;
  readonly claimant: Claimant;
  readonly submittedOn: IsoDate;
  readonly submittedBy: string;
  readonly requiredDocuments: readonly ClaimDocumentCode[];
}

export interface JkmClaimSubmitted {
  readonly claimId: string;
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  readonly benefitType: 'jkm-death';
  readonly claimant: Claimant;
  readonly submittedOn: IsoDate;
  readonly submittedBy: string;
  readonly requiredDocuments: readonly ClaimDocumentCode[];
}

export interface ClaimDocumentReceived {
  readonly claimId: string;
  readonly participantId: string;
  readonly document: ClaimDocumentCode;
  /** Where the file is kept (document store key, archive number): never the file. */
  readonly reference: string;
  readonly receivedOn: IsoDate;
  readonly recordedBy: string;
}

export interface ClaimDocumentsRequested {
  readonly claimId: string;
  readonly participantId: string;
  readonly documents: readonly ClaimDocumentCode[];
  readonly note: string;
  readonly requestedOn: IsoDate;
  readonly requestedBy: string;
  /** True when the SLA clock was running and now stands still until the documents arrive. */
  readonly slaClockPaused: boolean;
}

export interface ClaimDocumentsCompleted {
  readonly claimId: string;
  readonly participantId: string;
  readonly completedOn: IsoDate;
  readonly slaClock: 'started' | 'resumed';
}

export interface ClaimEligibilityAssessed {
  readonly claimId: string;
  readonly participantId: string;
  readonly assessedOn: IsoDate;
  readonly assessedBy: string;
  readonly outcome: 'eligible' | 'pending-contribution' | 'ineligible';
  readonly checks: readonly EligibilityCheck[];
}

/** Product decision 1: a sponsored month not yet paid; the claim waits for the sponsor. */
export interface ClaimPendingContribution {
  readonly claimId: string;
  readonly participantId: string;
  readonly month: IsoMonth;
  readonly programId: string;
  /** The sponsor's last day to pay; after it the claim is rejected. */
  readonly graceEndsOn: IsoDate;
  readonly since: IsoDate;
}

export interface ClaimDecisionProposed extends DecisionRecord {
  readonly proposedBy: string;
  readonly proposedOn: IsoDate;
  readonly checkerRequired: boolean;
  /** Why a second person must check: death, CTT, amount at or over the threshold. */
  readonly checkerReasons: readonly string[];
  readonly makerCheckerThreshold: number;
}

export interface ClaimDecisionSentBack {
  readonly claimId: string;
  readonly participantId: string;
  readonly decisionId: string;
  readonly sentBackBy: string;
  readonly sentBackOn: IsoDate;
  readonly reason: string;
}

/**
 * The maker proposes to reject the claim on the evidence (no policy decides it): a reason code
 * and a note. Nothing is decided yet: the claim awaits a checker, who confirms it (ClaimRejected,
 * `officer-review`) or sends it back (ClaimDecisionSentBack).
 */
export interface ClaimRejectionProposed {
  readonly claimId: string;
  readonly participantId: string;
  readonly decisionId: string;
  readonly program: ClaimProgram;
  /** An appeal or correction: the decision this one would replace. */
  readonly supersedesDecisionId: string | null;
  readonly reasonCode: OfficerRejectionReason;
  readonly note: string;
  readonly proposedBy: string;
  readonly proposedOn: IsoDate;
}

/** The decision payouts acts on: everything needed for payout orders and for an audit. */
export interface ClaimApproved extends DecisionRecord {
  readonly approval: Approval;
  readonly sla: SlaRecord;
}

/** Who made an officer's rejection and who made it take effect (maker ≠ checker). */
export type OfficerReviewDetails = {
  /** What the maker proposed: a rejection the checker confirmed, or an approval they refused. */
  readonly proposal: 'rejection' | 'approval';
  readonly makerId: string;
  readonly proposedOn: IsoDate;
  readonly checkerId: string;
};

/** One reason of a rejection: a named eligibility policy's, or claims staff's own finding. */
export type ClaimRejectionReasonRecord =
  | {
      readonly policy: EligibilityPolicyName;
      readonly code: ClaimRejectionReason;
      readonly message: string;
      readonly details: { readonly [key: string]: JsonValue };
    }
  | {
      readonly policy: OfficerReview;
      readonly code: OfficerRejectionReason;
      /** The note of whoever gave the reason (the maker's for a confirmed rejection proposal). */
      readonly message: string;
      readonly details: OfficerReviewDetails;
    };

export interface ClaimRejected {
  readonly claimId: string;
  readonly participantId: string;
  readonly decisionId: string;
  readonly program: ClaimProgram;
  readonly supersedesDecisionId: string | null;
  readonly reasons: readonly ClaimRejectionReasonRecord[];
  /** Every policy's result, in evaluation order. */
  readonly checks: readonly EligibilityCheck[];
  readonly rejectedBy: string;
  readonly rejectedOn: IsoDate;
}

/** An appeal (by the claimant) or a correction (by the office): a new decision will follow. */
export interface ClaimReopened {
  readonly claimId: string;
  readonly participantId: string;
  readonly previousDecisionId: string;
  readonly kind: 'appeal' | 'correction';
  readonly reason: string;
  readonly reopenedBy: string;
  readonly reopenedOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Death register, stream `death-<participantId>`: one death, one death benefit
// ---------------------------------------------------------------------------------------------

/** Enrollment marks the participant deceased; contributions stops billing. */
export interface DeathRecorded {
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  /** The claim whose death certificate recorded the death. */
  readonly claimId: string;
  readonly deathCertificateReference: string;
  readonly recordedOn: IsoDate;
  readonly recordedBy: string;
}

/**
 * Enrollment recorded the death before any claim (an enrollment officer, on the death
 * certificate reported to them: ParticipantDeceased recorded by `enrollment-officer`). The
 * register now knows the date of death, so a later death claim is checked against it. Unlike
 * DeathRecorded, enrollment does not consume it: the death came from there (ADR 0034).
 */
export interface DeathRecordedByEnrollment {
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  readonly deathCertificateReference: string;
  /** The enrollment officer who recorded it. */
  readonly recordedBy: string;
  /** Enrollment's ParticipantDeceased event. */
  readonly participantDeceasedEventId: string;
  readonly recordedOn: IsoDate;
}

export interface DeathBenefitClaimed {
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  readonly claimId: string;
  readonly program: ClaimProgram;
  readonly claimedOn: IsoDate;
}

/** The holding claim was rejected: another claim may now be lodged for the death. */
export interface DeathBenefitReleased {
  readonly participantId: string;
  readonly claimId: string;
  readonly reason: string;
  readonly releasedOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Scholarship entitlement, stream `scholarship-<entitlementId>`
// ---------------------------------------------------------------------------------------------

export type ScholarshipLevel = 'TK-SD' | 'SMP' | 'SMA' | 'PT';

export interface ScholarshipEntitlementGranted {
  readonly entitlementId: string;
  readonly participantId: string;
  readonly claimId: string;
  readonly decisionId: string;
  readonly route: ScholarshipRoute;
  readonly incidentDate: IsoDate;
  readonly masaIurMonths: number | null;
  readonly ruleSetId: string;
  readonly maxChildren: number;
  readonly perChildMax: number;
  readonly children: readonly ScholarshipChildRecord[];
  readonly excludedChildren: readonly {
    readonly childId: string;
    readonly reason: 'REGISTERED_AFTER_INCIDENT' | 'CHILD_LIMIT_REACHED';
  }[];
  readonly grantedOn: IsoDate;
  readonly grantedBy: string;
}

export interface ScholarshipEntitlementRefused {
  readonly entitlementId: string;
  readonly participantId: string;
  readonly claimId: string;
  readonly decisionId: string;
  readonly route: ScholarshipRoute;
  readonly code:
    | 'MASA_IUR_TOO_SHORT'
    | 'BPU_EARLY_DEATH'
    | 'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT'
    | 'NO_REGISTERED_CHILD';
  readonly message: string;
  readonly refusedOn: IsoDate;
  readonly refusedBy: string;
}

export interface ScholarshipInstalmentRecord {
  readonly entitlementId: string;
  readonly participantId: string;
  readonly claimId: string;
  readonly applicationId: string;
  readonly childId: string;
  readonly applicationDate: IsoDate;
  /** July–June (product decision 5). */
  readonly scholarshipYear: string;
  readonly level: ScholarshipLevel;
  readonly enrolment: { readonly schoolName: string; readonly evidenceReference: string };
  readonly documents: readonly {
    readonly code: ScholarshipDocumentCode;
    readonly reference: string;
  }[];
  /** Child conditions follow the set in force on the application date. */
  readonly childConditionsRuleSetId: string;
  readonly ruleSetId: string;
  readonly explanation: DecisionExplanation;
  readonly amount: number;
  readonly payee: Extract<Payee, { kind: 'scholarship-account' }>;
}

export interface ScholarshipInstalmentProposed extends ScholarshipInstalmentRecord {
  readonly proposedBy: string;
  readonly proposedOn: IsoDate;
  readonly checkerReasons: readonly string[];
}

export interface ScholarshipInstalmentApproved extends ScholarshipInstalmentRecord {
  readonly approval: Approval;
}

export interface ScholarshipInstalmentSentBack {
  readonly entitlementId: string;
  readonly participantId: string;
  readonly applicationId: string;
  readonly childId: string;
  readonly sentBackBy: string;
  readonly sentBackOn: IsoDate;
  readonly reason: string;
}

export interface ScholarshipInstalmentRefused {
  readonly entitlementId: string;
  readonly participantId: string;
  readonly applicationId: string;
  readonly childId: string;
  readonly applicationDate: IsoDate;
  readonly scholarshipYear: string;
  readonly level: ScholarshipLevel;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
  readonly refusedBy: string;
  readonly refusedOn: IsoDate;
}

export interface ScholarshipEndedForChild {
  readonly entitlementId: string;
  readonly participantId: string;
  readonly childId: string;
  readonly reason: 'age-limit' | 'married' | 'working';
  /** The date the end was established (an application date or a reported fact). */
  readonly endedOn: IsoDate;
  readonly recordedBy: string;
}

// ---------------------------------------------------------------------------------------------
// The union, schema versions and personal data
// ---------------------------------------------------------------------------------------------

export interface ClaimsEventMap {
  AccidentReported: AccidentReported;
  WorkAccidentConfirmed: WorkAccidentConfirmed;
  WorkAccidentRefuted: WorkAccidentRefuted;
  JkkClaimSubmitted: JkkClaimSubmitted;
  JkmClaimSubmitted: JkmClaimSubmitted;
  ClaimDocumentReceived: ClaimDocumentReceived;
  ClaimDocumentsRequested: ClaimDocumentsRequested;
  ClaimDocumentsCompleted: ClaimDocumentsCompleted;
  ClaimEligibilityAssessed: ClaimEligibilityAssessed;
  ClaimPendingContribution: ClaimPendingContribution;
  ClaimDecisionProposed: ClaimDecisionProposed;
  ClaimDecisionSentBack: ClaimDecisionSentBack;
  ClaimRejectionProposed: ClaimRejectionProposed;
  ClaimApproved: ClaimApproved;
  ClaimRejected: ClaimRejected;
  ClaimReopened: ClaimReopened;
  DeathRecorded: DeathRecorded;
  DeathRecordedByEnrollment: DeathRecordedByEnrollment;
  DeathBenefitClaimed: DeathBenefitClaimed;
  DeathBenefitReleased: DeathBenefitReleased;
  ScholarshipEntitlementGranted: ScholarshipEntitlementGranted;
  ScholarshipEntitlementRefused: ScholarshipEntitlementRefused;
  ScholarshipInstalmentProposed: ScholarshipInstalmentProposed;
  ScholarshipInstalmentApproved: ScholarshipInstalmentApproved;
  ScholarshipInstalmentSentBack: ScholarshipInstalmentSentBack;
  ScholarshipInstalmentRefused: ScholarshipInstalmentRefused;
  ScholarshipEndedForChild: ScholarshipEndedForChild;
}

export type ClaimsEventType = keyof ClaimsEventMap;

export type ClaimsEvent = {
  [Type in ClaimsEventType]: { readonly type: Type; readonly data: ClaimsEventMap[Type] };
}[ClaimsEventType];

export type ClaimsEventOf<Type extends ClaimsEventType> = Extract<ClaimsEvent, { type: Type }>;

export const CLAIMS_SCHEMA_VERSIONS: Readonly<Record<ClaimsEventType, number>> = {
  AccidentReported: 1,
  WorkAccidentConfirmed: 1,
  WorkAccidentRefuted: 1,
  JkkClaimSubmitted: 1,
  JkmClaimSubmitted: 1,
  ClaimDocumentReceived: 1,
  ClaimDocumentsRequested: 1,
  ClaimDocumentsCompleted: 1,
  ClaimEligibilityAssessed: 1,
  ClaimPendingContribution: 1,
  ClaimDecisionProposed: 1,
  ClaimDecisionSentBack: 1,
  ClaimRejectionProposed: 1,
  ClaimApproved: 1,
  ClaimRejected: 1,
  ClaimReopened: 1,
  DeathRecorded: 1,
  DeathRecordedByEnrollment: 1,
  DeathBenefitClaimed: 1,
  DeathBenefitReleased: 1,
  ScholarshipEntitlementGranted: 1,
  ScholarshipEntitlementRefused: 1,
  ScholarshipInstalmentProposed: 1,
  ScholarshipInstalmentApproved: 1,
  ScholarshipInstalmentSentBack: 1,
  ScholarshipInstalmentRefused: 1,
  ScholarshipEndedForChild: 1,
};

const DECISION_PERSONAL_DATA = [
  'inputs.heirs.*.fullName',
  'payment.disbursements.*.payee.fullName',
  'payment.disbursements.*.payee.bankAccount.accountNumber',
  'payment.disbursements.*.payee.bankAccount.accountName',
  'scholarship.registeredChildren.*.fullName',
] as const;

const INSTALMENT_PERSONAL_DATA = [
  'payee.fullName',
  'payee.bankAccount.accountNumber',
  'payee.bankAccount.accountName',
] as const;

/**
 * Fields encrypted with the participant's key (UU PDP 27/2022); `*` stands for every element of an array, as in
 * ENROLLMENT_PERSONAL_DATA_PATHS. Every claims event carries `participantId`, the key's subject.
 */
export const CLAIMS_PERSONAL_DATA_PATHS: Readonly<Record<ClaimsEventType, readonly string[]>> = {
  AccidentReported: ['chronology', 'notifier.name', 'witnesses.*.name'],
  WorkAccidentConfirmed: [],
  WorkAccidentRefuted: [],
  JkkClaimSubmitted: [
    'claimant.fullName',
    'paymentAccount.accountNumber',
    'paymentAccount.accountName',
  ],
  JkmClaimSubmitted: ['claimant.fullName'],
  ClaimDocumentReceived: [],
  ClaimDocumentsRequested: [],
  ClaimDocumentsCompleted: [],
  ClaimEligibilityAssessed: [],
  ClaimPendingContribution: [],
  ClaimDecisionProposed: [...DECISION_PERSONAL_DATA],
  ClaimDecisionSentBack: [],
  ClaimRejectionProposed: [],
  ClaimApproved: [...DECISION_PERSONAL_DATA],
  ClaimRejected: [],
  ClaimReopened: [],
  DeathRecorded: [],
  DeathRecordedByEnrollment: [],
  DeathBenefitClaimed: [],
  DeathBenefitReleased: [],
  ScholarshipEntitlementGranted: ['children.*.fullName'],
  ScholarshipEntitlementRefused: [],
  ScholarshipInstalmentProposed: [...INSTALMENT_PERSONAL_DATA],
  ScholarshipInstalmentApproved: [...INSTALMENT_PERSONAL_DATA],
  ScholarshipInstalmentSentBack: [],
  ScholarshipInstalmentRefused: [],
  ScholarshipEndedForChild: [],
};
