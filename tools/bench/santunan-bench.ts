/**
 * End-to-end benchmarks of the platform (issue 10), a script, not a test:
 *
 *   npm run bench -- [--size full|small] [--only enrollment,contributions,claim-to-payout,replay]
 *                    [--enrollment-rows N] [--contributions-workers N] [--claims N] [--claims-rate R]
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
 *
 * DATABASE_URL (a server) / KAFKA_BROKERS, else postgres://postgres@127.0.0.1:5432/postgres and
 * 127.0.0.1:9092. Creates and drops its own databases and topics. Progress on stderr, one line
 * per figure on stdout, everything in reports/bench-santunan.json.
 */
import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { KafkaMessaging } from '@santunan/platform';
import {
  runClaimToPayoutPart,
  type ClaimToPayoutFigures,
  type ClaimToPayoutSize,
} from './parts/claim-to-payout-part';
import {
  runContributionsPart,
  type ContributionsFigures,
  type ContributionsSize,
  type ContributionsStore,
} from './parts/contributions-part';
import {
  runEnrollmentPart,
  type EnrollmentFigures,
  type EnrollmentSize,
  type EnrollmentStore,
} from './parts/enrollment-part';
import { runReplayPart, type ReplayFigures } from './parts/replay-part';
import {
  Cleanup,
  benchEnvironment,
  describeMachine,
  now,
  progress,
  secondsSince,
} from './shared/bench-support';

const REPORT_FILE = path.resolve(__dirname, '../../reports/bench-santunan.json');
const PARTS = ['enrollment', 'contributions', 'claim-to-payout', 'replay'] as const;
type Part = (typeof PARTS)[number];
type SizeName = 'full' | 'small';

/** Default contributions size at `--size full`: what a run can afford (see the header). */
export const FULL_CONTRIBUTIONS_WORKERS = 5_000;

interface Sizes {
  readonly enrollment: EnrollmentSize;
  readonly contributions: ContributionsSize;
  readonly claimToPayout: ClaimToPayoutSize;
}

const SIZES: Record<SizeName, Sizes> = {
  full: {
    enrollment: { rows: 100_000, rawBatch: 1_000 },
    contributions: { workers: FULL_CONTRIBUTIONS_WORKERS, months: 12, batch: 200, concurrency: 2 },
    claimToPayout: { claims: 300, ratePerSecond: 5, warmup: 3 },
  },
  small: {
    enrollment: { rows: 5_000, rawBatch: 1_000 },
    contributions: { workers: 200, months: 12, batch: 200, concurrency: 2 },
    claimToPayout: { claims: 40, ratePerSecond: 5, warmup: 2 },
  },
};

interface Options {
  readonly size: SizeName;
  readonly parts: ReadonlySet<Part>;
  readonly sizes: Sizes;
}

