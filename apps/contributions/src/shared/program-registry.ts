import type { IsoMonth } from '@santunan/contracts';
import type { SqlExecutor } from '@santunan/platform';

export interface RegisteredProgram {
  readonly programId: string;
  readonly operatorIds: readonly string[];
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
}

interface ProgramRow {
  program_id: string;
  operator_ids: string[];
  first_month: string;
  last_month: string;
}

const toProgram = (row: ProgramRow): RegisteredProgram => ({
  programId: row.program_id,
  operatorIds: row.operator_ids,
  firstMonth: row.first_month,
  lastMonth: row.last_month,
});

/**
 * The programs this service runs and who operates each (`sponsor_programs`), written in the
 * transaction that opens the program, so it never disagrees with the event store.
 */
export class ProgramRegistry {
  constructor(private readonly database: SqlExecutor) {}

  async register(
    tx: SqlExecutor,
    program: RegisteredProgram & { readonly openedBy: string },
  ): Promise<void> {
    await tx.query(
      `insert into sponsor_programs (program_id, operator_ids, first_month, last_month, opened_by)
       values ($1, $2, $3, $4, $5) on conflict (program_id) do nothing`,
      [
        program.programId,
        program.operatorIds,
        program.firstMonth,
        program.lastMonth,
        program.openedBy,
      ],
    );
  }

  async find(programId: string): Promise<RegisteredProgram | undefined> {
    const [row] = await this.database.query<ProgramRow>(
      'select program_id, operator_ids, first_month, last_month from sponsor_programs where program_id = $1',
      [programId],
    );
    return row === undefined ? undefined : toProgram(row);
  }

  /** Programs whose coverage includes `month`. */
  async covering(month: IsoMonth): Promise<RegisteredProgram[]> {
    const rows = await this.database.query<ProgramRow>(
      `select program_id, operator_ids, first_month, last_month from sponsor_programs
        where first_month <= $1 and last_month >= $1 order by program_id`,
      [month],
    );
    return rows.map(toProgram);
  }
}
