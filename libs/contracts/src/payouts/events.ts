/**
 * Published language of the payouts context (topic `payouts.events`), the finance contract:
 * payout plans per approved decision, payout orders per beneficiary and their disbursement
 * lifecycle, bank batches and late-payment compensation. Type names are stable strings; a
 * changed shape gets a new schemaVersion, an upcaster and a new JSON Schema, never an edit.
 *
 * Amounts are whole rupiah (IDR, integers). Payout ids are stable: derived from the decision
 * and the beneficiary, so a redelivered decision names the same payout. Personal data
 * (PAYOUTS_PERSONAL_DATA_PATHS) travels encrypted with the participant's key; these types
 * describe the decrypted payload, the JSON Schemas in `./schemas` the form on the wire.
 *
 * Settlement reports come back on `payouts.settlements` as plain JSON (`SettlementReport`):
 * the finance system or bank need not speak the platform's event envelope.
 */
import type {
  ClaimBenefitType,
  ClaimProgram,
  ComponentAmount,
  DecisionExplanation,
} from '../claims/events';
import type { BankAccount, HeirRelationship, IsoDate } from '../enrollment/events';

// ---------------------------------------------------------------------------------------------
// Shared vocabulary
// ---------------------------------------------------------------------------------------------

/** What the money is for: a JKK or JKM benefit, or a scholarship instalment. */
export type PayoutProgram = ClaimProgram | 'scholarship';
export const PAYOUT_PROGRAMS: readonly PayoutProgram[] = ['jkk', 'jkm', 'scholarship'];

/** A benefit (or instalment) ordered by a decision, or compensation for paying it late. */
export type PayoutKind = 'benefit' | 'late-payment-compensation';

/** `batched`: in a prepared bank batch whose file has not been marked as sent to the bank. */
export type PayoutStatus =
  | 'scheduled'
  | 'batched'
  | 'instructed'
  | 'settled'
  | 'failed'
  | 'returned'
  | 'cancelled';
export const PAYOUT_STATUSES: readonly PayoutStatus[] = [
  'scheduled',
  'batched',
  'instructed',
  'settled',
  'failed',
  'returned',
  'cancelled',
];

/** Where a payout's order came from. */
export type PayoutDecisionSource = 'claim-decision' | 'scholarship-instalment';

export interface PayoutDecisionReference {
  /** `ClaimApproved.decisionId`, or the scholarship `applicationId` (one instalment, one decision). */
  readonly decisionId: string;
  readonly source: PayoutDecisionSource;
  readonly claimId: string;
  readonly entitlementId: string | null;
  readonly applicationId: string | null;
}

export type BeneficiaryKind = 'participant' | 'heir' | 'burial-arranger' | 'scholarship-account';

/** Who receives the money (the decision's payee). */
export interface Beneficiary {
  /** `<kind>:<id>` — stable across a decision and the decisions that supersede it. */
  readonly beneficiaryId: string;
  readonly kind: BeneficiaryKind;
  readonly fullName: string;
  /** For an heir: the relationship to the participant (ahli waris); null otherwise. */
  readonly relationship: HeirRelationship | null;
  /** For a scholarship: whose account — the child's or the guardian's; null otherwise. */
  readonly accountHolder: 'child' | 'guardian' | null;
}

// ---------------------------------------------------------------------------------------------
// Payout plan, stream `payout-plan-<decisionId>`: what one approved decision orders to pay
// ---------------------------------------------------------------------------------------------

export interface PlannedPayout {
  readonly payoutId: string;
  readonly beneficiaryId: string;
  readonly amount: number;
}

/** A payout of a superseded decision that stays: it is with the bank or already paid. */
export interface CarriedOverPayout {
  readonly payoutId: string;
  readonly beneficiaryId: string;
  readonly amount: number;
  readonly status: 'instructed' | 'settled';
}

