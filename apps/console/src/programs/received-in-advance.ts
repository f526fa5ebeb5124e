import type { ProgramReport, StatementMonth } from './programs.api';

/**
 * Money received for months whose statement is not issued yet. A sponsor may pay months in
 * advance, and the page lists payments per issued statement: without this figure the total
 * received would disagree with the payments listed. Integer rupiah.
 */
export function receivedInAdvance(
  report: Pick<ProgramReport, 'received'> | null,
  months: readonly Pick<StatementMonth, 'received'>[],
): number {
  if (report === null) return 0;
  return report.received - months.reduce((sum, month) => sum + month.received, 0);
}
