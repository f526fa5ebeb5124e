/**
 * The history act (ADR 0016, "Dates"): played first, and only when the scenario can move the
 * platform's clock. Three self-paying workers are registered in January 2026 and the clock
 * moves month by month — contributions' scheduler closes the month before and bills the month —
 * while they pay (or do not). One pays every month and dies mid-year (the full JKM benefit),
 * one dies in his second month (Rp10,000,000, the three-month rule), one pays January only and
 * lapses (a later death is refused, MEMBERSHIP_LAPSED). Each claim is lodged on the next month's
 * first step, as heirs do a few weeks after a death. Then the clock moves to the main date.
 */
import { USERS, type ClaimOutcome, type ScenarioContext } from '../context';
import { UnexpectedReply, poll, type User } from '../http-client';
import { addMonths } from '../plan';
import { JKM_DEATH_FULL, jkmDeathBenefit, selfPayingMonth } from '../regulation';
import { NttPopulation, type Worker } from '../synthetic-data';
import { designateFamily, registerSelfPaying } from './claim-subjects';
import { approve, monthsBetween, payeeConsents, propose, recordDocuments, submit } from './claims';
import { rupiah } from './programs-and-enrollment';

/** Moves all four services' clocks (ISO-8601 instant); only forward. */
export type AdvanceTo = (instant: string) => Promise<void>;

export const HISTORY_FIRST_MONTH = '2026-01';
const HISTORY_LAST_MONTH = '2026-07';
/** The earliest main date after the history: late in 2026, the program year then starts in November. */
export const MAIN_DATE_AFTER_HISTORY = '2026-11-24';

/** Contributions' scheduler is an operator's (admin) endpoint. */
const SCHEDULER: User = { id: 'operator-penjadwal-iuran', roles: ['admin'] };

/** 08:00 Asia/Jakarta on `day`: the instant the clock is moved to. */
export const morningOf = (day: string): string => `${day}T08:00:00+07:00`;

interface HistoryCase {
  readonly id: string;
  /** The months he pays, each on the 5th of that month. */
  readonly paysThrough: string;
  /** The death (a non-work death: JKM). */
  readonly deathOn: string;
  readonly expected:
    | { readonly status: 'approved'; readonly membershipMonth: number }
    | { readonly status: 'rejected'; readonly reasons: readonly string[] };
}

const CASES: readonly HistoryCase[] = [
  {
    id: 'history-jkm-full',
    paysThrough: '2026-06',
    deathOn: '2026-06-15',
    expected: { status: 'approved', membershipMonth: 6 },
  },
  {
    id: 'history-jkm-second-month',
    paysThrough: '2026-02',
    deathOn: '2026-02-20',
    expected: { status: 'approved', membershipMonth: 2 },
  },
  {
    id: 'history-lapsed',
    // January only: February–May end unpaid; closing May (the fourth) ends the membership.
    paysThrough: '2026-01',
    deathOn: '2026-06-20',
    // The incident month is not paid, and the membership had lapsed (product decision 1, §1).
    expected: { status: 'rejected', reasons: ['INCIDENT_MONTH_NOT_PAID', 'MEMBERSHIP_LAPSED'] },
  },
];

interface Member {
  readonly case: HistoryCase;
  readonly participantId: string;
  readonly worker: Worker;
  readonly heirs: Awaited<ReturnType<typeof designateFamily>>;
}

/** The scenario context acting on `day` (every step reads the date from the plan). */
function on(context: ScenarioContext, day: string): ScenarioContext {
  return { ...context, plan: { ...context.plan, today: day } };
}

export async function playHistory(
  context: ScenarioContext,
  advanceTo: AdvanceTo,
  startDay: string,
): Promise<void> {
  const { log, state } = context;
  const families = new NttPopulation(context.plan.seed + 2_000_029);
  let day = startDay;
  const members: Member[] = [];
  for (const historyCase of CASES) {
    // Fishermen and farmers: outside the transport sector's PP 50/2025 discount.
    const worker: Worker = { ...families.worker('5371', families.income()), occupation: 'nelayan' };
    const participantId = await registerSelfPaying(on(context, day), worker);
    const heirs = await designateFamily(
      on(context, day),
      participantId,
      worker,
      families,
      historyCase.id,
      [],
    );
    members.push({ case: historyCase, participantId, worker, heirs });
    log(
      `  ${day}: ${historyCase.id}: self-paying ${worker.fullName} registered, declared ` +
        `Rp${rupiah(worker.declaredIncome)}, Rp${rupiah(selfPayingMonth(worker.declaredIncome))} a month`,
    );
  }
  for (let month = HISTORY_FIRST_MONTH; month <= HISTORY_LAST_MONTH; month = addMonths(month, 1)) {
    if (month !== HISTORY_FIRST_MONTH) {
      day = `${month}-05`;
      await advanceTo(morningOf(day));
      await schedulerRun(context, 'close-month', addMonths(month, -1));
      await schedulerRun(context, 'bill', month);
    }
    for (const member of members) {
      if (month <= member.case.paysThrough) await payMonth(on(context, day), member, month);
    }
    for (const member of members) {
      if (member.case.deathOn.slice(0, 7) === addMonths(month, -1)) {
        await lodgeDeathClaim(on(context, day), member);
      }
    }
  }
  state.historyPlayed = true;
}

