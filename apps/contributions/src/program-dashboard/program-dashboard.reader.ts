import { ProblemException, type Actor, type SqlExecutor } from '@santunan/platform';
import { sponsorProgramStreamId } from '../shared/contribution-streams';
import {
  programMonthsOf,
  type PaymentLine,
  type ProgramMonth,
  type SponsorshipGroup,
  type StatementLine,
} from './program-dashboard';

export interface DashboardProgram {
  readonly programId: string;
  readonly name: string | null;
  readonly firstMonth: string;
  readonly lastMonth: string;
}

export interface ProgramDashboard {
  readonly programs: readonly DashboardProgram[];
  /** The program shown: the one asked for, else the caller's first; null without programs. */
  readonly programId: string | null;
  readonly budget: number | null;
  readonly quota: number | null;
  readonly enrolled: number | null;
  readonly months: readonly ProgramMonth[];
}

const EVERY_PROGRAM_ROLES = ['admin', 'finance', 'auditor'];

/**
 * A sponsor program month by month: workers and budget committed from the program's
 * `ParticipantSponsored` / `ParticipantSponsorshipEnded` events, billed from its statements,
 * received and paid from its receipts (the program-report read model).
 */
export class ProgramDashboardReader {
  constructor(private readonly database: SqlExecutor) {}

  /** The programs `actor` may see: every one for admin, finance and auditor. */
  async programs(actor: Actor): Promise<DashboardProgram[]> {
    const everyProgram = (actor.roles ?? []).some((role) => EVERY_PROGRAM_ROLES.includes(role));
    const rows = await this.database.query<{
      program_id: string;
      name: string | null;
      first_month: string;
      last_month: string;
    }>(
      `select p.program_id, r.report->>'name' as name, p.first_month, p.last_month
         from sponsor_programs p left join program_report r on r.program_id = p.program_id
        where $1 or $2 = any(p.operator_ids)
        order by p.first_month desc, p.program_id`,
      [everyProgram, actor.id],
    );
    return rows.map((row) => ({
      programId: row.program_id,
      name: row.name,
      firstMonth: row.first_month,
      lastMonth: row.last_month,
    }));
  }

  async dashboard(actor: Actor, programId: string | undefined): Promise<ProgramDashboard> {
    const programs = await this.programs(actor);
    const program =
      programId === undefined ? programs[0] : programs.find((p) => p.programId === programId);
    if (program === undefined && programId !== undefined) {
      throw new ProblemException(
        404,
        'PROGRAM_NOT_FOUND',
        'No such sponsor program',
        `no sponsor program ${programId} the caller may see`,
      );
    }
    if (program === undefined) {
      return { programs, programId: null, budget: null, quota: null, enrolled: null, months: [] };
    }
    const [report] = await this.database.query<{
      budget: string | null;
      quota: string | null;
      enrolled: string | null;
    }>(
      `select report->>'budget' as budget, report->>'quota' as quota, report->>'enrolled' as enrolled
         from program_report where program_id = $1`,
      [program.programId],
    );
    const sponsorships = await this.database.query<{
      from_month: string;
      to_month: string;
      ended_after: string | null;
      tariff: string;
      workers: string;
    }>(
      `select s.data->>'fromMonth' as from_month, s.data->>'toMonth' as to_month,
              e.data->>'lastMonth' as ended_after,
              (s.data->'contribution'->>'total')::bigint as tariff, count(*) as workers
         from events s
         left join events e on e.stream_id = s.stream_id and e.type = 'ParticipantSponsorshipEnded'
              and e.data->>'participantId' = s.data->>'participantId'
        where s.stream_id = $1 and s.type = 'ParticipantSponsored'
        group by 1, 2, 3, 4`,
      [sponsorProgramStreamId(program.programId)],
    );
    const statements = await this.database.query<{ month: string; total: string }>(
      `select month, (statement->>'total')::bigint as total
         from sponsor_statements where program_id = $1`,
      [program.programId],
    );
    const payments = await this.database.query<{
      month: string;
      amount: string;
      allocated_amount: string;
    }>(
      `select month, (receipt->>'amount')::bigint as amount,
              (receipt->>'allocatedAmount')::bigint as allocated_amount
         from sponsor_payments where program_id = $1`,
      [program.programId],
    );
    const months = programMonthsOf(
      program.firstMonth,
      program.lastMonth,
      sponsorships.map(
        (row): SponsorshipGroup => ({
          fromMonth: row.from_month,
          toMonth: row.to_month,
          endedAfter: row.ended_after,
          tariff: Number(row.tariff),
          workers: Number(row.workers),
        }),
      ),
      statements.map((row): StatementLine => ({ month: row.month, total: Number(row.total) })),
      payments.map(
        (row): PaymentLine => ({
          month: row.month,
          amount: Number(row.amount),
          allocatedAmount: Number(row.allocated_amount),
        }),
      ),
    );
    const numberOrNull = (value: string | null | undefined): number | null =>
      value === null || value === undefined ? null : Number(value);
    return {
      programs,
      programId: program.programId,
      budget: numberOrNull(report?.budget),
      quota: numberOrNull(report?.quota),
      enrolled: numberOrNull(report?.enrolled),
      months,
    };
  }
}
