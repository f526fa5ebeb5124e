import type { IsoMonth } from '@santunan/contracts';
import { duesOfMonth, monthLedger, type SponsorProgram } from '@santunan/contributions-domain';
import type { MonthLedgerDto } from './record-sponsor-payment.dto';

/** A month of a program: its dues in enrolment order and how much of them is paid. */
export function monthLedgerOf(program: SponsorProgram, month: IsoMonth): MonthLedgerDto {
  const ledger = monthLedger(program, month);
  const dues = duesOfMonth(program, month);
  const paidDues = dues.filter((due) => due.enrolmentNumber <= ledger.paidThroughEnrolment).length;
  return {
    dues: dues.length,
    paidDues,
    paidThroughEnrolment: ledger.paidThroughEnrolment,
    received: ledger.received,
    allocated: ledger.allocated,
    held: ledger.held,
    outstanding: (dues.length - paidDues) * program.contribution.total - ledger.held,
  };
}
