/** The scenario's figures, for the test to assert and for people to read as a table. */
import type { ScenarioState } from './context';
import type { ScenarioPlan } from './plan';

export interface ScenarioSummary {
  readonly size: string;
  readonly today: string;
  readonly months: { readonly first: string; readonly last: string };
  readonly programs: number;
  readonly workersEnrolled: number;
  readonly provinceQuota: number;
  readonly duesPayments: number;
  readonly duesPaid: number;
  readonly refundedToSponsors: number;
  readonly sponsorshipsEndedByDeath: number;
  readonly claimsApproved: Readonly<Record<string, { count: number; total: number }>>;
  /** By the rejection's reason codes, joined with `+` when several. */
  readonly claimsRejected: Readonly<Record<string, number>>;
  readonly approvedAmounts: Readonly<Record<string, number>>;
  /** The history act's claims (null when it was not played): the amount, or the reasons. */
  readonly history: Readonly<
    Record<
      string,
      { status: 'approved'; total: number } | { status: 'rejected'; reasons: string[] }
    >
  > | null;
  readonly scholarships: { readonly count: number; readonly total: number };
  readonly payouts: {
    readonly settled: number;
    readonly settledAmount: number;
    readonly failed: number;
    readonly failedAmount: number;
    readonly reissued: number;
    readonly reissuedAmount: number;
    readonly batches: number;
  };
  readonly checks: { readonly passed: number; readonly failed: number };
  readonly audit: { readonly verified: boolean; readonly eventsVerified: number } | null;
  readonly timings: readonly { step: string; ms: number }[];
  readonly httpRequests: number;
}

export function summarize(
  plan: ScenarioPlan,
  state: ScenarioState,
  extra: {
    checks: { passed: number; failed: number };
    audit: ScenarioSummary['audit'];
    httpRequests: number;
  },
): ScenarioSummary {
  const claimsApproved: Record<string, { count: number; total: number }> = {};
  const claimsRejected: Record<string, number> = {};
  const approvedAmounts: Record<string, number> = {};
  for (const [caseId, outcome] of state.claims) {
    if (outcome.status === 'approved') {
      const line = (claimsApproved[outcome.benefitType] ??= { count: 0, total: 0 });
      line.count += 1;
      line.total += outcome.total;
      approvedAmounts[caseId] = outcome.total;
    } else {
      const key = outcome.reasons.join('+');
      claimsRejected[key] = (claimsRejected[key] ?? 0) + 1;
    }
  }
  const history: Record<
    string,
    { status: 'approved'; total: number } | { status: 'rejected'; reasons: string[] }
  > = {};
  for (const [caseId, outcome] of state.history) {
    history[caseId] =
      outcome.status === 'approved'
        ? { status: 'approved', total: outcome.total }
        : { status: 'rejected', reasons: [...outcome.reasons] };
  }
  const province = state.programs[0];
  return {
    size: plan.size,
    today: plan.today,
    months: { first: plan.firstMonth, last: plan.lastMonth },
    programs: state.programs.length,
    workersEnrolled: state.programs.reduce((sum, program) => sum + program.enrolled, 0),
    provinceQuota: province?.quota ?? 0,
    duesPayments: state.programs.reduce((sum, program) => sum + program.payments, 0),
    duesPaid: state.programs.reduce((sum, program) => sum + program.paid, 0),
    refundedToSponsors: state.programs.reduce((sum, program) => sum + program.refunded, 0),
    sponsorshipsEndedByDeath: state.programs.reduce(
      (sum, program) => sum + program.sponsorshipsEnded,
      0,
    ),
    claimsApproved,
    claimsRejected,
    approvedAmounts,
    history: state.historyPlayed ? history : null,
    scholarships: {
      count: state.scholarships.length,
      total: state.scholarships.reduce((sum, instalment) => sum + instalment.amount, 0),
    },
    payouts: { ...state.payoutTally },
    checks: extra.checks,
    audit: extra.audit,
    timings: state.timings,
    httpRequests: extra.httpRequests,
  };
}

const rp = (amount: number): string => `Rp${amount.toLocaleString('en-US')}`;

/** The summary as a plain-text table. */
export function renderSummary(summary: ScenarioSummary): string {
  const rows: [string, string][] = [
    ['scenario', `NTT 2026, ${summary.size}, on ${summary.today}`],
    ['program months', `${summary.months.first} .. ${summary.months.last}`],
    ['programs (province + kabupaten/kota)', String(summary.programs)],
    ['province quota', summary.provinceQuota.toLocaleString('en-US')],
    ['workers enrolled (CSV)', summary.workersEnrolled.toLocaleString('en-US')],
    ['sponsor payments', String(summary.duesPayments)],
    ['dues paid', rp(summary.duesPaid)],
    ['sponsorships ended by a death', String(summary.sponsorshipsEndedByDeath)],
    ['refunded to sponsors (months after a death)', rp(summary.refundedToSponsors)],
  ];
  for (const [caseId, line] of Object.entries(summary.history ?? {})) {
    rows.push([
      `history (2026-01..07): ${caseId}`,
      line.status === 'approved'
        ? `approved ${rp(line.total)}`
        : `rejected ${line.reasons.join('+')}`,
    ]);
  }
  for (const [type, line] of Object.entries(summary.claimsApproved)) {
    rows.push([`claims approved: ${type}`, `${line.count}, ${rp(line.total)}`]);
  }
  for (const [reason, count] of Object.entries(summary.claimsRejected)) {
    rows.push([`claims rejected: ${reason}`, String(count)]);
  }
  rows.push(
    [
      'scholarship instalments approved',
      `${summary.scholarships.count}, ${rp(summary.scholarships.total)}`,
    ],
    ['payouts settled', `${summary.payouts.settled}, ${rp(summary.payouts.settledAmount)}`],
    ['payouts failed (bank)', `${summary.payouts.failed}, ${rp(summary.payouts.failedAmount)}`],
    [
      'payouts reissued to corrected accounts',
      `${summary.payouts.reissued}, ${rp(summary.payouts.reissuedAmount)}`,
    ],
    ['bank batches', String(summary.payouts.batches)],
    [
      'checks against the regulation',
      `${summary.checks.passed} passed, ${summary.checks.failed} failed`,
    ],
    [
      'audit verify',
      summary.audit === null
        ? 'not run'
        : `${summary.audit.verified ? 'passed' : 'FAILED'} (${summary.audit.eventsVerified.toLocaleString('en-US')} events)`,
    ],
    ['HTTP requests', summary.httpRequests.toLocaleString('en-US')],
    ...summary.timings.map(({ step, ms }): [string, string] => [
      `time: ${step}`,
      `${(ms / 1000).toFixed(1)} s`,
    ]),
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  const line = `+${'-'.repeat(width + 2)}+${'-'.repeat(Math.max(...rows.map(([, v]) => v.length)) + 2)}+`;
  const valueWidth = line.length - width - 7;
  return [
    line,
    ...rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value.padEnd(valueWidth)} |`),
    line,
  ].join('\n');
}
