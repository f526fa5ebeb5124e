/**
 * Published language of the contributions context (topic `contributions.events`): sponsor
 * programs and their budgets, monthly dues (iuran), payments, coverage and refunds. Claims
 * decides eligibility from these events alone (product decision 1), so every fact it needs
 * travels here: the months paid with their paid-on date and grace, sponsorship periods,
 * arrears, lapses and reinstatements. Type names are stable strings; a changed shape gets a
 * new schemaVersion and an upcaster, never an edit. Design: docs/adr/0008.
 *
 * No personal data: participants are named by id only.
 */
import type { IsoDate, IsoMonth } from '../enrollment/events';

/** ISO-8601 instant with an explicit offset, e.g. `2026-01-14T09:30:00+07:00`. */
export type IsoInstant = string;

/** Who sponsors a program: a provincial, kabupaten/kota or village government, or a CSR donor. */
export type SponsorType = 'province' | 'regency' | 'village' | 'csr';

export const SPONSOR_TYPES: readonly SponsorType[] = ['province', 'regency', 'village', 'csr'];

/**
 * The rules library's payer kind for a sponsor: government budgets are APBD (never discounted
 * under PP 50/2025), a CSR donor is another sponsor.
 */
export type SponsorPayerType = 'apbd' | 'other-sponsor';

/** The only sector distinction the rules need (PP 50/2025 discounts transport BPU). */
export type ContributionSector = 'transport' | 'other';

export const CONTRIBUTION_SECTORS: readonly ContributionSector[] = ['transport', 'other'];

/** Who pays a participant's month: the participant, or a sponsor program. */
export type ContributionPayer =
  | { readonly kind: 'self' }
  | { readonly kind: 'program'; readonly programId: string };

/** One month's BPU contribution, integer rupiah, JKK and JKM apart. */
export interface MonthlyContribution {
  readonly jkk: number;
  readonly jkm: number;
  readonly total: number;
}

// ---------------------------------------------------------------------------------------------
// Sponsor program stream (`sponsor-program-<programId>`)

export interface SponsorProgramOpened {
  readonly programId: string;
  readonly name: string;
  readonly sponsorType: SponsorType;
  readonly payerType: SponsorPayerType;
  /** The cooperation agreement (PKS) number. */
  readonly pksNumber: string;
  /** Integer rupiah. */
  readonly budget: number;
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
  readonly months: number;
  /** The income the tariff is assessed on (the floor unless the PKS says otherwise). */
  readonly declaredIncome: number;
  /** Tariff per worker per month, the same for every coverage month. */
  readonly contribution: MonthlyContribution;
  /** Rule sets the tariff was assessed under, one per distinct set over the coverage months. */
  readonly ruleSetIds: readonly string[];
  /** Workers the budget covers for the whole period: floor(budget ÷ (tariff × months)). */
  readonly quota: number;
}

export interface ParticipantSponsored {
  readonly programId: string;
  readonly participantId: string;
  /** 1, 2, 3… in enrolment order: the order sponsor payments are allocated in. */
  readonly enrolmentNumber: number;
  readonly fromMonth: IsoMonth;
  readonly toMonth: IsoMonth;
  readonly months: number;
  readonly payerType: SponsorPayerType;
  readonly contribution: MonthlyContribution;
  /** Budget committed: tariff × months. */
  readonly commitment: number;
}

export interface ParticipantSponsorshipEnded {
  readonly programId: string;
  readonly participantId: string;
  /** The last month still sponsored (the death month). */
  readonly lastMonth: IsoMonth;
  /** Commitment given back to the budget for the months no longer sponsored. */
  readonly releasedCommitment: number;
  readonly reason: 'participant-deceased';
}

/** The sponsor's monthly statement; its lines are the program's dues of the month in enrolment order. */
export interface SponsorStatementIssued {
  readonly programId: string;
  readonly month: IsoMonth;
  readonly nominalDueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly dues: number;
  readonly jkk: number;
  readonly jkm: number;
  readonly total: number;
}

export interface SponsorPaymentReceived {
  readonly programId: string;
  readonly month: IsoMonth;
  readonly paymentReference: string;
  readonly amount: number;
  readonly paidAt: IsoInstant;
  /** The business date the payment counts on (bank value date, Asia/Jakarta). */
  readonly paidOn: IsoDate;
  /** Whole dues this payment settled (with any amount held from earlier payments of the month). */
  readonly allocatedDues: number;
  readonly allocatedAmount: number;
  /** Every due of the month up to this enrolment number is now paid. */
  readonly paidThroughEnrolment: number;
  /** Money of the month not enough for one more whole due, held for the month's next payment. */
  readonly heldForMonth: number;
  /** Still owed for the month after this payment (held money already deducted). */
  readonly outstandingForMonth: number;
}

/** One batch of the participants a sponsor payment paid, in enrolment order. */
export interface SponsorPaymentAllocated {
  readonly programId: string;
  readonly month: IsoMonth;
  readonly paymentReference: string;
  readonly paidAt: IsoInstant;
  readonly paidOn: IsoDate;
  readonly contribution: MonthlyContribution;
  readonly participantIds: readonly string[];
  readonly amount: number;
  /** 1-based batch number and count, so a consumer can tell it has seen them all. */
  readonly batch: number;
  readonly batches: number;
}

