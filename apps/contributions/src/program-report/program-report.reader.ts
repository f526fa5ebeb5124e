import type { ProgramReport } from '@santunan/contributions-domain';
import { ProblemException, type SqlExecutor } from '@santunan/platform';
import type { ProgramReportDto } from './program-report.dto';

export class ProgramReportReader {
  constructor(private readonly database: SqlExecutor) {}

  async find(programId: string): Promise<ProgramReportDto> {
    const [row] = await this.database.query<{ report: ProgramReport; updated_at: string }>(
      'select report, updated_at from program_report where program_id = $1',
      [programId],
    );
    if (row === undefined) {
      throw new ProblemException(
        404,
        'PROGRAM_REPORT_NOT_FOUND',
        'No report for this program yet',
        `the report of program ${programId} has not been built yet`,
      );
    }
    // A report stored before refunds were kept by month has none per month.
    return {
      ...row.report,
      refundedByMonth: row.report.refundedByMonth ?? {},
      updatedAt: row.updated_at,
    };
  }
}
