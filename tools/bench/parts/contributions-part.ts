/**
 * Part 2 — contribution events/s through outbox → Kafka → a downstream consumer. The real
 * contributions root module (event store, outbox relay, projections, the sponsorship process)
 * on fresh databases: a sponsor program of N workers, then for each month the statement run,
 * the bill run, the sponsor's payment and its fan-out to every account (ContributionPaid +
 * CoverageExtended each). Measured from the first command of the first month to the last event
 * read by a downstream consumer group on contributions.events (what claims' coverage consumer
 * subscribes to). Beside it, in the same run: kafkajs batched produce + consume and `pg`
 * batched INSERTs of the same number and average size of messages.
 * (Adapted from tools/contributions/bench-contributions.ts, which stays the detailed benchmark.)
 */
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { addMonths } from '@santunan/domain-kernel';
import {
  authConfig,
  fixedClock,
  type Actor,
  type Clock,
  type KafkaMessaging,
} from '@santunan/platform';
import {
  ContributionsModule,
  ContributionsServices,
  type ContributionsConfig,
} from '@santunan/contributions-service';
import {
  now,
  progress,
  rate,
  ratio,
  until,
  type BenchEnvironment,
  type Cleanup,
  type Rate,
} from '../shared/bench-support';
import {
  filler,
  kafkaProduceThenConsume,
  pgBatchedInsert,
  type ProduceConsume,
} from '../shared/raw-baselines';

const TARIFF = 16_800;
const PROGRAM_ID = 'ntt-bench';
const OPERATOR: Actor = { id: 'bench-operator', kind: 'user', roles: ['sponsor-operator'] };
const FINANCE: Actor = { id: 'bench-finance', kind: 'user', roles: ['finance'] };

export interface ContributionsSize {
  readonly workers: number;
  readonly months: number;
  /** Accounts per transaction, and transactions in flight (the service's batch settings). */
  readonly batch: number;
  readonly concurrency: number;
}

export interface ContributionsStore {
  readonly config: ContributionsConfig;
}