export interface SponsorProgramClosed {
  readonly programId: string;
  readonly closedOn: IsoDate;
  readonly reason: string;
}

// ---------------------------------------------------------------------------------------------
// Participant contribution account stream (`contribution-account-<participantId>`)

export interface ContributionAccountOpened {
  readonly participantId: string;
  readonly sector: ContributionSector;
  readonly declaredIncome: number;
  readonly incomeEffectiveFrom: IsoMonth;
}

export interface SelfPayingMembershipStarted {
  readonly participantId: string;
  readonly fromMonth: IsoMonth;
}

/** The sponsorship period claims checks a sponsored incident against. */
export interface SponsorshipStarted {
  readonly participantId: string;
  readonly programId: string;
  readonly payerType: SponsorPayerType;
  readonly fromMonth: IsoMonth;
  readonly toMonth: IsoMonth;
  readonly contribution: MonthlyContribution;
}

export interface DeclaredIncomeRecorded {
  readonly participantId: string;
  readonly declaredIncome: number;
  readonly effectiveFrom: IsoMonth;
}

export interface ContributionBilled {
  readonly participantId: string;
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
  readonly declaredIncome: number;
  readonly jkk: number;
  readonly jkm: number;
  readonly total: number;
  /** Rule set of a self-paid due; null for a sponsored due (the program's agreed tariff). */
  readonly ruleSetId: string | null;
  /** Whether the PP 50/2025 discount was applied. */
  readonly discounted: boolean;
  readonly nominalDueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** The month may still be paid until the end of this month (three months' grace). */
  readonly graceLastMonth: IsoMonth;
}

export interface ContributionPaid {
  readonly participantId: string;
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
  readonly jkk: number;
  readonly jkm: number;
  readonly amount: number;
  readonly paymentReference: string;
  readonly paidAt: IsoInstant;
  readonly paidOn: IsoDate;
  readonly graceLastMonth: IsoMonth;
  /** Paid on or before the end of graceLastMonth (a later payment reinstates, never covers). */
  readonly withinGrace: boolean;
  /**
   * The coverage this payment extended (v2): set on the last month of a payment that moved
   * the paid-through month, null otherwise. Before v2 a separate CoverageExtended followed the
   * payment; upcast v1 payments read null here, their CoverageExtended still follows them.
   */
  readonly coverageExtended: CoverageExtension | null;
}

/** Every month due up to paidThrough is paid (months whose grace ran out unpaid are skipped). */
export interface CoverageExtension {
  readonly paidThrough: IsoMonth;
  readonly firstPaidMonth: IsoMonth;
  /** Distinct paid months. */
  readonly masaIurMonths: number;
}

/**
 * Recorded up to ContributionPaid v2, which carries the same facts (`coverageExtended`);
 * no longer recorded, read from history.
 */
export interface CoverageExtended {
  readonly participantId: string;
  /** Every month due up to here is paid (months whose grace ran out unpaid are skipped). */
  readonly paidThrough: IsoMonth;
  readonly firstPaidMonth: IsoMonth;
  /** Distinct paid months. */
  readonly masaIurMonths: number;
}

export interface ContributionArrearsRecorded {
  readonly participantId: string;
  /** The month that ended unpaid. */
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
  readonly graceLastMonth: IsoMonth;
  /** Every month now unpaid and still within its grace, oldest first. */
  readonly arrearsMonths: readonly IsoMonth[];
}

export interface ContributionGraceExpired {
  readonly participantId: string;
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
}

export type CoverageLapseCause = 'self-paying-arrears' | 'sponsor-arrears';

export interface CoverageLapsed {
  readonly participantId: string;
  /** The consecutive unpaid months (more than three) that ended the membership. */
  readonly unpaidMonths: readonly IsoMonth[];
  readonly cause: CoverageLapseCause;
  readonly payer: ContributionPayer;
  /**
   * A self-paying membership ends for good; a sponsored one is reinstated if the sponsor pays
   * the arrears (rules reference §7).
   */
  readonly reinstatable: boolean;
}

export interface CoverageReinstated {
  readonly participantId: string;
  readonly from: 'in-arrears' | 'lapsed';
  readonly paidBy: ContributionPayer;
  readonly paymentReference: string;
  readonly paidThrough: IsoMonth | null;
}

export interface ContributionAccountClosed {
  readonly participantId: string;
  readonly reason: 'participant-deceased';
  readonly dateOfDeath: IsoDate;
  /** Billing stops after this month (the death month). */
  readonly lastContributionMonth: IsoMonth;
  /** Dues billed for later months and not paid: no longer owed. */
  readonly cancelledDueMonths: readonly IsoMonth[];
}

export interface RefundLine {
  readonly month: IsoMonth;
  readonly paymentReference: string;
  readonly amount: number;
}

/**
 * Money received for months after the death month, owed back to whoever paid it (rules
 * reference §7). One event per payer; the name keeps the architecture's "refund due".
 */
export interface RefundDue {
  readonly participantId: string;
  readonly payer: ContributionPayer;
  readonly months: readonly IsoMonth[];
  readonly amount: number;
  readonly lines: readonly RefundLine[];
  readonly reason: 'months-after-death';
}

export interface ContributionsEventMap {
  SponsorProgramOpened: SponsorProgramOpened;
  ParticipantSponsored: ParticipantSponsored;
  ParticipantSponsorshipEnded: ParticipantSponsorshipEnded;
  SponsorStatementIssued: SponsorStatementIssued;
  SponsorPaymentReceived: SponsorPaymentReceived;
  SponsorPaymentAllocated: SponsorPaymentAllocated;
  SponsorProgramClosed: SponsorProgramClosed;
  ContributionAccountOpened: ContributionAccountOpened;
  SelfPayingMembershipStarted: SelfPayingMembershipStarted;
  SponsorshipStarted: SponsorshipStarted;
  DeclaredIncomeRecorded: DeclaredIncomeRecorded;
  ContributionBilled: ContributionBilled;
  ContributionPaid: ContributionPaid;
  CoverageExtended: CoverageExtended;
  ContributionArrearsRecorded: ContributionArrearsRecorded;
  ContributionGraceExpired: ContributionGraceExpired;
  CoverageLapsed: CoverageLapsed;
  CoverageReinstated: CoverageReinstated;
  ContributionAccountClosed: ContributionAccountClosed;
  RefundDue: RefundDue;
}

export type ContributionsEventType = keyof ContributionsEventMap;

/**
 * Types still in the contract for the history they are part of, no longer recorded by the
 * service: consumers and the audit read them, no decider decides them.
 */
export const CONTRIBUTIONS_HISTORY_ONLY_TYPES: readonly ContributionsEventType[] = [
  'CoverageExtended',
];

/** ContributionPaid as recorded before v2: its coverage extension was a separate event. */
export type ContributionPaidV1 = Omit<ContributionPaid, 'coverageExtended'>;

/**
 * The payloads of earlier schema versions still stored and still on the topic (a replay
 * republishes them as stored): read through the upcasters (`PUBLISHED_EVENT_UPCASTS`).
 */
export interface ContributionsEventMapV1 {
  ContributionPaid: ContributionPaidV1;
}

export type ContributionsEvent = {
  [Type in ContributionsEventType]: {
    readonly type: Type;
    readonly data: ContributionsEventMap[Type];
  };
}[ContributionsEventType];

export type SponsorProgramEventType =
  | 'SponsorProgramOpened'
  | 'ParticipantSponsored'
  | 'ParticipantSponsorshipEnded'
  | 'SponsorStatementIssued'
  | 'SponsorPaymentReceived'
  | 'SponsorPaymentAllocated'
  | 'SponsorProgramClosed';

export type ContributionAccountEventType = Exclude<ContributionsEventType, SponsorProgramEventType>;

/** Events of one sponsor program's stream. */
export type SponsorProgramEvent = Extract<ContributionsEvent, { type: SponsorProgramEventType }>;

/** Events of one participant's contribution account stream. */
export type ContributionAccountEvent = Extract<
  ContributionsEvent,
  { type: ContributionAccountEventType }
>;

export const CONTRIBUTIONS_SCHEMA_VERSIONS: Readonly<Record<ContributionsEventType, number>> = {
  SponsorProgramOpened: 1,
  ParticipantSponsored: 1,
  ParticipantSponsorshipEnded: 1,
  SponsorStatementIssued: 1,
  SponsorPaymentReceived: 1,
  SponsorPaymentAllocated: 1,
  SponsorProgramClosed: 1,
  ContributionAccountOpened: 1,
  SelfPayingMembershipStarted: 1,
  SponsorshipStarted: 1,
  DeclaredIncomeRecorded: 1,
  ContributionBilled: 1,
  ContributionPaid: 2,
  CoverageExtended: 1,
  ContributionArrearsRecorded: 1,
  ContributionGraceExpired: 1,
  CoverageLapsed: 1,
  CoverageReinstated: 1,
  ContributionAccountClosed: 1,
  RefundDue: 1,
};

/** Nothing here is personal data: participants travel as ids, amounts are not identifying. */
export const CONTRIBUTIONS_PERSONAL_DATA_PATHS: Readonly<
  Record<ContributionsEventType, readonly string[]>
> = {
  SponsorProgramOpened: [],
  ParticipantSponsored: [],
  ParticipantSponsorshipEnded: [],
  SponsorStatementIssued: [],
  SponsorPaymentReceived: [],
  SponsorPaymentAllocated: [],
  SponsorProgramClosed: [],
  ContributionAccountOpened: [],
  SelfPayingMembershipStarted: [],
  SponsorshipStarted: [],
  DeclaredIncomeRecorded: [],
  ContributionBilled: [],
  ContributionPaid: [],
  CoverageExtended: [],
  ContributionArrearsRecorded: [],
  ContributionGraceExpired: [],
  CoverageLapsed: [],
  CoverageReinstated: [],
  ContributionAccountClosed: [],
  RefundDue: [],
};
