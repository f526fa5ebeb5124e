/**
 * End-to-end benchmarks of the platform (issue 10), a script, not a test:
 *
 * 1. enrollment      rows/s of one CSV through the real enrollment service's bulk path
 *                    vs `pg` batched INSERT of the same rows;
 * 2. contributions   events/s of the contributions service billing and paying 12 months for N
 *                    sponsored workers, first command → last event read by a downstream
 *                    consumer group, vs kafkajs batched produce + consume (and the write side vs
 *                    `pg` batched INSERT) of the same number and size of messages;
 * 3. claim-to-payout p50/p99 from a supervisor's approval (claims' HTTP maker–checker path) to
 *                    PayoutScheduled on payouts.events, at a steady rate, vs kafkajs
 *                    produce → consume round trips at the same rate;
 * 4. replay          events/s of rebuilding the enrollment and contributions read models from
 *                    their event stores (the stores parts 1 and 2 left) vs a `pg` sequential read.
 *
 * Full size: 100,000 CSV rows, 300 claims at 5/s, and — the one exception — 5,000 sponsored
 * workers (60,000 dues) for contributions instead of the NTT's 50,000 (600,000 dues, 40+ min on
 * a 2-core machine at ~250 dues/s): pass `--contributions-workers 50000` for the whole year.
 * Small size (`--size small`, ~2–3 minutes): 5,000 rows, 200 workers, 40 claims.
 */
import 'reflect-metadata';
import {
  printClaimToPayout,
  runClaimToPayoutPart,
  type ClaimToPayoutSize,
} from './parts/claim-to-payout-part';
import {
  printContributions,
  runContributionsPart,
  type ContributionsSize,
} from './parts/contributions-part';
import { printEnrollment, runEnrollmentPart, type EnrollmentSize } from './parts/enrollment-part';
import { printReplay, runReplayPart } from './parts/replay-part';
import { describeError, n, now, progress, runBench, secondsSince } from './shared/harness';

const PARTS = ['enrollment', 'contributions', 'claim-to-payout', 'replay'] as const;
type SizeName = 'full' | 'small' | 'ntt';

/** Default contributions size at `--size full`: what a run can afford (see the header). */
const FULL_CONTRIBUTIONS_WORKERS = 5_000;

interface Sizes {
  readonly enrollment: EnrollmentSize;
  readonly contributions: ContributionsSize;
  readonly claimToPayout: ClaimToPayoutSize;
}

/**
 * Accounts whose folds stay in memory: every one (about 9 kB each, per side). A monthly run
 * touches every account in turn, so a smaller LRU misses on every command and each month reads
 * longer streams than the last.
 */
const cachedAccounts = (workers: number): number => workers + 100;

/** The NTT province's year: 50,000 sponsored workers × 12 months. */
const NTT_WORKERS = 50_000;

const SIZES: Record<SizeName, Sizes> = {
  full: {
    enrollment: { rows: 100_000, rawBatch: 1_000 },
    contributions: {
      workers: FULL_CONTRIBUTIONS_WORKERS,
      months: 12,
      batch: 200,
      concurrency: 2,
      cachedAccounts: cachedAccounts(FULL_CONTRIBUTIONS_WORKERS),
    },
    claimToPayout: { claims: 300, ratePerSecond: 5, warmup: 3 },
  },
  ntt: {
    enrollment: { rows: 100_000, rawBatch: 1_000 },
    contributions: {
      workers: NTT_WORKERS,
      months: 12,
      batch: 200,
      concurrency: 2,
      cachedAccounts: cachedAccounts(NTT_WORKERS),
    },
    claimToPayout: { claims: 300, ratePerSecond: 5, warmup: 3 },
  },
  small: {
    enrollment: { rows: 5_000, rawBatch: 1_000 },
    contributions: {
      workers: 200,
      months: 12,
      batch: 200,
      concurrency: 2,
      cachedAccounts: cachedAccounts(200),
    },
    claimToPayout: { claims: 40, ratePerSecond: 5, warmup: 2 },
  },
};

