import type { BankAccount, HeirRelationship, IsoDate, IsoMonth } from '@santunan/contracts';

/**
 * The facts a claim decision needs from other contexts, built by the claims service from its
 * local projections of enrollment and contributions events (event-carried state). They are the
 * claims domain's own types, so the domain depends on no other context's code.
 */

export interface IncomePeriodFact {
  /** Integer rupiah per month. */
  readonly declaredIncome: number;
  readonly effectiveFrom: IsoMonth;
}

/** From enrollment: ParticipantRegistered, DeclaredIncomeChanged. */
export interface ParticipantFacts {
  readonly participantId: string;
  readonly fullName: string;
  /** BPU (informal worker, declared income) or PU (wage earner). */
  readonly segment: 'bpu' | 'pu';
  /** The day the participant was registered. */
  readonly registeredOn: IsoDate;
  /** Oldest first; the income in force in a month is the last period starting on or before it. */
  readonly incomeHistory: readonly IncomePeriodFact[];
}

export type ContributionPayerFact =
  | { readonly kind: 'self' }
  | { readonly kind: 'program'; readonly programId: string };

/** From contributions: ContributionPaid. */
export interface PaidMonthFact {
  readonly month: IsoMonth;
  /** The instant of payment, kept for the record. */
  readonly paidAt: string;
  /** The local calendar day of payment: this is what is compared with the incident date. */
  readonly paidOn: IsoDate;
  readonly payer: ContributionPayerFact;
  readonly reference: string;
}

/** From contributions: a sponsorship agreement period covering the participant (PKS). */
export interface SponsorshipPeriodFact {
  readonly programId: string;
  readonly fromMonth: IsoMonth;
  /** Inclusive; null while open-ended. */
  readonly toMonth: IsoMonth | null;
}

/**
 * From contributions: CoverageLapsed / CoverageReinstated. The membership is not active from
 * `lapsedFrom` (the first day of the first unpaid month of the run that ended it) until the day
 * before `reinstatedOn`.
 */
export interface MembershipLapseFact {
  readonly lapsedFrom: IsoDate;
  readonly reinstatedOn: IsoDate | null;
  readonly cause: 'self-paying-arrears' | 'sponsor-arrears';
}

export interface CoverageFacts {
  readonly paidMonths: readonly PaidMonthFact[];
  readonly sponsorships: readonly SponsorshipPeriodFact[];
  /** The first paid month of the membership; derived from `paidMonths` when absent. */
  readonly firstPaidMonth?: IsoMonth | null;
  readonly lapses: readonly MembershipLapseFact[];
}

/** From enrollment: HeirsDesignated, plus what the claim's documents evidence. */
export interface HeirFact {
  readonly heirId: string;
  readonly fullName: string;
  readonly relationship: HeirRelationship;
  readonly birthDate?: IsoDate;
  readonly bankAccount?: BankAccount;
}

export interface BurialArrangerFact {
  readonly arrangerId: string;
  readonly fullName: string;
  readonly bankAccount?: BankAccount;
}

export interface HeirFacts {
  /** Living heirs as evidenced by the heir certificate and family card. */
  readonly heirs: readonly HeirFact[];
  /** The heir the others chose to receive the cash (product decision 4). */
  readonly nominatedPayeeId?: string;
  /** Heirs whose consent to the payee is recorded. */
  readonly consentsGivenBy?: readonly string[];
  /** For the no-heir rule: the funeral benefit goes to whoever arranged the burial. */
  readonly burialArrangedBy?: BurialArrangerFact | null;
}

/** From enrollment: ChildRegisteredForScholarship. */
export interface RegisteredChildFact {
  readonly childId: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly registeredOn: IsoDate;
}

/** The claims service's own accident report (stage I), as the claim sees it. */
export interface AccidentReportFacts {
  readonly reportId: string;
  readonly participantId: string;
  readonly incidentDate: IsoDate;
  readonly trafficAccident: boolean;
  readonly status: 'reported' | 'confirmed' | 'refuted';
}

/** The claims service's own death register for the participant. */
export interface DeathRegisterFacts {
  readonly dateOfDeath: IsoDate | null;
  /** The claim holding the one death benefit of this death, if any. */
  readonly benefitClaimedBy: {
    readonly claimId: string;
    readonly program: 'jkk' | 'jkm';
    readonly claimedOn: IsoDate;
  } | null;
}

/** Where a PP 44/2015 flat scholarship is paid: the child's or guardian's account (decision 4). */
export interface ScholarshipAccountFact {
  readonly holder: 'child' | 'guardian';
  readonly childId: string | null;
  readonly fullName: string;
  readonly bankAccount: BankAccount;
}

/** Everything a claim decision is made on besides the claim itself. */
export interface ClaimFacts {
  readonly participant: ParticipantFacts;
  readonly coverage: CoverageFacts;
  /** JKK claims: the stage I report. */
  readonly accidentReport: AccidentReportFacts | null;
  /** Death claims: the death register. */
  readonly deathRegister: DeathRegisterFacts | null;
  /** Death claims: the heirs. */
  readonly heirs: HeirFacts | null;
  /** Children registered for scholarships (death and CTT claims). */
  readonly children: readonly RegisteredChildFact[];
  /** Only for a PP 44/2015 death or CTT that pays a flat scholarship. */
  readonly scholarshipAccount: ScholarshipAccountFact | null;
}
