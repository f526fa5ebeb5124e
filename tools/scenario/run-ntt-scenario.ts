/**
 * The NTT 2026 scenario against a running platform, over HTTP as its users act: sponsors open
 * programs and upload their workers, treasuries pay the months, officers prepare heirs and
 * children, claims officers and supervisors decide claims (maker–checker), finance pays them
 * out through the bank, and the auditor verifies the platform. See docs/adr/0016-ntt-scenario.md.
 */
import type { TargetOverrides } from '@santunan/audit';
import { printAuditSummary, type AuditSummary } from './audit';
import { ScenarioChecks, type Log, type ScenarioContext, type ScenarioState } from './context';
import { ScenarioHttp, poll, type BearerFor, type ServiceUrls } from './http-client';
import { jakartaDate, planScenario, type ScenarioPlan, type ScenarioSize } from './plan';
import { prepareClaimSubjects } from './steps/claim-subjects';
import { runClaims } from './steps/claims';
import {
  HISTORY_FIRST_MONTH,
  MAIN_DATE_AFTER_HISTORY,
  morningOf,
  playHistory,
  type AdvanceTo,
} from './steps/history';
import { settlePayouts } from './steps/payouts';
import { closingProgramReports } from './steps/program-reports';
import { enrolWorkers, openPrograms } from './steps/programs-and-enrollment';
import { awaitSubjectsCovered, paySponsorDues } from './steps/sponsor-payments';
import { renderSummary, summarize, type ScenarioSummary } from './summary';

export interface RunNttScenarioOptions {
  readonly size: ScenarioSize;
  readonly urls: ServiceUrls;
  /** Mints the `Authorization` header for a user id with roles. */
  readonly bearer: BearerFor;
  readonly log?: Log;
  /** Draws other workers (and program ids), e.g. to run again on the same databases. */
  readonly seed?: number;
  /** The platform's date (Asia/Jakarta); default: today on this machine's clock. */
  readonly today?: string;
  /**
   * Moves the platform's clock (all four services) to an instant. Given, and the platform's
   * date in January 2026, the history act is played first; then the clock moves to the main
   * date (2026-11-24, or this machine's date if later) where the other acts happen.
   */
  readonly advanceTo?: AdvanceTo;
  /** Where the auditor reads the event stores and topics; false: no audit. */
  readonly audit?: TargetOverrides | false;
  /** The longest wait for one eventually consistent effect. */
  readonly patienceMs?: number;
}

/** The platform answered otherwise than the regulation (or the plan) says; the summary is kept. */
export class ScenarioFailed extends Error {
  constructor(
    readonly failures: readonly string[],
    readonly summary: ScenarioSummary,
  ) {
    super(`the NTT scenario found ${failures.length} differences:\n  ${failures.join('\n  ')}`);
    this.name = 'ScenarioFailed';
  }
}

export async function runNttScenario(options: RunNttScenarioOptions): Promise<ScenarioSummary> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const platformToday = options.today ?? jakartaDate(new Date());
  const { advanceTo } = options;
  const history = advanceTo !== undefined && platformToday.slice(0, 7) === HISTORY_FIRST_MONTH;
  // With a clock to move, the main acts happen on the main date (never before the platform's).
  const mainDate =
    advanceTo === undefined
      ? platformToday
      : ([platformToday, MAIN_DATE_AFTER_HISTORY, jakartaDate(new Date())].sort().at(-1) ??
        platformToday);
  const plan: ScenarioPlan = planScenario({
    size: options.size,
    today: mainDate,
    seed: options.seed,
  });
  const http = new ScenarioHttp(options.urls, options.bearer);
  const checks = new ScenarioChecks(log);
  const state: ScenarioState = {
    workers: [],
    subjects: new Map(),
    claims: new Map(),
    history: new Map(),
    historyPlayed: false,
    scholarships: [],
    payouts: [],
    payoutTally: {
      settled: 0,
      settledAmount: 0,
      failed: 0,
      failedAmount: 0,
      reissued: 0,
      reissuedAmount: 0,
      batches: 0,
    },
    programs: [],
    timings: [],
  };
  const context: ScenarioContext = {
    plan,
    http,
    log,
    checks,
    state,
    patienceMs: options.patienceMs ?? (plan.size === 'full' ? 3 * 3_600_000 : 300_000),
  };
  const step = async (name: string, work: () => Promise<void>): Promise<void> => {
    log(`▶ ${name}`);
    const started = Date.now();
    await work();
    const ms = Date.now() - started;
    state.timings.push({ step: name, ms });
    log(`  (${(ms / 1000).toFixed(1)} s)`);
  };

  log(
    `NTT 2026 scenario (${plan.size}, seed ${plan.seed}) on ${plan.today}: ` +
      `${plan.programs.reduce((sum, program) => sum + program.workers, 0)} workers in ` +
      `${plan.programs.length} programs, months ${plan.firstMonth}..${plan.lastMonth}`,
  );
  const started = Date.now();
  await step('services healthy', () => awaitHealthy(options.urls, context.patienceMs));
  if (advanceTo !== undefined) {
    if (history) {
      await step(`history: self-paying workers, ${HISTORY_FIRST_MONTH} month by month`, () =>
        playHistory(context, advanceTo, platformToday),
      );
    } else {
      log(`  no history act: the platform's date ${platformToday} is past ${HISTORY_FIRST_MONTH}`);
    }
    if (mainDate > platformToday) {
      await step(`the clock moves to ${mainDate}`, () => advanceTo(morningOf(mainDate)));
    }
  }
  await step('sponsors open their programs', () => openPrograms(context));
  await step('sponsors enrol their workers by CSV', () => enrolWorkers(context));
  await step('enrollment officer records heirs and children', () => prepareClaimSubjects(context));
  await step('treasuries pay twelve months', () => paySponsorDues(context));
  await step('coverage reaches the claim subjects', () => awaitSubjectsCovered(context));
  await step('claims: maker proposes, checker approves', () => runClaims(context));
  await step('finance pays out through the bank', () => settlePayouts(context));
  await step('sponsors read their program reports', () => closingProgramReports(context));
  let audit: AuditSummary | null = null;
  const { audit: auditTargets } = options;
  if (auditTargets !== false) {
    await step('auditor: report and verify', async () => {
      audit = await printAuditSummary({
        period: plan.today.slice(0, 4),
        targets: auditTargets,
        log,
      });
      const problems = audit.verification
        .split('\n')
        .filter((line) => /problem|FAILED/.test(line) && !line.includes('MISMATCH'));
      checks.that('audit verify passes', audit.verified, problems.join('; '));
    });
  }
  state.timings.push({ step: 'total', ms: Date.now() - started });
  const auditResult = audit as AuditSummary | null;
  const summary = summarize(plan, state, {
    checks: { passed: checks.passed, failed: checks.failures.length },
    audit:
      auditResult === null
        ? null
        : { verified: auditResult.verified, eventsVerified: auditResult.eventsVerified },
    httpRequests: http.requests,
  });
  log('');
  log(renderSummary(summary));
  if (checks.failures.length > 0) throw new ScenarioFailed(checks.failures, summary);
  return summary;
}

async function awaitHealthy(urls: ServiceUrls, timeoutMs: number): Promise<void> {
  await Promise.all(
    (Object.entries(urls) as [string, string][]).map(([name, url]) =>
      poll(
        `${name} at ${url}/health`,
        async () => ((await fetch(`${url.replace(/\/$/, '')}/health`)).ok ? true : undefined),
        { timeoutMs: Math.min(timeoutMs, 120_000) },
      ),
    ),
  );
}
