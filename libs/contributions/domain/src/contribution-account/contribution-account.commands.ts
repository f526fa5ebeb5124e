import type {
  ContributionSector,
  IsoDate,
  IsoInstant,
  IsoMonth,
  Membership,
  MonthlyContribution,
  SponsorPayerType,
} from '@santunan/contracts';
import type { WorkingDayCalendar } from '@santunan/rules';
import type { ContributionPolicy } from './contribution-policy';

/** From enrollment's ParticipantRegistered. A sponsored membership starts with StartSponsorship. */
export interface OpenContributionAccount {
  readonly type: 'OpenContributionAccount';
  readonly participantId: string;
  /** Mapped from the occupation at the edge: only the PP 50/2025 transport question matters. */
  readonly sector: ContributionSector;
  readonly declaredIncome: number;
  /** A self-paying membership starts in this month. */
  readonly incomeEffectiveFrom: IsoMonth;
  readonly membership: Membership;
}

/** From enrollment's DeclaredIncomeChanged. */
export interface RecordDeclaredIncome {
  readonly type: 'RecordDeclaredIncome';
  readonly declaredIncome: number;
  readonly effectiveFrom: IsoMonth;
}

/** After the program's ParticipantSponsored: the sponsorship period and the agreed tariff. */
export interface StartSponsorship {
  readonly type: 'StartSponsorship';
  readonly programId: string;
  readonly payerType: SponsorPayerType;
  readonly fromMonth: IsoMonth;
  readonly toMonth: IsoMonth;
  readonly contribution: MonthlyContribution;
}

/** A new self-paying membership: after a sponsorship ended, or after a lapse. */
export interface StartSelfPayingMembership {
  readonly type: 'StartSelfPayingMembership';
  readonly fromMonth: IsoMonth;
}

/** Sent by a scheduler for every account at the start of each month. */
export interface BillContributionMonth {
  readonly type: 'BillContributionMonth';
  readonly month: IsoMonth;
}

/** A self-paying participant pays 1, 3, 6 or 12 months, starting with the oldest unpaid one. */
export interface PaySelfContribution {
  readonly type: 'PaySelfContribution';
  readonly paymentReference: string;
  readonly firstMonth: IsoMonth;
  readonly months: number;
  /** Exactly the sum of the months' contributions, integer rupiah. */
  readonly amount: number;
  readonly paidAt: IsoInstant;
  /** The business date the payment counts on (bank value date, Asia/Jakarta). */
  readonly paidOn: IsoDate;
}

/** One participant's share of a sponsor payment (from SponsorPaymentAllocated). */
export interface RecordSponsoredContribution {
  readonly type: 'RecordSponsoredContribution';
  readonly programId: string;
  readonly month: IsoMonth;
  readonly paymentReference: string;
  readonly contribution: MonthlyContribution;
  readonly paidAt: IsoInstant;
  readonly paidOn: IsoDate;
}

/** Sent by a scheduler after a month ends: unpaid months go into arrears, then lapse. */
export interface CloseContributionMonth {
  readonly type: 'CloseContributionMonth';
  readonly month: IsoMonth;
}

/** From enrollment's ParticipantDeceased. */
export interface RecordDeath {
  readonly type: 'RecordDeath';
  readonly dateOfDeath: IsoDate;
}

export type ContributionAccountCommand =
  | OpenContributionAccount
  | RecordDeclaredIncome
  | StartSponsorship
  | StartSelfPayingMembership
  | BillContributionMonth
  | PaySelfContribution
  | RecordSponsoredContribution
  | CloseContributionMonth
  | RecordDeath;

/** What a decision needs from outside, passed in so the decider stays pure. */
export interface ContributionAccountContext {
  /** The calendar date the command is decided on (Asia/Jakarta). */
  readonly today: IsoDate;
  /** Working days for due dates: `indonesianWorkingDayCalendar()` from the rules library. */
  readonly calendar: WorkingDayCalendar;
  readonly policy: ContributionPolicy;
}
