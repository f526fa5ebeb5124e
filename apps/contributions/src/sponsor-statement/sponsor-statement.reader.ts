import type { SponsorPaymentReceived, SponsorStatementIssued } from '@santunan/contracts';
import { duesOfMonth, monthLedger } from '@santunan/contributions-domain';
import { ProblemException, type SqlExecutor } from '@santunan/platform';
import { monthLedgerOf } from '../record-sponsor-payment/month-ledger';
import type { SponsorPrograms } from '../shared/sponsor-programs';
import type { SponsorStatementDto } from './sponsor-statement.dto';

/**
 * The statement as issued comes from the read model (`sponsor_statements`, `sponsor_payments`);
 * its lines are the program's dues of the month as the program holds them now, read from the
 * program's cached state — 50,000 lines are not copied into a table every month.
 */
export class SponsorStatementReader {
  constructor(
    private readonly database: SqlExecutor,
    private readonly programs: SponsorPrograms,
  ) {}

  async find(
    programId: string,
    month: string,
    page: { offset: number; limit: number },
  ): Promise<SponsorStatementDto> {
    const [row] = await this.database.query<{
      statement: SponsorStatementIssued;
      issued_at: string;
    }>('select statement, issued_at from sponsor_statements where program_id = $1 and month = $2', [
      programId,
      month,
    ]);
    if (row === undefined) {
      throw new ProblemException(
        404,
        'STATEMENT_NOT_ISSUED',
        'No statement for this month',
        `no statement of program ${programId} for ${month} has been issued (yet)`,
      );
    }
    const payments = await this.database.query<{ receipt: SponsorPaymentReceived }>(
      `select receipt from sponsor_payments where program_id = $1 and month = $2
        order by recorded_at, payment_reference`,
      [programId, month],
    );
    const { state } = await this.programs.load(programId);
    if (state.status === 'not-opened')
      throw new Error(`program ${programId} has a statement but no stream`);
    const { paidThroughEnrolment } = monthLedger(state, month);
    const { statement } = row;
    return {
      programId,
      month,
      nominalDueDate: statement.nominalDueDate,
      dueDate: statement.dueDate,
      dues: statement.dues,
      jkk: statement.jkk,
      jkm: statement.jkm,
      total: statement.total,
      issuedAt: row.issued_at,
      payments: payments.map(({ receipt }) => ({
        paymentReference: receipt.paymentReference,
        amount: receipt.amount,
        paidOn: receipt.paidOn,
        allocatedDues: receipt.allocatedDues,
        heldForMonth: receipt.heldForMonth,
      })),
      ledger: monthLedgerOf(state, month),
      lines: duesOfMonth(state, month)
        .slice(page.offset, page.offset + page.limit)
        .map((due) => ({
          enrolmentNumber: due.enrolmentNumber,
          participantId: due.participantId,
          ...state.contribution,
          paid: due.enrolmentNumber <= paidThroughEnrolment,
        })),
      offset: page.offset,
      limit: page.limit,
    };
  }
}