function parseArguments(argv: readonly string[]): Options {
  const valueOf = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    if (at >= 0) return argv[at + 1];
    return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const integer = (name: string, fallback: number): number => {
    const raw = valueOf(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  const known = new Set([
    'size',
    'only',
    'enrollment-rows',
    'contributions-workers',
    'claims',
    'claims-rate',
  ]);
  for (const arg of argv) {
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] : undefined;
    if (name !== undefined && !known.has(name)) throw new Error(`unknown option ${arg}`);
  }
  const size = valueOf('size') ?? 'full';
  if (size !== 'full' && size !== 'small') throw new Error('--size is full or small');
  const only = valueOf('only');
  const parts = new Set<Part>();
  for (const name of only === undefined ? PARTS : only.split(',')) {
    if (!(PARTS as readonly string[]).includes(name)) {
      throw new Error(`--only takes ${PARTS.join(',')}; not ${name}`);
    }
    parts.add(name as Part);
  }
  const base = SIZES[size];
  return {
    size,
    parts,
    sizes: {
      enrollment: { ...base.enrollment, rows: integer('enrollment-rows', base.enrollment.rows) },
      contributions: {
        ...base.contributions,
        workers: integer('contributions-workers', base.contributions.workers),
      },
      claimToPayout: {
        ...base.claimToPayout,
        claims: integer('claims', base.claimToPayout.claims),
        ratePerSecond: integer('claims-rate', base.claimToPayout.ratePerSecond),
      },
    },
  };
}

const n = (value: number): string => value.toLocaleString('en-US');

function printEnrollment(f: EnrollmentFigures): void {
  console.log(
    `enrollment        ${n(f.enrolled.perSecond)} rows/s (${n(f.rows)} rows in ${f.enrolled.seconds} s)` +
      ` | baseline pg batched INSERT ${n(f.baseline.pgBatchedInsert.perSecond)} rows/s | ratio ${f.ratio}`,
  );
}

function printContributions(f: ContributionsFigures): void {
  console.log(
    `contributions     ${n(f.endToEnd.perSecond)} events/s outbox → Kafka → consumer (${n(f.events)} events, ${n(f.dues)} dues, ${n(f.workers)} workers × ${f.months} months, in ${f.endToEnd.seconds} s)` +
      ` | baseline kafkajs batched produce+consume ${n(f.baseline.kafkaProduceConsume.produceAndConsume.perSecond)} msg/s | ratio ${f.ratio.endToEndVsKafka}`,
  );
  console.log(
    `contributions     write side ${n(f.writeSide.perSecond)} events/s (${n(f.duesPerSecond)} dues/s)` +
      ` | baseline pg batched INSERT ${n(f.baseline.pgBatchedInsert.perSecond)} rows/s | ratio ${f.ratio.writeSideVsPgInsert}`,
  );
}

function printClaimToPayout(f: ClaimToPayoutFigures): void {
  const raw = f.baseline.kafkaRoundTrip.latency;
  console.log(
    `claim-to-payout   p50 ${f.claimToPayout.p50Ms} ms, p99 ${f.claimToPayout.p99Ms} ms (${f.claims} approvals at ${f.ratePerSecond}/s)` +
      ` | baseline kafkajs produce→consume round trip p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms | ratio (baseline/ours) p50 ${f.ratio.p50}, p99 ${f.ratio.p99}`,
  );
}

function printReplay(f: ReplayFigures): void {
  console.log(
    `replay ${f.store.padEnd(13)} ${n(f.rebuild.perSecond)} events/s (${f.projections.join(' + ')}, ${n(f.rebuild.count)} events read in ${f.rebuild.seconds} s${f.equalsLive ? ', equals live' : ', DIFFERS FROM LIVE'})` +
      ` | baseline pg sequential read ${n(f.baseline.pgSequentialRead.perSecond)} rows/s (pages of ${f.baseline.page}) | ratio ${f.ratio}`,
  );
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const environment = benchEnvironment();
  const messaging = new KafkaMessaging({
    brokers: environment.brokers,
    clientId: 'santunan-bench',
    logLevel: 'nothing',
  });
  const cleanup = new Cleanup(environment, messaging);
  const parts = new Set(options.parts);
  if (parts.has('replay')) {
    for (const needed of ['enrollment', 'contributions'] as const) {
      if (!parts.has(needed)) {
        progress('bench', `replay rebuilds the store the ${needed} part builds: running it too`);
        parts.add(needed);
      }
    }
  }
  const contributionsNote =
    options.size === 'full' && options.sizes.contributions.workers < 50_000
      ? `contributions at ${n(options.sizes.contributions.workers)} workers, not the NTT's 50,000 ` +
        `(600,000 dues take 40+ minutes on 2 cores); pass --contributions-workers 50000 for the whole year`
      : undefined;
  progress('bench', `run ${environment.run}, size ${options.size}, parts ${[...parts].join(', ')}`);
  if (contributionsNote && parts.has('contributions')) progress('bench', contributionsNote);
  const report: Record<string, unknown> = {
    benchmark: 'santunan-end-to-end',
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    run: environment.run,
    startedAt: new Date().toISOString(),
    size: options.size,
    sizes: options.sizes,
    notes: contributionsNote ? [contributionsNote] : [],
  };
  const results: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const startedAt = now();
  const attempt = async <T>(part: string, work: () => Promise<T>): Promise<T | undefined> => {
    const partStart = now();
    try {
      const result = await work();
      progress('bench', `${part} done in ${secondsSince(partStart).toFixed(0)} s`);
      return result;
    } catch (error) {
      errors[part] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      progress('bench', `${part} FAILED: ${errors[part]}`);
      process.exitCode = 1;
      return undefined;
    }
  };
  try {
    let enrollmentStore: EnrollmentStore | undefined;
    let contributionsStore: ContributionsStore | undefined;
    if (parts.has('enrollment')) {
      const done = await attempt('enrollment', () =>
        runEnrollmentPart(environment, cleanup, messaging, options.sizes.enrollment),
      );
      if (done) {
        results['enrollment'] = done.figures;
        enrollmentStore = done.store;
        printEnrollment(done.figures);
      }
    }
    if (parts.has('contributions')) {
      const done = await attempt('contributions', () =>
        runContributionsPart(environment, cleanup, messaging, options.sizes.contributions),
      );
      if (done) {
        results['contributions'] = done.figures;
        contributionsStore = done.store;
        printContributions(done.figures);
      }
    }
    if (parts.has('claim-to-payout')) {
      const done = await attempt('claim-to-payout', () =>
        runClaimToPayoutPart(environment, cleanup, messaging, options.sizes.claimToPayout),
      );
      if (done) {
        results['claimToPayout'] = done;
        printClaimToPayout(done);
      }
    }
    if (parts.has('replay')) {
      const done = await attempt('replay', () =>
        runReplayPart({ enrollment: enrollmentStore, contributions: contributionsStore }),
      );
      if (done) {
        results['replay'] = done;
        done.forEach(printReplay);
      }
    }
  } finally {
    progress('bench', 'dropping databases and topics');
    await cleanup.run();
  }
  report['totalSeconds'] = Math.round(secondsSince(startedAt));
  report['machine'] = await describeMachine(environment);
  report['results'] = results;
  if (Object.keys(errors).length > 0) report['errors'] = errors;
  await fs.mkdir(path.dirname(REPORT_FILE), { recursive: true });
  await fs.writeFile(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${path.relative(process.cwd(), REPORT_FILE)}`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