runBench({
  name: 'santunan',
  scope: 'e2e',
  usage: `
npm run bench -- [options]

The four end-to-end figures, each beside a raw baseline measured in the same run: enrollment
rows/s (vs pg batched INSERT), contributions events/s outbox → Kafka → consumer (vs kafkajs
produce+consume), claim-to-payout p50/p99 (vs kafkajs round trips at the same rate), replay
events/s (vs pg sequential read). Full size: 100,000 rows, 5,000 sponsored workers × 12 months,
300 claims at 5/s; small (~2–3 minutes): 5,000 rows, 200 workers, 40 claims.
DATABASE_URL (a server) / KAFKA_BROKERS, else the local PostgreSQL and 127.0.0.1:9092; creates
and drops bench_e2e_*_<run> and bench.e2e.<run>.*. One line per figure on stdout, everything in
reports/bench-santunan.json.`,
  options: {
    size: {
      type: 'choice',
      choices: ['full', 'small', 'ntt'],
      default: 'full',
      help: 'the sizes (ntt: the full sizes with the 50,000-worker year)',
    },
    only: { type: 'list', choices: PARTS, default: PARTS, help: 'the parts to run' },
    'enrollment-rows': { type: 'integer', help: 'CSV rows, instead of the size’s' },
    'contributions-workers': { type: 'integer', help: 'sponsored workers, instead of the size’s' },
    claims: { type: 'integer', help: 'claims approved while measuring, instead of the size’s' },
    'claims-rate': { type: 'integer', help: 'approvals per second, instead of the size’s' },
  },
  async run(bench) {
    const { options, report } = bench;
    const size = options.size as SizeName;
    const base = SIZES[size];
    const workers = options['contributions-workers'] ?? base.contributions.workers;
    const sizes: Sizes = {
      enrollment: { ...base.enrollment, rows: options['enrollment-rows'] ?? base.enrollment.rows },
      contributions: { ...base.contributions, workers, cachedAccounts: cachedAccounts(workers) },
      claimToPayout: {
        ...base.claimToPayout,
        claims: options.claims ?? base.claimToPayout.claims,
        ratePerSecond: options['claims-rate'] ?? base.claimToPayout.ratePerSecond,
      },
    };
    const parts = new Set(options.only);
    if (parts.has('replay')) {
      for (const needed of ['enrollment', 'contributions'] as const) {
        if (!parts.has(needed)) {
          progress('bench', `replay rebuilds the store the ${needed} part builds: running it too`);
          parts.add(needed);
        }
      }
    }
    const contributionsNote =
      size === 'full' && workers < 50_000
        ? `contributions at ${n(workers)} workers, not the NTT's 50,000 ` +
          `(600,000 dues take 40+ minutes on 2 cores); pass --contributions-workers 50000 for the whole year`
        : undefined;
    progress('bench', `run ${bench.environment.run}, size ${size}, parts ${[...parts].join(', ')}`);
    if (contributionsNote && parts.has('contributions')) progress('bench', contributionsNote);
    Object.assign(report, { size, sizes, notes: contributionsNote ? [contributionsNote] : [] });

    // A part that fails is recorded; the others still run, and the exit code is 1.
    const results: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    report['results'] = results;
    const attempt = async <T, F>(
      part: string,
      work: () => Promise<T>,
      figuresOf: (result: T) => F,
      print: (figures: F) => void,
    ): Promise<T | undefined> => {
      if (!parts.has(part)) return undefined;
      const partStart = now();
      try {
        const result = await work();
        progress('bench', `${part} done in ${secondsSince(partStart).toFixed(0)} s`);
        const figures = figuresOf(result);
        results[part.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())] = figures;
        print(figures);
        return result;
      } catch (error) {
        errors[part] = describeError(error);
        report['errors'] = errors;
        progress('bench', `${part} FAILED: ${errors[part]}`);
        process.exitCode = 1;
        return undefined;
      }
    };
    const enrollment = await attempt(
      'enrollment',
      () => runEnrollmentPart(bench, sizes.enrollment),
      (done) => done.figures,
      printEnrollment,
    );
    const contributions = await attempt(
      'contributions',
      () => runContributionsPart(bench, sizes.contributions),
      (done) => done.figures,
      printContributions,
    );
    await attempt(
      'claim-to-payout',
      () => runClaimToPayoutPart(bench, sizes.claimToPayout),
      (figures) => figures,
      printClaimToPayout,
    );
    await attempt(
      'replay',
      () => runReplayPart({ enrollment: enrollment?.store, contributions: contributions?.store }),
      (figures) => figures,
      (figures) => figures.forEach(printReplay),
    );
  },
});
