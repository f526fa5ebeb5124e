import type { IsoMonth, SponsorProgramEvent, SponsorProgramOpened } from '@santunan/contracts';
import { PersistentMap } from '../shared/persistent-map';

export interface Enrolment {
  readonly participantId: string;
  readonly enrolmentNumber: number;
  readonly fromMonth: IsoMonth;
  /** The last sponsored month: the program's last month, or the death month. */
  readonly toMonth: IsoMonth;
  readonly commitment: number;
  readonly ended: boolean;
}

/** What the sponsor has paid for one month of the program. */
export interface MonthLedger {
  readonly statementIssued: boolean;
  /** Dues of the month up to this enrolment number are paid (allocation goes in that order). */
  readonly paidThroughEnrolment: number;
  readonly received: number;
  readonly allocated: number;
  /** Received but short of one more whole due: waits for the month's next payment. */
  readonly held: number;
}

export interface SponsorPaymentRecord {
  readonly month: IsoMonth;
  readonly amount: number;
}

/** The program as opened (evolve keeps the opening's data), with what has happened since. */
interface ProgramRecord extends SponsorProgramOpened {
  readonly enrolments: PersistentMap<Enrolment>;
  /** Enrolment numbers handed out so far (ended enrolments keep theirs). */
  readonly lastEnrolmentNumber: number;
  /** Sponsorships not ended by a death: what the quota counts. */
  readonly activeEnrolments: number;
  readonly committed: number;
  readonly ledger: ReadonlyMap<IsoMonth, MonthLedger>;
  readonly payments: ReadonlyMap<string, SponsorPaymentRecord>;
}

export interface OpenProgram extends ProgramRecord {
  readonly status: 'open';
}

/** Closed to new enrolments; running sponsorships, statements and payments go on. */
export interface ClosedProgram extends ProgramRecord {
  readonly status: 'closed';
}

export type SponsorProgram = OpenProgram | ClosedProgram;

export type SponsorProgramState = { readonly status: 'not-opened' } | SponsorProgram;

export const initialSponsorProgramState = (): SponsorProgramState => ({ status: 'not-opened' });

export const EMPTY_MONTH_LEDGER: MonthLedger = {
  statementIssued: false,
  paidThroughEnrolment: 0,
  received: 0,
  allocated: 0,
  held: 0,
};

export function monthLedger(program: SponsorProgram, month: IsoMonth): MonthLedger {
  return program.ledger.get(month) ?? EMPTY_MONTH_LEDGER;
}

function withLedger(
  program: SponsorProgram,
  month: IsoMonth,
  change: (ledger: MonthLedger) => MonthLedger,
): SponsorProgram {
  const ledger = new Map(program.ledger);
  ledger.set(month, change(monthLedger(program, month)));
  return { ...program, ledger };
}

export function evolveSponsorProgram(
  state: SponsorProgramState,
  event: SponsorProgramEvent,
): SponsorProgramState {
  if (event.type === 'SponsorProgramOpened') {
    return {
      ...event.data,
      status: 'open',
      enrolments: PersistentMap.empty(),
      lastEnrolmentNumber: 0,
      activeEnrolments: 0,
      committed: 0,
      ledger: new Map(),
      payments: new Map(),
    };
  }
  if (state.status === 'not-opened') return state;
  switch (event.type) {
    case 'ParticipantSponsored': {
      const { participantId, enrolmentNumber, fromMonth, toMonth, commitment } = event.data;
      return {
        ...state,
        enrolments: state.enrolments.set(participantId, {
          participantId,
          enrolmentNumber,
          fromMonth,
          toMonth,
          commitment,
          ended: false,
        }),
        lastEnrolmentNumber: enrolmentNumber,
        activeEnrolments: state.activeEnrolments + 1,
        committed: state.committed + commitment,
      };
    }
    case 'ParticipantSponsorshipEnded': {
      const enrolment = state.enrolments.get(event.data.participantId);
      if (enrolment === undefined) return state;
      const { lastMonth, releasedCommitment } = event.data;
      return {
        ...state,
        enrolments: state.enrolments.set(enrolment.participantId, {
          ...enrolment,
          toMonth: lastMonth,
          commitment: enrolment.commitment - releasedCommitment,
          ended: true,
        }),
        activeEnrolments: state.activeEnrolments - 1,
        committed: state.committed - releasedCommitment,
      };
    }
    case 'SponsorStatementIssued':
      return withLedger(state, event.data.month, (ledger) => ({
        ...ledger,
        statementIssued: true,
      }));
    case 'SponsorPaymentReceived': {
      const { month, paymentReference, amount, allocatedAmount, paidThroughEnrolment } = event.data;
      const payments = new Map(state.payments);
      payments.set(paymentReference, { month, amount });
      return {
        ...withLedger(state, month, (ledger) => ({
          ...ledger,
          paidThroughEnrolment,
          received: ledger.received + amount,
          allocated: ledger.allocated + allocatedAmount,
          held: event.data.heldForMonth,
        })),
        payments,
      };
    }
    case 'SponsorPaymentAllocated':
      // The participant list for the accounts; the ledger already moved with the receipt.
      return state;
    case 'SponsorProgramClosed':
      return { ...state, status: 'closed' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
