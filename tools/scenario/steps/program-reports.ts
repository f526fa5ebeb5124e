/**
 * The sponsors' view at the end: each program's report after the deaths. A death ends the
 * sponsorship after the death month, and the months the sponsor paid after it are owed back
 * (RefundDue, rules reference §7), so the report shows them refunded.
 */
import type { ScenarioContext } from '../context';
import { mapLimited, poll } from '../http-client';
import { APBD_TARIFF } from '../regulation';
import { programReport } from './programs-and-enrollment';

function monthsAfter(month: string, last: string): number {
  return (
    (Number(last.slice(0, 4)) - Number(month.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(month.slice(5, 7))
  );
}

export async function closingProgramReports(context: ScenarioContext): Promise<void> {
  const { plan, state, checks } = context;
  const deathMonth = plan.today.slice(0, 7);
  const paidTotal = (workers: number): number => workers * APBD_TARIFF * plan.months.length;
  const reports = await mapLimited(plan.programs, plan.programs.length, async (program, index) => {
    const deaths = plan.claims.filter(
      (claim) =>
        (claim.kind === 'jkk-death' || claim.kind === 'jkm-death') &&
        claim.subject.program === index &&
        state.claims.get(claim.id)?.status === 'approved',
    ).length;
    const refund = deaths * monthsAfter(deathMonth, plan.lastMonth) * APBD_TARIFF;
    const report = await poll(
      `${program.programId}'s refunds for ${deaths} deaths`,
      async () => {
        const current = await programReport(context, program.programId, program.operator);
        return current.refunded >= refund && current.sponsorshipsEnded >= deaths
          ? current
          : undefined;
      },
      { timeoutMs: context.patienceMs },
    );
    checks.equal(
      `${program.programId} sponsorships ended by death`,
      report.sponsorshipsEnded,
      deaths,
    );
    checks.equal(`${program.programId} refunded`, report.refunded, refund);
    checks.equal(
      `${program.programId} remaining budget`,
      report.remainingBudget,
      program.budget - paidTotal(program.workers) + refund,
    );
    return {
      programId: program.programId,
      // The report counts running sponsorships; those a death ended were enrolled too.
      enrolled: report.enrolled + report.sponsorshipsEnded,
      sponsorshipsEnded: report.sponsorshipsEnded,
      payments: plan.months.length,
      received: report.received,
      paid: report.paid,
      refunded: report.refunded,
      remainingBudget: report.remainingBudget,
      quota: report.quota,
      budget: report.budget,
    };
  });
  state.programs.push(...reports);
}
