import type { ProgramReport } from '@santunan/contributions-domain';
import type { ServiceMetrics, ServiceRuntime } from '@santunan/platform';

/**
 * Contributions' business metrics (ADR 0029), read from the program report when Prometheus
 * scrapes: each sponsor program's budget, what it has not committed to enrolments yet, and
 * what the sponsor has not spent, in rupiah. One series per program: a deployment runs a
 * handful of sponsor programs, not thousands.
 */
export function contributionsMetrics(metrics: ServiceMetrics, runtime: ServiceRuntime): void {
  const reports = async (): Promise<ProgramReport[]> =>
    (
      await runtime.database.query<{ report: ProgramReport }>(
        'select report from program_report order by program_id',
      )
    ).map((row) => row.report);
  const perProgram = (
    name: string,
    help: string,
    amount: (report: ProgramReport) => number,
  ): void =>
    metrics.scrapeTime({
      name,
      help,
      labelNames: ['program'],
      type: 'gauge',
      read: async () =>
        (await reports()).map((report) => ({
          labels: { program: report.programId },
          value: amount(report),
        })),
    });
  perProgram(
    'santunan_sponsor_budget_rupiah',
    'A sponsor program’s budget.',
    (report) => report.budget,
  );
  perProgram(
    'santunan_sponsor_budget_uncommitted_rupiah',
    'Budget − committed: what new enrolments in the program can still use.',
    (report) => report.uncommittedBudget,
  );
  perProgram(
    'santunan_sponsor_budget_remaining_rupiah',
    'Budget − received + refunded: what the sponsor has not spent.',
    (report) => report.remainingBudget,
  );
}