async function schedulerRun(
  context: ScenarioContext,
  task: 'close-month' | 'bill',
  month: string,
): Promise<void> {
  // 422: every account refused for one reason (e.g. nothing to bill); the run is still done.
  await context.http.call('contributions', SCHEDULER, 'POST', '/scheduler/runs', {
    body: { task, month },
    expect: [200, 422],
  });
}

async function payMonth(context: ScenarioContext, member: Member, month: string): Promise<void> {
  const { checks, plan } = context;
  const amount = selfPayingMonth(member.worker.declaredIncome);
  const paid = await poll(
    `contributions to open ${member.case.id}'s account`,
    async () => {
      try {
        return await context.http.call<{ amount: number; paidThrough: string | null }>(
          'contributions',
          USERS.finance,
          'POST',
          `/participants/${member.participantId}/self-payments`,
          {
            body: {
              paymentReference: `VA-8801-${member.participantId.slice(0, 8)}-${month}`,
              firstMonth: month,
              months: 1,
              amount,
              paidAt: morningOf(plan.today),
              paidOn: plan.today,
            },
            expect: [200],
          },
        );
      } catch (error) {
        if (error instanceof UnexpectedReply && error.code === 'ACCOUNT_NOT_OPENED')
          return undefined;
        throw error;
      }
    },
    { timeoutMs: context.patienceMs },
  );
  checks.equal(`${member.case.id} paid ${month}`, [paid.amount, paid.paidThrough], [amount, month]);
}

async function lodgeDeathClaim(context: ScenarioContext, member: Member): Promise<void> {
  const { plan, checks, log, state } = context;
  const { id, deathOn, expected } = member.case;
  const spouse = member.heirs[0];
  const submitted = await submit(context, '/claims/jkm', {
    participantId: member.participantId,
    dateOfDeath: deathOn,
    claimant: { kind: 'heir', fullName: spouse?.fullName, relationship: 'spouse' },
    lodgedOn: plan.today,
  });
  await recordDocuments(context, submitted);
  const subject = {
    participantId: member.participantId,
    worker: member.worker,
    programId: null,
    heirs: member.heirs,
    children: [],
  };
  const proposed = await propose(context, submitted.claimId, payeeConsents(subject));
  let outcome: ClaimOutcome;
  if (expected.status === 'rejected') {
    const codes = (proposed.rejection?.reasons ?? []).map((reason) => reason.code);
    checks.equal(`${id} status`, proposed.status, 'rejected');
    checks.equal(`${id} reasons`, codes, expected.reasons);
    outcome = { status: 'rejected', claimId: submitted.claimId, reasons: codes };
    log(
      `  ${plan.today}: ${id}: JKM claim for a death on ${deathOn} rejected: ${codes.join(', ')}`,
    );
  } else {
    // Membership month counted from the first paid month, January (product decision 2).
    const membershipMonth = monthsBetween(HISTORY_FIRST_MONTH, deathOn.slice(0, 7)) + 1;
    checks.equal(`${id} membership month`, membershipMonth, expected.membershipMonth);
    const total = jkmDeathBenefit(membershipMonth);
    checks.equal(`${id} proposal status`, proposed.status, 'awaiting-checker');
    checks.equal(`${id} total`, proposed.decision?.total, total);
    if (membershipMonth > 3) checks.equal(`${id} is the full JKM benefit`, total, JKM_DEATH_FULL);
    const decision = proposed.decision;
    if (decision === undefined) {
      outcome = {
        status: 'rejected',
        claimId: submitted.claimId,
        reasons: (proposed.rejection?.reasons ?? []).map((reason) => reason.code),
      };
    } else {
      const approved = await approve(context, submitted.claimId, decision.decisionId);
      checks.equal(`${id} approval`, approved.status, 'approved');
      outcome = {
        status: 'approved',
        claimId: submitted.claimId,
        decisionId: decision.decisionId,
        total: decision.total,
        program: 'jkm',
        benefitType: 'jkm-death',
      };
      log(
        `  ${plan.today}: ${id}: death on ${deathOn} (membership month ${membershipMonth}), ` +
          `JKM approved Rp${rupiah(decision.total)}`,
      );
    }
  }
  state.history.set(id, outcome);
}
