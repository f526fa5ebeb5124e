/**
 * `npm run bench`: every performance figure of the platform in one program (issue 16), each
 * beside a raw baseline measured in the same run — a script, not a test:
 *
 * 0. platform        event-store append / appendMany events/s vs `pg` multi-row INSERT of the
 *                    same rows; outbox relay publish events/s vs the platform's producer alone;
 * 1. enrollment      rows/s of one CSV through the real enrollment service's bulk path
 *                    (accepted → published → searchable) vs `pg` batched INSERT of the same rows;
 * 2. contributions   the sponsor's year: N workers billed and paid 12 months through the real
 *                    contributions service, until the coverage view is current, month by month;
 *                    events/s outbox → Kafka → consumer vs kafkajs batched produce + consume
 *                    (and the write side vs `pg` batched INSERT) of the same number and size;
 * 3. claim-to-payout p50/p99 from a supervisor's approval (claims' HTTP maker–checker path) to
 *                    PayoutScheduled on payouts.events, at a steady rate, vs kafkajs
 *                    produce → consume round trips at the same rate;
 * 4. replay          events/s of rebuilding the enrollment and contributions read models from
 *                    their event stores (the stores parts 1 and 2 left) vs a `pg` sequential read.
 *
 * Sizes: `full` (default) 100,000 CSV rows, 5,000 sponsored workers, 300 claims at 5/s;
 * `ntt` the same with the province's 50,000-worker year; `small` (~2–3 minutes) 5,000 rows,
 * 200 workers, 40 claims. Every size can be overridden per part.
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
import { printPlatform, runPlatformPart, type PlatformWorkload } from './parts/platform-part';
import { printReplay, runReplayPart } from './parts/replay-part';
import { describeError, n, now, progress, runBench, secondsSince } from './shared/harness';

const PARTS = ['platform', 'enrollment', 'contributions', 'claim-to-payout', 'replay'] as const;
type SizeName = 'full' | 'small' | 'ntt';

/** Default contributions size at `--size full`: what a run can afford (see the header). */
const FULL_CONTRIBUTIONS_WORKERS = 5_000;

interface Sizes {
  readonly platform: PlatformWorkload;
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

/** Appends of 4 events on new streams, 50 per transaction; relay batches of 500. */
const PLATFORM_WORKLOAD: PlatformWorkload = {
  events: 20_000,
  eventsPerStream: 4,
  streamsPerTransaction: 50,
  relayBatch: 500,
};

/** The NTT province's year: 50,000 sponsored workers × 12 months. */
const NTT_WORKERS = 50_000;

const SIZES: Record<SizeName, Sizes> = {
  full: {
    platform: PLATFORM_WORKLOAD,
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
    platform: PLATFORM_WORKLOAD,
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
    platform: { ...PLATFORM_WORKLOAD, events: 4_000 },
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

Every figure, each beside a raw baseline measured in the same run: platform append/appendMany
events/s (vs pg multi-row INSERT) and relay publish events/s (vs the producer alone); enrollment
rows/s (vs pg batched INSERT); the contributions year until the coverage view is current, month
by month, and events/s outbox → Kafka → consumer (vs kafkajs produce+consume); claim-to-payout
p50/p99 (vs kafkajs round trips at the same rate); replay events/s (vs pg sequential read).
Sizes: full (default) 100,000 rows, 5,000 sponsored workers × 12 months, 300 claims at 5/s;
ntt: the same with the 50,000-worker year; small (~2–3 minutes): 5,000 rows, 200 workers,
40 claims. DATABASE_URL (a server) / KAFKA_BROKERS, else the local PostgreSQL and
127.0.0.1:9092; creates and drops bench_e2e_*_<run> and bench.e2e.<run>.*. One line per figure
on stdout, everything in reports/bench-santunan.json.`,
  options: {
    size: {
      type: 'choice',
      choices: ['full', 'small', 'ntt'],
      default: 'full',
      help: 'the sizes (ntt: the full sizes with the 50,000-worker year)',
    },
    only: { type: 'list', choices: PARTS, default: PARTS, help: 'the parts to run' },
    'platform-events': {
      type: 'integer',
      help: 'events appended and relayed, instead of the size’s',
    },
    'enrollment-rows': { type: 'integer', help: 'CSV rows, instead of the size’s' },
    'contributions-workers': { type: 'integer', help: 'sponsored workers, instead of the size’s' },
    months: { type: 'integer', max: 12, help: 'months billed and paid (12 unless given)' },
    'contributions-batch': {
      type: 'integer',
      help: 'accounts per contributions transaction (200 unless given)',
    },
    'contributions-concurrency': {
      type: 'integer',
      help: 'contributions transactions in flight (2 unless given)',
    },
    'enrollment-batch': {
      type: 'integer',
      env: 'BENCH_BATCH',
      help: "rows per enrolment transaction; the service's default if not given",
    },
    'enrollment-in-flight': {
      type: 'integer',
      env: 'BENCH_IN_FLIGHT',
      help: "enrolment batches at once; the service's default if not given",
    },
    claims: { type: 'integer', help: 'claims approved while measuring, instead of the size’s' },
    'claims-rate': { type: 'integer', help: 'approvals per second, instead of the size’s' },
  },
  async run(bench) {
    const { options, report } = bench;
    const size = options.size as SizeName;
    const base = SIZES[size];
    const workers = options['contributions-workers'] ?? base.contributions.workers;
    const sizes: Sizes = {
      platform: { ...base.platform, events: options['platform-events'] ?? base.platform.events },
      enrollment: {
        ...base.enrollment,
        rows: options['enrollment-rows'] ?? base.enrollment.rows,
        batchSize: options['enrollment-batch'],
        batchesInFlight: options['enrollment-in-flight'],
      },
      contributions: {
        ...base.contributions,
        workers,
        months: options.months ?? base.contributions.months,
        batch: options['contributions-batch'] ?? base.contributions.batch,
        concurrency: options['contributions-concurrency'] ?? base.contributions.concurrency,
        cachedAccounts: cachedAccounts(workers),
        // A command on the program stream with and without its cached fold (ADR 0012 §2).
        programCacheProbe: true,
      },
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
    await attempt(
      'platform',
      () => runPlatformPart(bench, sizes.platform),
      (figures) => figures,
      printPlatform,
    );
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
