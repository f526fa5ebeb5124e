/**
 * Contribution events/s through outbox → Kafka → a downstream consumer: the NTT case at scale
 * through the real contributions root module (event store, outbox relay, projections, the
 * sponsorship process) on fresh databases. A sponsor program of N workers, then for each month
 * the statement run, the bill run, the sponsor's payment and its fan-out to every account
 * (a ContributionPaid each, carrying the coverage it extended since v2). Measured from the first command of the first
 * month to the last event read by a downstream consumer group on contributions.events (what
 * claims' coverage consumer subscribes to). Beside it, in the same run: kafkajs batched produce
 * + consume, and `pg` batched INSERTs then a sequential read, of the same number and average
 * size of messages. Part 2 of `npm run bench` (which also times a command on the program
 * stream with and without its cached fold).
 */
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import {
  ContributionsModule,
  ContributionsServices,
  SPONSOR_PROGRAM_STREAM,
  SponsorPrograms,
  type ContributionsConfig,
} from '@santunan/contributions-service';
import { addMonths } from '@santunan/domain-kernel';
import {
  type Actor,
  authConfig,
  type Clock,
  ephemeralEventSigning,
  fixedClock,
} from '@santunan/platform';
import {
  n,
  now,
  progress,
  rate,
  ratio,
  round,
  secondsSince,
  until,
  type BenchRun,
  type Rate,
} from '../shared/harness';
import {
  filler,
  kafkaProduceThenConsume,
  pgBatchedInsert,
  pgSequentialRead,
  type ProduceConsume,
} from '../shared/raw-baselines';

const TARIFF = 16_800;
const PROGRAM_ID = 'ntt-bench';
const OPERATOR: Actor = { id: 'bench-operator', kind: 'user', roles: ['sponsor-operator'] };
const FINANCE: Actor = { id: 'bench-finance', kind: 'user', roles: ['finance'] };
/** Messages per raw produce and rows per raw INSERT. */
const RAW_BATCH = 500;

export interface ContributionsSize {
  readonly workers: number;
  /** At most 12: one coverage year. */
  readonly months: number;
  /** Accounts per transaction, and transactions in flight (the service's batch settings). */
  readonly batch: number;
  readonly concurrency: number;
  /** Accounts whose folds the write side and the coverage projection keep in memory (~9 kB each). */
  readonly cachedAccounts: number;
  /** Also time a command on the program stream with and without its cached fold. */
  readonly programCacheProbe?: boolean;
}

export interface ContributionsStore {
  readonly config: ContributionsConfig;
}

export interface ProgramCacheFigures {
  readonly streamVersion: number;
  readonly coldLoadMs: number;
  readonly commandWithCacheMs: number;
  readonly commandWithoutCacheMs: number;
}

export interface ContributionsFigures {
  readonly workers: number;
  readonly months: number;
  readonly dues: number;
  readonly events: number;
  readonly averageMessageBytes: number;
  readonly setup: { readonly enrolments: Rate; readonly sponsorshipsStartedSeconds: number };
  readonly programCache?: ProgramCacheFigures;
  /** Per month: the statement and bill runs, and the whole month through its fan-out. */
  readonly perMonth: Record<string, { readonly billRunSeconds: number; readonly seconds: number }>;
  /** First command → last command's effects committed (fan-out included). */
  readonly writeSide: Rate;
  readonly duesPerSecond: number;
  /** First command → the outbox empty. */
  readonly publishedSeconds: number;
  /** First command → the last event read by the downstream consumer group: the figure. */
  readonly endToEnd: Rate;
  readonly coverageCaughtUpSecondsAfterWriteSide: number;
  /**
   * The year as a sponsor sees it: first command → the coverage view shows every worker paid
   * through the last month (the headline figure).
   */
  readonly yearUntilCoverageCurrentSeconds: number;
  /** The last month's duration over the first's: 1 when months stay flat as history grows. */
  readonly lastMonthOverFirst: number;
  readonly programReport: Record<string, number> | undefined;
  /** The program report holds exactly N × tariff × months billed, paid and received. */
  readonly totalsExact: boolean;
  readonly baseline: {
    readonly kafkaProduceConsume: ProduceConsume;
    readonly pgBatchedInsert: Rate;
    readonly pgSequentialRead: Rate;
    readonly batch: number;
  };
  readonly ratio: {
    readonly endToEndVsKafka: number;
    readonly writeSideVsPgInsert: number;
    /** Against the insert and the read back-to-back. */
    readonly writeSideVsPgInsertAndRead: number;
  };
}

