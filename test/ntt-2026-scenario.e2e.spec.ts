// Issue 10, done when: "the test suite runs the --small scenario end to end". The four real
// services run together (test/support/santunan-platform.ts) on this run's databases and
// topics; the scenario drives them over HTTP only, as `npm run scenario -- --small` drives
// `npm run platform`, and the auditor verifies what they stored and published.
import { runNttScenario, ScenarioFailed, type ScenarioSummary } from '@santunan/scenario';
import { startSantunanPlatform, type SantunanPlatform } from './support/santunan-platform';
import { auditConnectionsOf } from './support/audit-connections';

/** The regulation's amounts at the Rp1,000,000 BPU floor (shared/domain/jkk-jkm-rules.md). */
const JKK_DEATH = 70_000_000; // 48 × 1,000,000 + 12,000,000 + 10,000,000
const CTT = 68_000_000; // 56 × 1,000,000 + 12,000,000
const JKM_DEATH_FIRST_THREE_MONTHS = 10_000_000; // Permenaker 1/2025
const JKM_DEATH_FULL = 42_000_000; // 20,000,000 + 12,000,000 + 10,000,000
const TARIFF = 16_800;

describe('the NTT 2026 scenario (--small) against the four real services', () => {
  let platform: SantunanPlatform;
  let summary: ScenarioSummary;
  const lines: string[] = [];

  beforeAll(async () => {
    // The history act starts in January 2026; the clock then moves to the main date.
    platform = await startSantunanPlatform({
      label: 'ntt-scenario',
      now: '2026-01-05T08:00:00+07:00',
    });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('runs every case and ends with a passing verify', async () => {
    try {
      summary = await runNttScenario({
        size: 'small',
        urls: platform.urls,
        bearer: (roles, subject) => platform.bearer(roles, subject),
        today: platform.clock.today(),
        advanceTo: async (instant) => platform.clock.set(instant),
        log: (line) => lines.push(line),
        audit: auditConnectionsOf(platform),
        // Bounds for a loaded machine, not speed targets: each wait for what is eventually
        // consistent may take this long (the script's own default for --small is 90 s).
        patienceMs: 600_000,
      });
    } catch (error) {
      process.stdout.write(`${lines.join('\n')}\n`);
      if (error instanceof ScenarioFailed) throw new Error(error.message);
      throw error;
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }, 1_800_000);

  it('enrolled 200 workers in the province program and five kabupaten/kota programs', () => {
    expect(summary.programs).toBe(6);
    expect(summary.workersEnrolled).toBe(200);
    // Rp10,080,000,000 ÷ (Rp16,800 × 12) = 50,000, whatever the size enrolled.
    expect(summary.provinceQuota).toBe(50_000);
    expect(summary.duesPayments).toBe(6 * 12);
    expect(summary.duesPaid).toBe(200 * TARIFF * 12);
    expect(summary.sponsorshipsEndedByDeath).toBe(4);
    // Four deaths, each giving back the eleven months paid after the death month.
    expect(summary.refundedToSponsors).toBe(4 * 11 * TARIFF);
  });

  it('played 2026 month by month first: full JKM, the three-month rule, a lapse', () => {
    expect(summary.history).toEqual({
      // Paid January–June, died 2026-06-15: membership month 6.
      'history-jkm-full': { status: 'approved', total: JKM_DEATH_FULL },
      // Paid January–February, died 2026-02-20: membership month 2.
      'history-jkm-second-month': { status: 'approved', total: JKM_DEATH_FIRST_THREE_MONTHS },
      // Paid January only: February–May ended unpaid, the membership lapsed; died 2026-06-20.
      'history-lapsed': {
        status: 'rejected',
        reasons: ['INCIDENT_MONTH_NOT_PAID', 'MEMBERSHIP_LAPSED'],
      },
    });
    // The main acts happen after the history, late in 2026 (or on this machine's date if later).
    expect(summary.today >= '2026-11-24').toBe(true);
  });

  it('paid the regulation’s amounts and refused what it refuses, with the reasons', () => {
    expect(summary.approvedAmounts).toEqual({
      'jkk-death-1': JKK_DEATH,
      'jkk-death-2': JKK_DEATH,
      'ctt-1': CTT,
      'jkm-death-1': JKM_DEATH_FIRST_THREE_MONTHS,
      'jkm-death-2': JKM_DEATH_FIRST_THREE_MONTHS,
    });
    expect(summary.claimsRejected).toEqual({
      DEATH_BENEFIT_ALREADY_CLAIMED: 1,
      INCIDENT_MONTH_NOT_PAID: 1,
    });
    // SMP 2,000,000 + PT 12,000,000 (checked) + SMA 3,000,000 + TK-SD 1,500,000.
    expect(summary.scholarships).toEqual({ count: 4, total: 18_500_000 });
  });

  it('settled every payout, one after a failure and a reissue to a corrected account', () => {
    const claims = 2 * JKK_DEATH + CTT + 2 * JKM_DEATH_FIRST_THREE_MONTHS;
    expect(summary.payouts).toMatchObject({
      settled: 9,
      settledAmount: claims + 18_500_000,
      failed: 1,
      failedAmount: JKM_DEATH_FIRST_THREE_MONTHS,
      reissued: 1,
      batches: 2,
    });
    expect(summary.checks.failed).toBe(0);
    expect(summary.audit).toMatchObject({ verified: true });
  });
});
