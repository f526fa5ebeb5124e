import {
  decideSponsorProgram,
  duesOfMonth,
  initialSponsorProgramState,
  monthLedger,
  type ProgramReport,
} from '@santunan/contributions-domain';
import type { SponsorStatementIssued } from '@santunan/contracts';
import { accepted, ProblemException, type Actor, type SqlExecutor } from '@santunan/platform';
import type { ContributionsContext } from '../shared/contributions-context';
import type { SponsorPrograms } from '../shared/sponsor-programs';
import type {
  ProgramQuoteDto,
  ProgramQuoteQuery,
  ProgramSummaryDto,
  StatementMonthDto,
} from './program-overview.dto';

/** Roles that see every program; a sponsor operator sees the programs naming them. */
const SEES_EVERY_PROGRAM = ['admin', 'finance', 'auditor'];

/** Any id the rules accept: a quote opens nothing, so the id is never stored. */
const QUOTE_PROGRAM_ID = 'quote';

interface ProgramRow {
  program_id: string;
  first_month: string;
  last_month: string;
  report: ProgramReport | null;
}

/**
 * What the console's program pages read: the programs a person operates, a program's issued
 * months with their ledgers, and the quota of terms not opened yet — decided by the same
 * decider that opens a program, so the quote and the opening never disagree.
 */
export class ProgramOverviewReader {
  constructor(
    private readonly database: SqlExecutor,
    private readonly programs: SponsorPrograms,
    private readonly context: ContributionsContext,
  ) {}

  async list(actor: Actor): Promise<ProgramSummaryDto[]> {
    const seesAll = (actor.roles ?? []).some((role) => SEES_EVERY_PROGRAM.includes(role));
    const rows = await this.database.query<ProgramRow>(
      `select p.program_id, p.first_month, p.last_month, r.report
         from sponsor_programs p left join program_report r on r.program_id = p.program_id
        where $1 or $2 = any(p.operator_ids)
        order by p.first_month desc, p.program_id`,
      [seesAll, actor.id],
    );
    return rows.map(({ program_id, first_month, last_month, report }) => ({
      programId: program_id,
      firstMonth: first_month,
      lastMonth: last_month,
      name: report?.name ?? null,
      sponsorType: report?.sponsorType ?? null,
      budget: report?.budget ?? null,
      quota: report?.quota ?? null,
      enrolled: report?.enrolled ?? null,
      billed: report?.billed ?? null,
      received: report?.received ?? null,
      paid: report?.paid ?? null,
      remainingBudget: report?.remainingBudget ?? null,
    }));
  }

  quote(terms: ProgramQuoteQuery): ProgramQuoteDto {
    const decision = accepted(
      decideSponsorProgram(
        {
          type: 'OpenSponsorProgram',
          programId: QUOTE_PROGRAM_ID,
          name: QUOTE_PROGRAM_ID,
          pksNumber: QUOTE_PROGRAM_ID,
          sponsorType: terms.sponsorType ?? 'province',
          budget: terms.budget,
          firstMonth: terms.firstMonth,
          lastMonth: terms.lastMonth,
          ...(terms.declaredIncome === undefined ? {} : { declaredIncome: terms.declaredIncome }),
        },
        initialSponsorProgramState(),
        this.context.program(),
      ),
    );
    const opened = decision.events.find((event) => event.type === 'SponsorProgramOpened');
    if (opened?.type !== 'SponsorProgramOpened') {
      throw new Error('an accepted opening decided no SponsorProgramOpened');
    }
    const { data } = opened;
    const costPerWorker = data.contribution.total * data.months;
    const quotaCost = data.quota * costPerWorker;
    return {
      budget: data.budget,
      months: data.months,
      declaredIncome: data.declaredIncome,
      payerType: data.payerType,
      contribution: { ...data.contribution },
      ruleSetIds: [...data.ruleSetIds],
      costPerWorker,
      quota: data.quota,
      quotaCost,
      remainder: data.budget - quotaCost,
    };
  }

  async statementMonths(programId: string): Promise<StatementMonthDto[]> {
    const rows = await this.database.query<{
      month: string;
      statement: SponsorStatementIssued;
      issued_at: string;
    }>(
      `select month, statement, issued_at from sponsor_statements
        where program_id = $1 order by month desc`,
      [programId],
    );
    if (rows.length === 0) return [];
    const { state } = await this.programs.load(programId);
    if (state.status === 'not-opened') {
      throw new ProblemException(404, 'PROGRAM_NOT_FOUND', 'No such sponsor program', programId);
    }
    const tariff = state.contribution.total;
    // Refunds are account events the report folds (RefundDue names the months it refunds).
    const [reported] = await this.database.query<{ report: ProgramReport }>(
      'select report from program_report where program_id = $1',
      [programId],
    );
    const refunds = reported?.report.refundedByMonth ?? {};
    // Payments from the program itself: the payments table follows it a moment behind.
    const payments = new Map<string, number>();
    for (const payment of state.payments.values()) {
      payments.set(payment.month, (payments.get(payment.month) ?? 0) + 1);
    }
    return rows.map(({ month, statement, issued_at }) => {
      const ledger = monthLedger(state, month);
      const dues = duesOfMonth(state, month);
      const paidDues = dues.filter((due) => due.enrolmentNumber <= ledger.paidThroughEnrolment);
      return {
        month,
        issuedAt: issued_at,
        dueDate: statement.dueDate,
        dues: statement.dues,
        billed: statement.total,
        duesNow: dues.length,
        releasedAfterDeaths: Math.max(0, statement.total - dues.length * tariff),
        refundedAfterDeaths: refunds[month] ?? 0,
        received: ledger.received,
        paid: ledger.allocated,
        held: ledger.held,
        outstanding: (dues.length - paidDues.length) * tariff - ledger.held,
        payments: payments.get(month) ?? 0,
      };
    });
  }
}