export interface PayoutPlanCreated {
  readonly decision: PayoutDecisionReference;
  readonly participantId: string;
  readonly program: PayoutProgram;
  readonly benefitType: ClaimBenefitType | null;
  /** Sum of the decision's disbursements: what the beneficiaries must receive in the end. */
  readonly decidedAmount: number;
  /** No heir: what goes back to the social security fund instead of a beneficiary. */
  readonly retainedByFund: number;
  readonly supersedesDecisionId: string | null;
  /** New payout orders: the decided amount per beneficiary less what is carried over. */
  readonly payouts: readonly PlannedPayout[];
  readonly carriedOver: readonly CarriedOverPayout[];
  /** Paid (or with the bank) beyond what the superseding decision gives: to be recovered. */
  readonly excess: readonly { readonly beneficiaryId: string; readonly amount: number }[];
  /** The SLA due date of the claim decision; null for scholarship instalments. */
  readonly dueDate: IsoDate | null;
  readonly approvedOn: IsoDate;
  readonly plannedOn: IsoDate;
}

export interface PayoutPlanSuperseded {
  readonly decisionId: string;
  readonly participantId: string;
  readonly supersededByDecisionId: string;
  /** Orders not yet with the bank, cancelled; the superseding plan orders their amounts anew. */
  readonly cancelledPayoutIds: readonly string[];
  /** Orders with the bank or paid; the superseding plan counts them. */
  readonly carriedOverPayoutIds: readonly string[];
  readonly supersededOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Payout order, stream `payout-<payoutId>`: one beneficiary, one amount, its disbursement
// ---------------------------------------------------------------------------------------------

export interface LatePaymentCompensationRecord {
  /** The payout that was settled late. */
  readonly compensatesPayoutId: string;
  readonly benefitAmount: number;
  readonly dueDate: IsoDate;
  readonly settledOn: IsoDate;
  readonly daysLate: number;
  /** From `@santunan/rules` (LATE_PAYMENT_COMPENSATION): `recompute` re-derives the amount. */
  readonly explanation: DecisionExplanation;
}

/** Claims' payment deadline for the decision (from `ClaimApproved.sla`). */
export interface PayoutSla {
  readonly program: ClaimProgram;
  /** The complete-claim date: late-payment compensation follows the rule set in force then. */
  readonly documentsCompletedOn: IsoDate;
  /** The last day payment is on time, pauses for requested documents included. */
  readonly dueDate: IsoDate;
  readonly ruleSetId: string;
}

export interface PayoutScheduled {
  readonly payoutId: string;
  readonly kind: PayoutKind;
  readonly decision: PayoutDecisionReference;
  readonly participantId: string;
  readonly program: PayoutProgram;
  readonly benefitType: ClaimBenefitType | null;
  readonly beneficiary: Beneficiary;
  readonly bankAccount: BankAccount;
  /** What the amount is made of, by the decision's component codes (legal basis there). */
  readonly components: readonly ComponentAmount[];
  readonly amount: number;
  readonly currency: 'IDR';
  /** The last day payment is on time (`sla.dueDate`); null for instalments and compensation. */
  readonly dueDate: IsoDate | null;
  readonly sla: PayoutSla | null;
  /** Kabupaten/kota code when the decision carries one; null otherwise. */
  readonly regencyCode: string | null;
  readonly compensation: LatePaymentCompensationRecord | null;
  readonly scheduledOn: IsoDate;
}

/**
 * The payout went into a prepared bank batch (its file generated): locked there, in no other
 * batch and not cancellable, until the batch is marked instructed. No money has moved yet.
 */
export interface PayoutBatched {
  readonly payoutId: string;
  readonly batchId: string;
  /** 1 for the first instruction, +1 for each reissue. */
  readonly attempt: number;
  readonly amount: number;
  /** The account the batch's file pays into (a reissue changes it for a later attempt). */
  readonly bankAccount: BankAccount;
  readonly batchedOn: IsoDate;
}

/**
 * The payout was handed to the bank: a finance officer marked its batch's file as sent (uploaded
 * to the bank's portal, host-to-host). Before ADR 0035 it was recorded when the batch was made.
 */
export interface PayoutInstructed {
  readonly payoutId: string;
  readonly batchId: string;
  /** 1 for the first instruction, +1 for each reissue. */
  readonly attempt: number;
  readonly amount: number;
  /** The account this instruction pays into (a reissue changes it). */
  readonly bankAccount: BankAccount;
  readonly instructedOn: IsoDate;
}

export interface PayoutSettled {
  readonly payoutId: string;
  readonly batchId: string;
  readonly attempt: number;
  readonly bankReference: string;
  readonly settlementReportId: string;
  readonly amount: number;
  /** The bank's value date. */
  readonly settledOn: IsoDate;
  readonly dueDate: IsoDate | null;
  /** Settled after the due date: a compensation payout follows (first settlement only). */
  readonly late: boolean;
}

export interface PayoutFailed {
  readonly payoutId: string;
  readonly batchId: string;
  readonly attempt: number;
  readonly bankReference: string;
  readonly settlementReportId: string;
  /** The bank's code (e.g. ACCOUNT_CLOSED, INVALID_ACCOUNT). */
  readonly reasonCode: string;
  readonly reason: string;
  readonly failedOn: IsoDate;
}

/** The bank sent a settled payout's money back (account closed after credit, recalled, …). */
export interface PayoutReturned {
  readonly payoutId: string;
  readonly batchId: string;
  readonly attempt: number;
  readonly bankReference: string;
  readonly settlementReportId: string;
  readonly amount: number;
  readonly reasonCode: string;
  readonly reason: string;
  readonly returnedOn: IsoDate;
}

/** Maker: finance asks to pay a failed or returned payout into a corrected account. */
export interface PayoutReissueRequested {
  readonly payoutId: string;
  readonly requestId: string;
  readonly bankAccount: BankAccount;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedOn: IsoDate;
}

/** Checker: another person approved the corrected account; the payout waits for a batch again. */
export interface PayoutReissued {
  readonly payoutId: string;
  readonly requestId: string;
  /** The attempt the next instruction will be. */
  readonly attempt: number;
  readonly bankAccount: BankAccount;
  readonly reason: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  readonly reissuedOn: IsoDate;
}

export type PayoutCancellationReason =
  | 'decision-superseded'
  | 'returned-to-fund'
  | 'cancelled-by-finance';

export interface PayoutCancelled {
  readonly payoutId: string;
  readonly reason: PayoutCancellationReason;
  readonly note: string;
  readonly supersededByDecisionId: string | null;
  readonly cancelledBy: string;
  readonly cancelledOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Bank batch, stream `payout-batch-<batchId>`: payouts handed to the bank together
// ---------------------------------------------------------------------------------------------

/** A bank batch prepared: its payouts are locked into it and its bank file can be downloaded. */
export interface PayoutBatchPrepared {
  readonly batchId: string;
  readonly payouts: readonly {
    readonly payoutId: string;
    readonly attempt: number;
    readonly amount: number;
  }[];
  readonly count: number;
  readonly total: number;
  readonly currency: 'IDR';
  /** The bank file's name (`GET /payout-batches/<batchId>/file`). */
  readonly fileName: string;
  readonly preparedBy: string;
  readonly preparedOn: IsoDate;
}

/**
 * The batch's file was handed to the bank: `instructedBy` marked it so on `instructedOn` (ADR
 * 0035). A batch recorded before ADR 0035 has this event alone, written when it was made.
 */
export interface PayoutBatchInstructed {
  readonly batchId: string;
  readonly payouts: readonly {
    readonly payoutId: string;
    readonly attempt: number;
    readonly amount: number;
  }[];
  readonly count: number;
  readonly total: number;
  readonly currency: 'IDR';
  /** The bank file's name (`GET /payout-batches/<batchId>/file`). */
  readonly fileName: string;
  readonly instructedBy: string;
  readonly instructedOn: IsoDate;
}

/** The bank's own reference for the upload or transfer of the batch's file (its portal's id). */
export interface PayoutBatchBankReferenceRecorded {
  readonly batchId: string;
  readonly bankReference: string;
  readonly recordedBy: string;
  readonly recordedOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// The union, schema versions and personal data
// ---------------------------------------------------------------------------------------------

export interface PayoutsEventMap {
  PayoutPlanCreated: PayoutPlanCreated;
  PayoutPlanSuperseded: PayoutPlanSuperseded;
  PayoutScheduled: PayoutScheduled;
  PayoutBatched: PayoutBatched;
  PayoutInstructed: PayoutInstructed;
  PayoutSettled: PayoutSettled;
  PayoutFailed: PayoutFailed;
  PayoutReturned: PayoutReturned;
  PayoutReissueRequested: PayoutReissueRequested;
  PayoutReissued: PayoutReissued;
  PayoutCancelled: PayoutCancelled;
  PayoutBatchPrepared: PayoutBatchPrepared;
  PayoutBatchInstructed: PayoutBatchInstructed;
  PayoutBatchBankReferenceRecorded: PayoutBatchBankReferenceRecorded;
}

export type PayoutsEventType = keyof PayoutsEventMap;

export type PayoutsEvent = {
  [Type in PayoutsEventType]: { readonly type: Type; readonly data: PayoutsEventMap[Type] };
}[PayoutsEventType];

export type PayoutsEventOf<Type extends PayoutsEventType> = Extract<PayoutsEvent, { type: Type }>;

export const PAYOUTS_SCHEMA_VERSIONS: Readonly<Record<PayoutsEventType, number>> = {
  PayoutPlanCreated: 1,
  PayoutPlanSuperseded: 1,
  PayoutScheduled: 1,
  PayoutBatched: 1,
  PayoutInstructed: 1,
  PayoutSettled: 1,
  PayoutFailed: 1,
  PayoutReturned: 1,
  PayoutReissueRequested: 1,
  PayoutReissued: 1,
  PayoutCancelled: 1,
  PayoutBatchPrepared: 1,
  PayoutBatchInstructed: 1,
  PayoutBatchBankReferenceRecorded: 1,
};

const ACCOUNT = ['bankAccount.accountNumber', 'bankAccount.accountName'] as const;

/**
 * Fields encrypted with the participant's key (UU PDP 27/2022), as claims encrypts them: erasing
 * the participant's key shreds the beneficiary's name and account in every copy.
 */
export const PAYOUTS_PERSONAL_DATA_PATHS: Readonly<Record<PayoutsEventType, readonly string[]>> = {
  PayoutPlanCreated: [],
  PayoutPlanSuperseded: [],
  PayoutScheduled: ['beneficiary.fullName', ...ACCOUNT],
  PayoutBatched: [...ACCOUNT],
  PayoutInstructed: [...ACCOUNT],
  PayoutSettled: [],
  PayoutFailed: [],
  PayoutReturned: [],
  PayoutReissueRequested: [...ACCOUNT],
  PayoutReissued: [...ACCOUNT],
  PayoutCancelled: [],
  PayoutBatchPrepared: [],
  PayoutBatchInstructed: [],
  PayoutBatchBankReferenceRecorded: [],
};

// ---------------------------------------------------------------------------------------------
// Settlement reports (topic `payouts.settlements`), from the bank / finance system
// ---------------------------------------------------------------------------------------------

export type SettlementOutcome = 'settled' | 'failed' | 'returned';
export const SETTLEMENT_OUTCOMES: readonly SettlementOutcome[] = ['settled', 'failed', 'returned'];

export const SETTLEMENT_REPORT_SCHEMA_VERSION = 1;

/**
 * One bank outcome for one payout of one batch. Plain JSON on `payouts.settlements`, keyed
 * by payoutId. `reportId` names the report (a resend keeps it); the bank reference names the
 * bank's transaction — a payout never records the same reference twice.
 */
export interface SettlementReport {
  readonly schemaVersion: 1;
  readonly reportId: string;
  readonly payoutId: string;
  readonly batchId: string;
  readonly outcome: SettlementOutcome;
  readonly bankReference: string;
  /** Whole rupiah, as moved by the bank (must equal the payout's amount). */
  readonly amount: number;
  /** The bank's value date (Asia/Jakarta). */
  readonly valueDate: IsoDate;
  /** Required for `failed` and `returned`. */
  readonly reasonCode: string | null;
  readonly reason: string | null;
  /** When the bank reported it (ISO-8601 instant). */
  readonly reportedAt: string;
}