export interface ContributionsFigures {
  readonly workers: number;
  readonly months: number;
  readonly dues: number;
  readonly events: number;
  readonly averageMessageBytes: number;
  readonly setup: { readonly enrolments: Rate; readonly sponsorshipsStartedSeconds: number };
  /** First command → last command's effects committed (fan-out included). */
  readonly writeSide: Rate;
  readonly duesPerSecond: number;
  /** First command → the last event read by the downstream consumer group: the figure. */
  readonly endToEnd: Rate;
  readonly coverageCaughtUpSecondsAfterWriteSide: number;
  readonly totalsExact: boolean;
  readonly baseline: {
    readonly kafkaProduceConsume: ProduceConsume;
    readonly pgBatchedInsert: Rate;
    readonly batch: number;
  };
  readonly ratio: { readonly endToEndVsKafka: number; readonly writeSideVsPgInsert: number };
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

function workerId(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export async function runContributionsPart(
  environment: BenchEnvironment,
  cleanup: Cleanup,
  messaging: KafkaMessaging,
  size: ContributionsSize,
): Promise<{ figures: ContributionsFigures; store: ContributionsStore }> {
  const { run } = environment;
  const clock = new MonthClock();
  const config: ContributionsConfig = {
    service: {
      serviceName: `bench-contributions-${run}`,
      httpPort: 0,
      databaseUrl: cleanup.database(`bench_e2e_contrib_${run}`),
      keyDatabaseUrl: cleanup.database(`bench_e2e_contrib_keys_${run}`),
      kafkaBrokers: environment.brokers,
      auth: authConfig({ secret: randomBytes(32).toString('hex') }),
    },
    eventsTopic: cleanup.topic(`bench.e2e.${run}.contributions.events`),
    enrollmentTopic: cleanup.topic(`bench.e2e.${run}.contributions.enrollment`),
    claimsTopic: cleanup.topic(`bench.e2e.${run}.contributions.claims`),
    schedulerIntervalMs: null,
    batchSize: size.batch,
    batchConcurrency: size.concurrency,
    programCacheSize: 10,
    coverageCacheSize: Math.min(size.workers + 100, 20_000),
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
    await until('the sponsorships to start', () => processedThrough(lastEnrolment));
    const sponsorshipsStartedSeconds = rate(0, setupStart).seconds;
    log(
      `setup: ${enrolments.perSecond} enrolments/s; sponsorships started after ${sponsorshipsStartedSeconds} s`,
    );
    await until('the setup to be published', async () =>
      (await count('select count(*) as n from outbox')) === 0 ? true : undefined,
    );
    const eventsBefore = await count('select count(*) as n from events');

    // The downstream consumer group: it starts at the end of what is already there.
    let received = 0;
    let lastReceivedAt = 0;
    const downstream = await messaging.subscribe({
      groupId: `bench.e2e.${run}.contributions.downstream`,
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
    for (const month of months) {
      const monthStart = now();
      clock.set(`${month}-02T02:00:00Z`);
      await scheduler.run('issue-statements', month, FINANCE, `bench-${month}`);
      const billed = await scheduler.run('bill', month, FINANCE, `bench-${month}`);
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
      // The month's shares reach the accounts before the next month's bills go out.
      await until(`the ${month} fan-out`, () =>
        processedThrough(paid.events[paid.events.length - 1]?.globalPosition),
      );
      log(`${month}: ${size.workers} billed and paid in ${rate(0, monthStart).seconds} s`);
    }
    const writeSideDoneAt = now();
    const dues = size.workers * size.months;
    const events = (await count('select count(*) as n from events')) - eventsBefore;
    const writeSide = rate(events, phaseStart, writeSideDoneAt);
    const lastMonth = months[months.length - 1] ?? '2026-01';
    const coveredAt = await until('the coverage projection', async () =>
      (await count(
        'select count(*) as n from coverage_view where paid_through = $1 and masa_iur_months = $2',
        [lastMonth, size.months],
      )) >= size.workers
        ? now()
        : undefined,
    );
    await until(
      'the downstream consumer',
      () => (received >= events ? true : undefined),
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
    const rawTopic = cleanup.topic(`bench.e2e.${run}.contributions.raw`);
    const kafka = await kafkaProduceThenConsume(messaging, rawTopic, {
      messages: events,
      bytes: averageMessageBytes,
      batch: 500,
    });
    const rawBatch = 500;
    const pg = await pgBatchedInsert(config.service.databaseUrl, {
      createTable:
        'create table bench_raw_events (id bigserial primary key, stream_id text not null, type text not null, data jsonb not null)',
      table: 'bench_raw_events',
      columns: ['stream_id', 'type', 'data'],
      rows: events,
      batch: rawBatch,
      row: (index) => [
        `stream-${index % 50_000}`,
        'ContributionPaid',
        filler(averageMessageBytes, index, 'ContributionPaid'),
      ],
    });
    return {
      figures: {
        workers: size.workers,
        months: size.months,
        dues,
        events,
        averageMessageBytes,
        setup: { enrolments, sponsorshipsStartedSeconds },
        writeSide,
        duesPerSecond: rate(dues, phaseStart, writeSideDoneAt).perSecond,
        endToEnd,
        coverageCaughtUpSecondsAfterWriteSide: rate(0, writeSideDoneAt, coveredAt).seconds,
        totalsExact,
        baseline: { kafkaProduceConsume: kafka, pgBatchedInsert: pg, batch: rawBatch },
        ratio: {
          endToEndVsKafka: ratio(endToEnd.perSecond, kafka.produceAndConsume.perSecond),
          writeSideVsPgInsert: ratio(writeSide.perSecond, pg.perSecond),
        },
      },
      store: { config },
    };
  } finally {
    await downstreamStop?.().catch(() => undefined);
    await app.close().catch(() => undefined);
  }
}