const log = (line: string): void => progress('contributions', line);

/** A clock the benchmark moves month by month. */
class MonthClock implements Clock {
  private clock: Clock = fixedClock('2025-12-01T02:00:00Z');

  set(instant: string): void {
    this.clock = fixedClock(instant);
  }

  now(): string {
    return this.clock.now();
  }

  today(): string {
    return this.clock.today();
  }
}

/** UUID-shaped, so ids sort like the service's real ones. */
function workerId(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export async function runContributionsPart(
  { environment, resources, messaging }: BenchRun,
  size: ContributionsSize,
): Promise<{ figures: ContributionsFigures; store: ContributionsStore }> {
  const { run } = environment;
  if (size.months > 12) throw new Error('at most 12 months (one coverage year)');
  const clock = new MonthClock();
  const config: ContributionsConfig = {
    service: {
      // Its own name: consumer groups are named after it, and must not join a running platform's.
      serviceName: `bench-contributions-${run}`,
      httpPort: 0,
      databaseUrl: resources.database('contrib'),
      keyDatabaseUrl: resources.database('contrib', 'keys'),
      kafkaBrokers: environment.brokers,
      kafkaSasl: environment.sasl,
      // Signs as in production, with a key of this run only.
      ...ephemeralEventSigning(['contributions'])('contributions'),
      auth: authConfig({ secret: randomBytes(32).toString('hex') }),
    },
    eventsTopic: resources.topic('contributions', 'events'),
    enrollmentTopic: resources.topic('contributions', 'enrollment'),
    claimsTopic: resources.topic('contributions', 'claims'),
    schedulerIntervalMs: null,
    batchSize: size.batch,
    batchConcurrency: size.concurrency,
    programCacheSize: 10,
    // A monthly run touches every account in turn, which an LRU smaller than the population
    // would always miss.
    coverageCacheSize: size.cachedAccounts,
    accountCacheSize: size.cachedAccounts,
  };
  log(`${size.workers} sponsored workers × ${size.months} months`);
  const app = await NestFactory.createApplicationContext(
    ContributionsModule.forRoot({ config, clock }),
    { logger: ['error', 'warn'] },
  );
  let downstreamStop: (() => Promise<void>) | undefined;
  try {
    const services = app.get(ContributionsServices);
    const { programs, accounts, accountRegistry, programRegistry, scheduler } = services;
    const database = services.runtime.database;
    const count = async (sql: string, parameters: unknown[] = []): Promise<number> => {
      const [row] = await database.query<{ n: string }>(sql, parameters);
      return Number(row?.n ?? 0);
    };
    /** Polls the sponsorship process's checkpoint (one row), not the events table. */
    const processedThrough = async (position: string | undefined): Promise<true | undefined> => {
      const [row] = await database.query<{ global_position: string }>(
        `select global_position from projection_checkpoints where name = 'sponsorship-process'`,
      );
      return BigInt(row?.global_position ?? '0') >= BigInt(position ?? '0') ? true : undefined;
    };
    const cause = (actor: Actor) => ({ actor, correlationId: `bench-${run}` });

    // Setup: the program and its workers (timed, not the figure).
    const opened = await programs.handle(
      PROGRAM_ID,
      {
        type: 'OpenSponsorProgram',
        programId: PROGRAM_ID,
        name: 'NTT pekerja rentan (benchmark)',
        sponsorType: 'province',
        pksNumber: 'PKS/BENCH',
        budget: size.workers * TARIFF * 12,
        firstMonth: '2026-01',
        lastMonth: '2026-12',
      },
      {
        ...cause(OPERATOR),
        alongside: (tx) =>
          programRegistry.register(tx, {
            programId: PROGRAM_ID,
            operatorIds: [OPERATOR.id],
            firstMonth: '2026-01',
            lastMonth: '2026-12',
            openedBy: OPERATOR.id,
          }),
      },
    );
    if (!opened.ok) throw new Error(opened.rejection.message);
    const ids = Array.from({ length: size.workers }, (_, index) => workerId(index + 1));
    const setupStart = now();
    let lastEnrolment: string | undefined;
    for (let at = 0; at < ids.length; at += size.batch) {
      const chunk = ids.slice(at, at + size.batch);
      // What the registration consumer does for each worker, a batch per transaction.
      const openedAccounts = await accounts.handleMany(
        chunk.map((participantId) =>
          accounts.request(
            participantId,
            {
              type: 'OpenContributionAccount',
              participantId,
              sector: 'other',
              declaredIncome: 1_000_000,
              incomeEffectiveFrom: '2026-01',
              membership: { kind: 'sponsored', programId: PROGRAM_ID },
            },
            { ...cause(OPERATOR), alongside: (tx) => accountRegistry.register(tx, participantId) },
          ),
        ),
      );
      if (openedAccounts.some((result) => !result.ok))
        throw new Error('an account refused to open');
      const enrolled = await programs.streams.handleMany(
        chunk.map((participantId) =>
          programs.request(
            PROGRAM_ID,
            { type: 'EnrolParticipant', participantId, fromMonth: '2026-01' },
            cause(OPERATOR),
          ),
        ),
      );
      const refused = enrolled.find((result) => !result.ok);
      if (refused && !refused.ok) throw new Error(refused.rejection.message);
      const last = enrolled[enrolled.length - 1];
      if (last?.ok) lastEnrolment = last.events[last.events.length - 1]?.globalPosition;
    }
    const enrolments = rate(size.workers, setupStart);
    await until('the sponsorships to start', () => processedThrough(lastEnrolment), 3_600_000, 250);
    const sponsorshipsStartedSeconds = round(secondsSince(setupStart), 3);
    log(
      `setup: ${enrolments.perSecond} enrolments/s; sponsorships started after ${sponsorshipsStartedSeconds} s`,
    );

    let programCache: ProgramCacheFigures | undefined;
    if (size.programCacheProbe) {
      // The program stream's cached fold against a fold from the store, for one command.
      const probe = {
        type: 'EnrolParticipant',
        participantId: ids[0] ?? '',
        fromMonth: '2026-01',
      } as const;
      const millisecondsPerCommand = async (
        under: SponsorPrograms,
        repeat: number,
      ): Promise<number> => {
        const started = now();
        for (let index = 0; index < repeat; index += 1) {
          const result = await under.handle(PROGRAM_ID, probe, cause(OPERATOR));
          if (!result.ok) throw new Error(result.rejection.message);
        }
        return (now() - started) / repeat;
      };
      const uncached = new SponsorPrograms(
        services.runtime.repository(SPONSOR_PROGRAM_STREAM),
        services.context,
      );
      const coldStart = now();
      const cold = await uncached.load(PROGRAM_ID);
      programCache = {
        streamVersion: cold.version,
        coldLoadMs: Math.round(now() - coldStart),
        commandWithCacheMs: round(await millisecondsPerCommand(programs, 200), 2),
        commandWithoutCacheMs: round(await millisecondsPerCommand(uncached, 3), 1),
      };
      log(`program cache: ${JSON.stringify(programCache)}`);
    }

    await until(
      'the setup to be published',
      async () => ((await count('select count(*) as n from outbox')) === 0 ? true : undefined),
      3_600_000,
      250,
    );
    const eventsBefore = await count('select count(*) as n from events');

    // The downstream consumer group: it reads the whole topic, setup included.
    let received = 0;
    let lastReceivedAt = 0;
    const downstream = await messaging.subscribe({
      groupId: `${config.eventsTopic}.downstream`,
      topics: [config.eventsTopic],
      fromBeginning: true,
      handle: async () => {
        received += 1;
        lastReceivedAt = now();
      },
    });
    downstreamStop = () => downstream.stop();

    const phaseStart = now();
    const months = Array.from({ length: size.months }, (_, index) => addMonths('2026-01', index));
    const perMonth: Record<string, { billRunSeconds: number; seconds: number }> = {};
    for (const month of months) {
      const monthStart = now();
      clock.set(`${month}-02T02:00:00Z`);
      await scheduler.run('issue-statements', month, FINANCE, `bench-${month}`);
      const billed = await scheduler.run('bill', month, FINANCE, `bench-${month}`);
      const billRunSeconds = round(secondsSince(monthStart), 1);
      if (billed.changed !== size.workers) throw new Error(`${month}: billed ${billed.changed}`);
      const paid = await programs.handle(
        PROGRAM_ID,
        {
          type: 'ReceiveSponsorPayment',
          month,
          paymentReference: `SP2D-BENCH-${month}`,
          amount: size.workers * TARIFF,
          paidAt: `${month}-02T10:00:00+08:00`,
          paidOn: `${month}-02`,
        },
        { ...cause(FINANCE), occurredAt: `${month}-02T10:00:00+08:00` },
      );
      if (!paid.ok) throw new Error(paid.rejection.message);
      // Bills go out at the start of a month and the sponsor pays around the 14th: the month's
      // shares reach the accounts before the next month's bills do, as in the year they model.
      await until(
        `the ${month} fan-out`,
        () => processedThrough(paid.events[paid.events.length - 1]?.globalPosition),
        3_600_000,
        250,
      );
      perMonth[month] = { billRunSeconds, seconds: round(secondsSince(monthStart), 1) };
      log(
        `${month}: statement and ${billed.changed} bills in ${billRunSeconds} s; ` +
          `the payment and its fan-out by ${perMonth[month]?.seconds} s`,
      );
    }
    // Each month waited for its fan-out: the write side is done with the last command.
    const writeSideDoneAt = now();
    const dues = size.workers * size.months;
    const total = await count('select count(*) as n from events');
    const events = total - eventsBefore;
    const writeSide = rate(events, phaseStart, writeSideDoneAt);
    const lastMonth = months[months.length - 1] ?? '2026-01';
    const coveredAt = await until(
      'the coverage projection',
      async () =>
        (await count(
          'select count(*) as n from coverage_view where paid_through = $1 and masa_iur_months = $2',
          [lastMonth, size.months],
        )) >= size.workers
          ? now()
          : undefined,
      3_600_000,
      250,
    );
    const publishedAt = await until(
      'the relay',
      async () => ((await count('select count(*) as n from outbox')) === 0 ? now() : undefined),
      3_600_000,
      250,
    );
    await until(
      'the downstream consumer',
      () => (received >= total ? true : undefined),
      1_800_000,
      20,
    );
    const endToEnd = rate(events, phaseStart, lastReceivedAt);
    log(
      `write side ${writeSide.perSecond} events/s (${rate(dues, phaseStart, writeSideDoneAt).perSecond} dues/s); ` +
        `downstream has all ${events} after ${endToEnd.seconds} s`,
    );
    await downstream.stop();
    downstreamStop = undefined;
    const [report] = await database.query<{ report: Record<string, number> }>(
      'select report from program_report where program_id = $1',
      [PROGRAM_ID],
    );
    const [sizeRow] = await database.query<{ bytes: string }>(
      `select avg(octet_length(data::text) + octet_length(metadata::text) + 400)::bigint as bytes
         from events where global_position > (select max(global_position) - 5000 from events)`,
    );
    const averageMessageBytes = Number(sizeRow?.bytes ?? 1_000);
    const totalsExact =
      report?.report['billed'] === dues * TARIFF &&
      report.report['paid'] === dues * TARIFF &&
      report.report['received'] === dues * TARIFF;
    await app.close();

    log(`raw baselines: ${events} messages of ${averageMessageBytes} bytes`);
    const kafka = await kafkaProduceThenConsume(
      messaging,
      resources.topic('contributions', 'raw'),
      { messages: events, bytes: averageMessageBytes, batch: RAW_BATCH },
    );
    const pgInsert = await pgBatchedInsert(config.service.databaseUrl, {
      createTable:
        'create table bench_raw_events (id bigserial primary key, stream_id text not null, type text not null, data jsonb not null)',
      table: 'bench_raw_events',
      columns: ['stream_id', 'type', 'data'],
      rows: events,
      batch: RAW_BATCH,
      row: (index) => [
        `stream-${index % 50_000}`,
        'ContributionPaid',
        filler(averageMessageBytes, index, 'ContributionPaid'),
      ],
    });
    const pgRead = await pgSequentialRead(
      config.service.databaseUrl,
      'bench_raw_events',
      'id',
      5_000,
    );
    const pgInsertAndRead = events / (pgInsert.seconds + pgRead.seconds);
    return {
      figures: {
        workers: size.workers,
        months: size.months,
        dues,
        events,
        averageMessageBytes,
        setup: { enrolments, sponsorshipsStartedSeconds },
        ...(programCache ? { programCache } : {}),
        perMonth,
        writeSide,
        duesPerSecond: rate(dues, phaseStart, writeSideDoneAt).perSecond,
        publishedSeconds: round(secondsSince(phaseStart, publishedAt), 3),
        endToEnd,
        coverageCaughtUpSecondsAfterWriteSide: round(secondsSince(writeSideDoneAt, coveredAt), 3),
        yearUntilCoverageCurrentSeconds: round(secondsSince(phaseStart, coveredAt), 1),
        lastMonthOverFirst: round(
          (perMonth[lastMonth]?.seconds ?? 0) / (perMonth[months[0] ?? lastMonth]?.seconds ?? 1),
          2,
        ),
        programReport: report?.report,
        totalsExact,
        baseline: {
          kafkaProduceConsume: kafka,
          pgBatchedInsert: pgInsert,
          pgSequentialRead: pgRead,
          batch: RAW_BATCH,
        },
        ratio: {
          endToEndVsKafka: ratio(endToEnd.perSecond, kafka.produceAndConsume.perSecond),
          writeSideVsPgInsert: ratio(writeSide.perSecond, pgInsert.perSecond),
          writeSideVsPgInsertAndRead: ratio(writeSide.perSecond, pgInsertAndRead),
        },
      },
      store: { config },
    };
  } finally {
    await downstreamStop?.().catch(() => undefined);
    await app.close().catch(() => undefined);
  }
}

/** The figures' lines on stdout. */
export function printContributions(f: ContributionsFigures): void {
  if (f.programCache) {
    const c = f.programCache;
    console.log(
      `contributions     program command ${c.commandWithCacheMs} ms with its cached fold, ` +
        `${c.commandWithoutCacheMs} ms folding ${n(c.streamVersion)} events (cold load ${c.coldLoadMs} ms)`,
    );
  }
  console.log(
    `contributions     the year: ${n(f.workers)} workers × ${f.months} months until the coverage view is current in ${f.yearUntilCoverageCurrentSeconds} s` +
      ` (${f.coverageCaughtUpSecondsAfterWriteSide} s after the write side) | last month ${f.lastMonthOverFirst}× the first` +
      ` | report exact: ${f.totalsExact ? 'yes' : 'NO'}`,
  );
  console.log(
    `contributions     months (s, bills + payment + fan-out): ${Object.entries(f.perMonth)
      .map(([month, { seconds }]) => `${month} ${seconds}`)
      .join(', ')}`,
  );
  console.log(
    `contributions     ${n(f.endToEnd.perSecond)} events/s outbox → Kafka → consumer (${n(f.events)} events, ${n(f.dues)} dues, ${n(f.workers)} workers × ${f.months} months, in ${f.endToEnd.seconds} s)` +
      ` | baseline kafkajs batched produce+consume ${n(f.baseline.kafkaProduceConsume.produceAndConsume.perSecond)} msg/s | ratio ${f.ratio.endToEndVsKafka}`,
  );
  console.log(
    `contributions     write side ${n(f.writeSide.perSecond)} events/s (${n(f.duesPerSecond)} dues/s)` +
      ` | baseline pg batched INSERT ${n(f.baseline.pgBatchedInsert.perSecond)} rows/s | ratio ${f.ratio.writeSideVsPgInsert}` +
      ` (INSERT + read ${f.ratio.writeSideVsPgInsertAndRead})`,
  );
}
