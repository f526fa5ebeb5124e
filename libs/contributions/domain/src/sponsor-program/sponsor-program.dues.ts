import type { IsoMonth } from '@santunan/contracts';
import { monthLedger, type Enrolment, type SponsorProgram } from './sponsor-program.state';

/**
 * The program's dues of a month in **enrolment order** (enrolment number ascending): the
 * lines of the month's statement, and the order a payment that does not cover them all is
 * allocated in (docs/adr/0008). New enrolments get higher numbers and a sponsorship only ever
 * shortens, so the paid dues of a month are always a prefix of this list.
 */
export function duesOfMonth(program: SponsorProgram, month: IsoMonth): Enrolment[] {
  const dues: Enrolment[] = [];
  for (const enrolment of program.enrolments.values()) {
    if (enrolment.fromMonth <= month && month <= enrolment.toMonth) dues.push(enrolment);
  }
  return dues.sort((a, b) => a.enrolmentNumber - b.enrolmentNumber);
}

export function unpaidDuesOfMonth(program: SponsorProgram, month: IsoMonth): Enrolment[] {
  const { paidThroughEnrolment } = monthLedger(program, month);
  return duesOfMonth(program, month).filter((due) => due.enrolmentNumber > paidThroughEnrolment);
}

export interface Allocation {
  /** The dues paid, in allocation order. */
  readonly paid: readonly Enrolment[];
  readonly allocatedAmount: number;
  readonly paidThroughEnrolment: number;
  /** What is left of held money plus this payment: less than one due. */
  readonly heldForMonth: number;
}

/**
 * Pays whole dues in enrolment order with the month's held money plus `amount`. A due is never
 * paid in part: the coverage of a month is all or nothing for a participant.
 */
export function allocate(
  program: SponsorProgram,
  month: IsoMonth,
  unpaid: readonly Enrolment[],
  amount: number,
): Allocation {
  const ledger = monthLedger(program, month);
  const available = BigInt(ledger.held) + BigInt(amount);
  const tariff = BigInt(program.contribution.total);
  const count = Math.min(Number(available / tariff), unpaid.length);
  const paid = unpaid.slice(0, count);
  const allocatedAmount = Number(BigInt(count) * tariff);
  return {
    paid,
    allocatedAmount,
    paidThroughEnrolment: paid[paid.length - 1]?.enrolmentNumber ?? ledger.paidThroughEnrolment,
    heldForMonth: Number(available) - allocatedAmount,
  };
}
