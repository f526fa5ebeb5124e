/**
 * Contributions benchmark (a script, not a test): the NTT case at scale through the service's
 * own code — a sponsor program, N sponsored workers, and for each of 12 months the statement,
 * the bill of every worker, the sponsor's payment and its fan-out to every account — on fresh
 * databases, with the outbox relay publishing to Kafka, a downstream Kafka consumer counting
 * what arrives, and the coverage projection catching up. Beside it, raw baselines measured in
 * the same run: kafkajs batched produce + consume, and `pg` batched insert + sequential read,
 * of the same number and size of messages.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     tools/contributions/bench-contributions.ts [--workers 50000] [--months 12] \
 *     [--batch 200] [--concurrency 2]
 *
 * DATABASE_URL (a server; default postgres://postgres@127.0.0.1:5432/postgres) and
 * KAFKA_BROKERS (default 127.0.0.1:9092). Writes reports/bench-contributions.json.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { addMonths } from '@santunan/domain-kernel';
import {
  authConfig,
  databaseUrl,
  dropDatabase,
  fixedClock,
  KafkaMessaging,
  LOCAL_POSTGRES_URL,
  type Actor,
  type Clock,
  type OutgoingMessage,
} from '@santunan/platform';
import {
  ContributionsModule,
  ContributionsServices,
  SPONSOR_PROGRAM_STREAM,
  SponsorPrograms,
  type ContributionsConfig,
} from '@santunan/contributions-service';

const REPORT_FILE = path.resolve(__dirname, '../../reports/bench-contributions.json');
const TARIFF = 16_800;
const PROGRAM_ID = 'ntt-bench';
const OPERATOR: Actor = { id: 'bench-operator', kind: 'user', roles: ['sponsor-operator'] };
const FINANCE: Actor = { id: 'bench-finance', kind: 'user', roles: ['finance'] };

interface Options {
  readonly workers: number;
  readonly months: number;
  readonly batch: number;
  readonly concurrency: number;
}

function optionsFromArguments(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    const raw = at >= 0 ? argv[at + 1] : undefined;
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isSafeInteger(parsed) || parsed < 1)
      throw new Error(`--${name} must be a positive integer`);
    return parsed;
  };
  const months = value('months', 12);
  if (months > 12) throw new Error('--months is at most 12 (one coverage year)');
  return {
    workers: value('workers', 50_000),
    months,
    batch: value('batch', 200),
    concurrency: value('concurrency', 2),
  };
}

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

const seconds = (from: number, to = performance.now()): number => (to - from) / 1000;
const rate = (count: number, secs: number): number => Math.round(count / secs);
const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 3_600_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function workerId(index: number): string {
  // UUID-shaped, so ids sort like the service's real ones.
  const hex = index.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** Where the sponsorship process stands in the store (global position of its checkpoint). */
async function processedThrough(services: ContributionsServices): Promise<bigint> {
  const [row] = await services.runtime.database.query<{ global_position: string }>(
    `select global_position from projection_checkpoints where name = 'sponsorship-process'`,
  );
  return BigInt(row?.global_position ?? '0');
}

/** Polls the process's checkpoint (one row), not the events table, so waiting costs nothing. */
function processed(services: ContributionsServices, position: string | undefined) {
  const target = BigInt(position ?? '0');
  return async (): Promise<true | undefined> =>
    (await processedThrough(services)) >= target ? true : undefined;
}

async function count(
  services: ContributionsServices,
  sql: string,
  parameters: unknown[] = [],
): Promise<number> {
  const [row] = await services.runtime.database.query<{ n: string }>(sql, parameters);
  return Number(row?.n ?? 0);
}

