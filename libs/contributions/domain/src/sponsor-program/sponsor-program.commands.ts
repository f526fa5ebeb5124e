import type { IsoDate, IsoInstant, IsoMonth, SponsorType } from '@santunan/contracts';
import type { WorkingDayCalendar } from '@santunan/rules';

export interface OpenSponsorProgram {
  readonly type: 'OpenSponsorProgram';
  readonly programId: string;
  readonly name: string;
  readonly sponsorType: SponsorType;
  /** The cooperation agreement (PKS) number. */
  readonly pksNumber: string;
  /** Integer rupiah. */
  readonly budget: number;
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
  /** The income the tariff is assessed on; the BPU floor in force when omitted. */
  readonly declaredIncome?: number;
}

/** Sponsor a participant from `fromMonth` to the program's last month, committing budget. */
export interface EnrolParticipant {
  readonly type: 'EnrolParticipant';
  readonly participantId: string;
  readonly fromMonth: IsoMonth;
}

/** After a death: the sponsorship stops after `lastMonth` (the death month). */
export interface EndSponsorship {
  readonly type: 'EndSponsorship';
  readonly participantId: string;
  readonly lastMonth: IsoMonth;
  readonly reason: 'participant-deceased';
}

/** The month's statement to the sponsor: sent by a scheduler at the start of each month. */
export interface IssueSponsorStatement {
  readonly type: 'IssueSponsorStatement';
  readonly month: IsoMonth;
}

export interface ReceiveSponsorPayment {
  readonly type: 'ReceiveSponsorPayment';
  readonly month: IsoMonth;
  readonly paymentReference: string;
  readonly amount: number;
  readonly paidAt: IsoInstant;
  /** The business date the payment counts on (bank value date, Asia/Jakarta). */
  readonly paidOn: IsoDate;
}

/** No more enrolments; running sponsorships continue to their end. */
export interface CloseSponsorProgram {
  readonly type: 'CloseSponsorProgram';
  readonly reason: string;
}

export type SponsorProgramCommand =
  | OpenSponsorProgram
  | EnrolParticipant
  | EndSponsorship
  | IssueSponsorStatement
  | ReceiveSponsorPayment
  | CloseSponsorProgram;

/** What a decision needs from outside, passed in so the decider stays pure. */
export interface SponsorProgramContext {
  /** The calendar date the command is decided on (Asia/Jakarta). */
  readonly today: IsoDate;
  /** Working days for due dates: `indonesianWorkingDayCalendar()` from the rules library. */
  readonly calendar: WorkingDayCalendar;
}
