import type {
  BankAccount,
  Claimant,
  ClaimDocumentCode,
  IsoDate,
  JkkBenefitLine,
} from '@santunan/contracts';
import type { WorkingDayCalendar } from '@santunan/rules';
import type { AccidentReportFacts, ClaimFacts } from '../facts/claim-facts';

/** JKK stage II: the claim that follows a work accident report. */
export interface SubmitJkkClaim {
  readonly type: 'SubmitJkkClaim';
  readonly claimId: string;
  readonly participantId: string;
  /** The stage I report, as the service's accident report stream stands. */
  readonly accidentReport: AccidentReportFacts;
  readonly benefits: readonly JkkBenefitLine[];
  /** Required with a `death` line: the accident led to the death. */
  readonly dateOfDeath: IsoDate | null;
  /** The living participant's account, from the bank book. */
  readonly paymentAccount: BankAccount | null;
  readonly claimant: Claimant;
  /** The day the claim was lodged at the office; today when absent. */
  readonly lodgedOn?: IsoDate;
  readonly officerId: string;
}

export interface SubmitJkmClaim {
  readonly type: 'SubmitJkmClaim';
  readonly claimId: string;
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  readonly claimant: Claimant;
  readonly lodgedOn?: IsoDate;
  readonly officerId: string;
}

export interface RecordClaimDocument {
  readonly type: 'RecordClaimDocument';
  readonly document: ClaimDocumentCode;
  readonly reference: string;
  readonly receivedOn: IsoDate;
  readonly officerId: string;
}

/** Asking the claimant for missing documents pauses the SLA clock once it runs. */
export interface RequestClaimDocuments {
  readonly type: 'RequestClaimDocuments';
  readonly documents: readonly ClaimDocumentCode[];
  readonly note: string;
  readonly officerId: string;
}

/** The maker: assesses eligibility and proposes the decision (or records the rejection). */
export interface ProposeClaimDecision {
  readonly type: 'ProposeClaimDecision';
  readonly decisionId: string;
  readonly officerId: string;
  readonly facts: ClaimFacts;
}

/**
 * A claim waiting for a sponsor's payment, looked at again (when the sponsor pays, or when the
 * grace ends): the wait ends as eligible (the maker then proposes) or as a rejection.
 */
export interface ReassessPendingClaim {
  readonly type: 'ReassessPendingClaim';
  /** Used only when the claim is rejected. */
  readonly decisionId: string;
  readonly actorId: string;
  readonly facts: ClaimFacts;
}

/** The checker. */
export interface ApproveClaimDecision {
  readonly type: 'ApproveClaimDecision';
  /** The proposal the supervisor looked at. */
  readonly decisionId: string;
  readonly supervisorId: string;
}

export interface SendBackClaimDecision {
  readonly type: 'SendBackClaimDecision';
  readonly decisionId: string;
  readonly supervisorId: string;
  readonly reason: string;
}

/**
 * The maker proposes to reject the claim on the evidence, where no eligibility policy decides
 * (forged documents, a withdrawn claim…): a reason code from the closed list and a note, both
 * required. It takes effect only when a checker confirms it (ApproveClaimDecision).
 */
export interface ProposeClaimRejection {
  readonly type: 'ProposeClaimRejection';
  readonly decisionId: string;
  readonly officerId: string;
  /** One of OFFICER_REJECTION_REASONS; the decider refuses any other (REASON_CODE_INVALID). */
  readonly reasonCode: string;
  readonly note: string;
}

/** The checker rejects the approval proposal they looked at, instead of approving it. */
export interface RejectClaimDecision {
  readonly type: 'RejectClaimDecision';
  /** The proposal the supervisor looked at. */
  readonly decisionId: string;
  readonly supervisorId: string;
  /** One of OFFICER_REJECTION_REASONS, as for the maker. */
  readonly reasonCode: string;
  readonly note: string;
}

/** An appeal or a correction: the decided claim opens again for a new decision. */
export interface ReopenClaim {
  readonly type: 'ReopenClaim';
  readonly kind: 'appeal' | 'correction';
  readonly reason: string;
  readonly officerId: string;
}

export type ClaimCommand =
  | SubmitJkkClaim
  | SubmitJkmClaim
  | RecordClaimDocument
  | RequestClaimDocuments
  | ProposeClaimDecision
  | ReassessPendingClaim
  | ApproveClaimDecision
  | SendBackClaimDecision
  | ProposeClaimRejection
  | RejectClaimDecision
  | ReopenClaim;

/** What a claim decision needs from outside, passed in so the decider stays pure. */
export interface ClaimDecisionContext {
  /** The calendar day the command is decided on (Asia/Jakarta). */
  readonly today: IsoDate;
  /** Working days for the payment SLA (national holidays, cuti bersama as extra). */
  readonly calendar: WorkingDayCalendar;
  /** Maker–checker: a proposal at or above this many rupiah needs a second person. */
  readonly makerCheckerThreshold: number;
  /** Product decision 1; SPONSOR_GRACE_MONTHS when absent. */
  readonly sponsorGraceMonths?: number;
}