async function main(): Promise<void> {
  const options = optionsFromArguments(process.argv.slice(2));
  const server = process.env['DATABASE_URL'] || LOCAL_POSTGRES_URL;
  const brokers = (process.env['KAFKA_BROKERS'] || '127.0.0.1:9092').split(',');
  const run = `b${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const names = {
    service: `bench_contrib_${run}`,
    keys: `bench_contrib_keys_${run}`,
    raw: `bench_contrib_raw_${run}`,
  };
  const topics = {
    events: `bench.contributions.${run}.events`,
    enrollment: `bench.contributions.${run}.enrollment`,
    claims: `bench.contributions.${run}.claims`,
    raw: `bench.contributions.${run}.raw`,
  };
  const messaging = new KafkaMessaging({
    brokers,
    clientId: 'bench-contributions',
    logLevel: 'error',
  });
  const clock = new MonthClock();
  const config: ContributionsConfig = {
    service: {
      // Its own name: consumer groups are named after it, and must not join a running platform's.
      serviceName: `bench-contributions-${run}`,
      httpPort: 0,
      databaseUrl: databaseUrl(server, names.service),
      keyDatabaseUrl: databaseUrl(server, names.keys),
      kafkaBrokers: brokers,
      auth: authConfig({ secret: randomBytes(32).toString('hex') }),
    },
    eventsTopic: topics.events,
    enrollmentTopic: topics.enrollment,
    claimsTopic: topics.claims,
    schedulerIntervalMs: null,
    batchSize: options.batch,
    batchConcurrency: options.concurrency,
    programCacheSize: 10,
    // Every account's fold in memory on both sides (about 9 kB each): a monthly run touches
    // every account in turn, which an LRU smaller than the population would always miss.
    coverageCacheSize: options.workers + 100,
    accountCacheSize: options.workers + 100,
  };
  log(`contributions benchmark ${run}: ${options.workers} workers × ${options.months} months`);
  const app = await NestFactory.createApplicationContext(
    ContributionsModule.forRoot({ config, clock }),
    {
      logger: ['error', 'warn'],
    },
  );
  const services = app.get(ContributionsServices);
  const { programs, accounts, accountRegistry, programRegistry, scheduler } = services;
  const cause = (actor: Actor) => ({ actor, correlationId: `bench-${run}` });
  const report: Record<string, unknown> = {
    run,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg(),
    },
    options,
  };
  try {
    // 1. The program and its workers (setup, timed but not the figure that matters).
    const budget = options.workers * TARIFF * 12;
    const opened = await programs.handle(
      PROGRAM_ID,
      {
        type: 'OpenSponsorProgram',
        programId: PROGRAM_ID,
        name: 'NTT pekerja rentan (benchmark)',
        sponsorType: 'province',
        pksNumber: 'PKS/BENCH',
        budget,
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
    const ids = Array.from({ length: options.workers }, (_, index) => workerId(index + 1));
    const chunks: string[][] = [];
    for (let at = 0; at < ids.length; at += options.batch)
      chunks.push(ids.slice(at, at + options.batch));
    let lastEnrolmentPosition: string | undefined;
    const setupStart = performance.now();
    for (const chunk of chunks) {
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
      if (last?.ok) lastEnrolmentPosition = last.events[last.events.length - 1]?.globalPosition;
    }
    const enrolledAt = performance.now();
    await until('the sponsorships to start', processed(services, lastEnrolmentPosition));
    const sponsorshipsAt = performance.now();
    report['setup'] = {
      workers: options.workers,
      enrolSeconds: seconds(setupStart, enrolledAt),
      enrolmentsPerSecond: rate(options.workers, seconds(setupStart, enrolledAt)),
      sponsorshipsStartedSeconds: seconds(setupStart, sponsorshipsAt),
    };
    log(`setup: ${JSON.stringify(report['setup'])}`);

    // 2. The program stream's cached state against a fold from the store.
    const probeCommand = {
      type: 'EnrolParticipant',
      participantId: ids[0] ?? '',
      fromMonth: '2026-01',
    } as const;
    const timeCommands = async (
      programsUnderTest: typeof programs,
      repeat: number,
    ): Promise<number> => {
      const started = performance.now();
      for (let index = 0; index < repeat; index += 1) {
        const result = await programsUnderTest.handle(PROGRAM_ID, probeCommand, cause(OPERATOR));
        if (!result.ok) throw new Error(result.rejection.message);
      }
      return (performance.now() - started) / repeat;
    };
    const uncached = new SponsorPrograms(
      services.runtime.repository(SPONSOR_PROGRAM_STREAM),
      services.context,
    );
    const coldStart = performance.now();
    const cold = await uncached.load(PROGRAM_ID);
    report['programCache'] = {
      streamVersion: cold.version,
      coldLoadMs: Math.round(performance.now() - coldStart),
      commandWithCacheMs: Number((await timeCommands(programs, 200)).toFixed(2)),
      commandWithoutCacheMs: Number((await timeCommands(uncached, 3)).toFixed(1)),
    };
    log(`program cache: ${JSON.stringify(report['programCache'])}`);

    // 3. A downstream consumer of contributions.events (what claims would run), counting.
    await until('the setup to be published', async () =>
      (await count(services, 'select count(*) as n from outbox')) === 0 ? true : undefined,
    );
    let received = 0;
    let lastReceivedAt = 0;
    const downstream = await messaging.subscribe({
      groupId: `bench.contributions.${run}.downstream`,
      topics: [topics.events],
      fromBeginning: true,
      handle: async () => {
        received += 1;
        lastReceivedAt = performance.now();
      },
    });

    // 4. Twelve months: statement, bills, payment; the fan-out and the projections follow.
    const months = Array.from({ length: options.months }, (_, index) =>
      addMonths('2026-01', index),
    );
    const eventsBefore = await count(services, 'select count(*) as n from events');
    const phaseStart = performance.now();
    const perMonth: Record<string, number> = {};
    const billSeconds: Record<string, number> = {};
    for (const month of months) {
      const monthStart = performance.now();
      clock.set(`${month}-02T02:00:00Z`);
      await scheduler.run('issue-statements', month, FINANCE, `bench-${month}`);
      const billed = await scheduler.run('bill', month, FINANCE, `bench-${month}`);
      const billedAt = performance.now();
      if (billed.changed !== options.workers) throw new Error(`${month}: billed ${billed.changed}`);
      const paid = await programs.handle(
        PROGRAM_ID,
        {
          type: 'ReceiveSponsorPayment',
          month,
          paymentReference: `SP2D-BENCH-${month}`,
          amount: options.workers * TARIFF,
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
        processed(services, paid.events[paid.events.length - 1]?.globalPosition),
      );
      perMonth[month] = Number(seconds(monthStart).toFixed(1));
      billSeconds[month] = Number(seconds(monthStart, billedAt).toFixed(1));
      log(
        `${month}: statement and ${billed.changed} bills in ${billSeconds[month]} s; the payment and its fan-out by ${perMonth[month]} s`,
      );
    }
    const commandsDoneAt = performance.now();
    const dues = options.workers * options.months;
    // Each month waited for its fan-out: the write side is done with the last command.
    const fannedOutAt = commandsDoneAt;
    log(`fan-out done at ${seconds(phaseStart, fannedOutAt).toFixed(1)} s`);
    const lastMonth = months[months.length - 1] ?? '2026-01';
    const coveredAt = await until('the coverage projection', async () =>
      (await count(
        services,
        'select count(*) as n from coverage_view where paid_through = $1 and masa_iur_months = $2',
        [lastMonth, options.months],
      )) >= options.workers
        ? performance.now()
        : undefined,
    );
    log(`coverage caught up at ${seconds(phaseStart, coveredAt).toFixed(1)} s`);
    const totalEvents = await count(services, 'select count(*) as n from events');
    const phaseEvents = totalEvents - eventsBefore;
    const publishedAt = await until('the relay', async () =>
      (await count(services, 'select count(*) as n from outbox')) === 0
        ? performance.now()
        : undefined,
    );
    await until('the downstream consumer', async () =>
      received >= totalEvents ? true : undefined,
    );
    await downstream.stop();
    const [programReport] = await services.runtime.database.query<{
      report: Record<string, number>;
    }>('select report from program_report where program_id = $1', [PROGRAM_ID]);
    const sizes = await services.runtime.database.query<{ bytes: string }>(
      `select avg(octet_length(data::text) + octet_length(metadata::text) + 400)::bigint as bytes
         from events where global_position > (select max(global_position) - 5000 from events)`,
    );
    const averageBytes = Number(sizes[0]?.bytes ?? 1_000);
    report['billAndPay'] = {
      dues,
      events: phaseEvents,
      averageMessageBytes: averageBytes,
      secondsPerMonth: perMonth,
      billRunSecondsPerMonth: billSeconds,
      commandsSeconds: seconds(phaseStart, commandsDoneAt),
      writeSideSeconds: seconds(phaseStart, fannedOutAt),
      writeSideEventsPerSecond: rate(phaseEvents, seconds(phaseStart, fannedOutAt)),
      duesPerSecond: rate(dues, seconds(phaseStart, fannedOutAt)),
      publishedSeconds: seconds(phaseStart, publishedAt),
      downstreamSeconds: seconds(phaseStart, lastReceivedAt),
      endToEndEventsPerSecond: rate(phaseEvents, seconds(phaseStart, lastReceivedAt)),
      coverageCaughtUpSeconds: seconds(phaseStart, coveredAt),
      coverageLagAfterWriteSideSeconds: seconds(fannedOutAt, coveredAt),
      programReport: programReport?.report,
      totalsExact:
        programReport?.report['billed'] === dues * TARIFF &&
        programReport.report['paid'] === dues * TARIFF &&
        programReport.report['received'] === dues * TARIFF,
    };
    log(`bill and pay: ${JSON.stringify(report['billAndPay'])}`);
    await app.close();

    // 5. Raw baselines of the same size, in the same run.
    report['baselines'] = {
      kafka: await kafkaBaseline(messaging, topics.raw, phaseEvents, averageBytes),
      postgres: await postgresBaseline(server, names.raw, phaseEvents, averageBytes),
    };
    log(`baselines: ${JSON.stringify(report['baselines'])}`);
    const ours = report['billAndPay'] as {
      endToEndEventsPerSecond: number;
      writeSideEventsPerSecond: number;
    };
    const baselines = report['baselines'] as {
      kafka: { eventsPerSecond: number };
      postgres: { eventsPerSecond: number };
    };
    report['ratios'] = {
      endToEndVsKafkaProduceConsume: Number(
        (ours.endToEndEventsPerSecond / baselines.kafka.eventsPerSecond).toFixed(3),
      ),
      writeSideVsPgInsertRead: Number(
        (ours.writeSideEventsPerSecond / baselines.postgres.eventsPerSecond).toFixed(3),
      ),
    };
    log(`ratios: ${JSON.stringify(report['ratios'])}`);
    await fs.mkdir(path.dirname(REPORT_FILE), { recursive: true });
    await fs.writeFile(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(`written to ${path.relative(process.cwd(), REPORT_FILE)}`);
  } finally {
    await app.close().catch(() => undefined);
    for (const name of Object.values(names))
      await dropDatabase(server, name).catch(() => undefined);
    await messaging
      .deleteTopics(Object.values(topics).flatMap((topic) => [topic, `${topic}.dlq`]))
      .catch(() => undefined);
  }
}

function payloadOf(bytes: number, index: number): string {
  const filler = 'x'.repeat(Math.max(0, bytes - 60));
  return JSON.stringify({ index, type: 'ContributionPaid', filler });
}

/** kafkajs through the platform's adapter: batched idempotent produce, then one group consuming. */
async function kafkaBaseline(
  messaging: KafkaMessaging,
  topic: string,
  events: number,
  bytes: number,
) {
  await messaging.ensureTopics([
    { name: topic, partitions: 3, config: { 'retention.ms': '600000' } },
  ]);
  const publisher = await messaging.createPublisher();
  const started = performance.now();
  const batch = 500;
  for (let at = 0; at < events; at += batch) {
    const messages: OutgoingMessage[] = [];
    for (let index = at; index < Math.min(events, at + batch); index += 1) {
      messages.push({ key: `stream-${index % 50_000}`, value: payloadOf(bytes, index) });
    }
    await publisher.publish(topic, messages);
  }
  const producedAt = performance.now();
  await publisher.close();
  let received = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const subscription = await messaging.subscribe({
    groupId: `${topic}.reader`,
    topics: [topic],
    fromBeginning: true,
    handle: async () => {
      received += 1;
      if (received >= events) done();
    },
  });
  await all;
  const consumedAt = performance.now();
  await subscription.stop();
  return {
    events,
    produceSeconds: seconds(started, producedAt),
    consumeSeconds: seconds(producedAt, consumedAt),
    eventsPerSecond: rate(events, seconds(started, consumedAt)),
  };
}

/** `pg` alone: multi-row inserts of 500 per transaction, then a sequential read in pages. */
async function postgresBaseline(server: string, name: string, events: number, bytes: number) {
  const admin = new Client({ connectionString: databaseUrl(server, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const client = new Client({ connectionString: databaseUrl(server, name) });
  await client.connect();
  try {
    await client.query(
      'create table raw_events (id bigserial primary key, stream_id text not null, type text not null, data jsonb not null)',
    );
    const started = performance.now();
    const batch = 500;
    for (let at = 0; at < events; at += batch) {
      const values: string[] = [];
      const parameters: unknown[] = [];
      for (let index = at; index < Math.min(events, at + batch); index += 1) {
        parameters.push(`stream-${index % 50_000}`, 'ContributionPaid', payloadOf(bytes, index));
        const n = parameters.length;
        values.push(`($${n - 2}, $${n - 1}, $${n})`);
      }
      await client.query(
        `insert into raw_events (stream_id, type, data) values ${values.join(', ')}`,
        parameters,
      );
    }
    const insertedAt = performance.now();
    let read = 0;
    for (let after = 0; ; ) {
      const { rows } = await client.query<{ id: string }>(
        'select id, stream_id, type, data from raw_events where id > $1 order by id limit 5000',
        [after],
      );
      if (rows.length === 0) break;
      read += rows.length;
      after = Number(rows[rows.length - 1]?.id);
    }
    const readAt = performance.now();
    return {
      events: read,
      insertSeconds: seconds(started, insertedAt),
      readSeconds: seconds(insertedAt, readAt),
      eventsPerSecond: rate(events, seconds(started, readAt)),
    };
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench-contributions failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
