/**
 * Each program's treasury (BPKAD) pays its twelve months, one payment per month, each for the
 * month's dues exactly (contributions refuses an overpayment). Every payment is made on the
 * platform's date: the current month on time, the later ones in advance (docs/adr/0016).
 */
import { USERS, treasuryOf, type ScenarioContext } from '../context';
import { mapLimited, poll } from '../http-client';
import { APBD_TARIFF } from '../regulation';
import { programReport, rupiah } from './programs-and-enrollment';

interface PaymentAnswer {
  readonly changed: boolean;
  readonly ledger: { dues: number; paidDues: number; outstanding: number; held: number };
}

interface CoverageAnswer {
  readonly standing: string;
  readonly paidThrough: string | null;
  readonly firstPaidMonth: string | null;
  readonly masaIurMonths: number;
}

export async function paySponsorDues(context: ScenarioContext): Promise<void> {
  const { plan, http, checks, log } = context;
  const paidAt = new Date().toISOString();
  await mapLimited(plan.programs, 3, async (program) => {
    const amount = program.workers * APBD_TARIFF;
    // One program's months in order: they are one stream, so in parallel they would only queue.
    for (const month of plan.months) {
      const answer = await http.call<PaymentAnswer>(
        'contributions',
        treasuryOf(program.programId),
        'POST',
        `/programs/${program.programId}/payments`,
        {
          body: {
            month,
            paymentReference: `SP2D-${program.programId}-${month}`,
            amount,
            paidAt,
            paidOn: plan.today,
          },
          expect: [200, 201],
        },
      );
      checks.equal(
        `${program.programId} ${month} dues paid`,
        answer.ledger.paidDues,
        program.workers,
      );
      checks.equal(`${program.programId} ${month} outstanding`, answer.ledger.outstanding, 0);
    }
    log(
      `  ${program.programId}: ${plan.months.length} payments of Rp${rupiah(amount)} ` +
        `(${plan.months[0]}..${plan.months.at(-1)})`,
    );
  });
  // The payments fan out to every participant's account; the report's `paid` follows.
  await mapLimited(plan.programs, plan.programs.length, async (program) => {
    const total = program.workers * APBD_TARIFF * plan.months.length;
    const report = await poll(
      `${program.programId}'s dues allocated to its workers`,
      async () => {
        const current = await programReport(context, program.programId, program.operator);
        return current.paid >= total ? current : undefined;
      },
      { timeoutMs: context.patienceMs, maxIntervalMs: 2_000 },
    );
    checks.equal(`${program.programId} received`, report.received, total);
    checks.equal(`${program.programId} paid`, report.paid, total);
  });
}

/** Claims decide on coverage; wait until every claim subject's account shows the year paid. */
export async function awaitSubjectsCovered(context: ScenarioContext): Promise<void> {
  const { plan, state, http } = context;
  for (const [caseId, subject] of state.subjects) {
    if (subject.programId === null) continue;
    const coverage = await poll(
      `${caseId}'s paid months at contributions`,
      async () => {
        const answer = await http.call<CoverageAnswer>(
          'contributions',
          USERS.auditor,
          'GET',
          `/participants/${subject.participantId}/coverage`,
        );
        return answer.paidThrough === plan.lastMonth ? answer : undefined;
      },
      { timeoutMs: context.patienceMs },
    );
    context.checks.equal(`${caseId} masa iur`, coverage.masaIurMonths, plan.months.length);
    context.checks.equal(`${caseId} first paid month`, coverage.firstPaidMonth, plan.firstMonth);
  }
}
