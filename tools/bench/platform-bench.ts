/**
 * Platform benchmark (a script, not a test): event-store append throughput and outbox relay
 * publish throughput, each beside a raw baseline measured in the same run.
 *
 *   npm run bench:platform
 *   (= npx ts-node --transpile-only -r tsconfig-paths/register tools/bench/platform-bench.ts)
 *
 * Uses DATABASE_URL / KAFKA_BROKERS, or postgres://postgres@127.0.0.1:5432/postgres and
 * 127.0.0.1:9092. Creates and drops its own database and topics. Writes
 * reports/bench-platform.json.
 * Sizes: BENCH_EVENTS, BENCH_EVENTS_PER_STREAM, BENCH_STREAMS_PER_TRANSACTION, BENCH_RELAY_BATCH.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  EventStore,
  KafkaMessaging,
  LOCAL_POSTGRES_URL,
  OutboxRelay,
  PlatformDatabase,
  dropDatabase,
  ensureDatabase,
  eventStoreMigrations,
  publishAllTo,
  type AppendRequest,
  type EventEnvelope,
  type OutgoingMessage,
  type PendingOutboxRow,
  type WorkerLogger,
} from '@santunan/platform';

interface Workload {
  readonly events: number;
  readonly eventsPerStream: number;
  readonly streamsPerTransaction: number;
  readonly relayBatch: number;
}

interface Throughput {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const REPORT_FILE = path.resolve(__dirname, '../../reports/bench-platform.json');

function workloadFromEnvironment(): Workload {
  const size = (name: string, fallback: number): number => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    events: size('BENCH_EVENTS', 20_000),
    eventsPerStream: size('BENCH_EVENTS_PER_STREAM', 4),
    streamsPerTransaction: size('BENCH_STREAMS_PER_TRANSACTION', 50),
    relayBatch: size('BENCH_RELAY_BATCH', 500),
  };
}

/** Transactions of appends: each append opens a stream with a few events, as one command would. */
function appendTransactions(workload: Workload, label: string): AppendRequest[][] {
  const streams = Math.ceil(workload.events / workload.eventsPerStream);
  const requests = Array.from({ length: streams }, (_, stream): AppendRequest => {
    const streamId = `participant-${label}-${stream}`;
    return {
      streamId,
      streamType: 'Participant',
      expectedVersion: 0,
      recordedAt: new Date().toISOString(),
      metadata: {
        correlationId: randomUUID(),
        causationId: null,
        actor: { id: 'bench', kind: 'system' },
      },
      events: Array.from({ length: workload.eventsPerStream }, (_, version) => ({
        eventId: randomUUID(),
        type: version === 0 ? 'ParticipantRegistered' : 'ParticipantIncomeChanged',
        schemaVersion: 1,
        occurredAt: '2025-03-01T08:00:00+07:00',
        data: {
          participantId: streamId,
          programme: 'NTT-2025',
          monthlyIncome: 2_000_000 + version * 50_000,
          province: 'Nusa Tenggara Timur',
        },
      })),
    };
  });
  const transactions: AppendRequest[][] = [];
  for (let first = 0; first < requests.length; first += workload.streamsPerTransaction) {
    transactions.push(requests.slice(first, first + workload.streamsPerTransaction));
  }
  return transactions;
}

function throughput(events: number, startedAt: number): Throughput {
  const seconds = (performance.now() - startedAt) / 1000;
  return { events, seconds: round(seconds, 3), eventsPerSecond: Math.round(events / seconds) };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

async function appendThroughEventStore(
  database: PlatformDatabase,
  store: EventStore,
  transactions: readonly AppendRequest[][],
): Promise<{ result: Throughput; stored: EventEnvelope[][] }> {
  const stored: EventEnvelope[][] = [];
  const startedAt = performance.now();
  for (const requests of transactions) {
    stored.push(
      await database.transaction(async (tx) => {
        const envelopes: EventEnvelope[] = [];
        for (const request of requests) envelopes.push(...(await store.append(tx, request)));
        return envelopes;
      }),
    );
  }
  return { result: throughput(stored.flat().length, startedAt), stored };
}

/** The same rows, one multi-row INSERT per transaction, through pg into a table with no constraints. */
async function insertRaw(
  url: string,
  transactions: readonly EventEnvelope[][],
): Promise<Throughput> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table raw_events (
      id bigserial primary key, event_id uuid, stream_id text, stream_type text, version integer, type text,
      schema_version integer, data jsonb, metadata jsonb, occurred_at timestamptz, occurred_at_iso text,
      recorded_at timestamptz, recorded_at_iso text, previous_hash text, hash text)`);
    const startedAt = performance.now();
    for (const events of transactions) {
      const parameters: unknown[] = [];
      const tuples = events.map((event) => {
        const values = [
          event.eventId,
          event.streamId,
          event.streamType,
          event.version,
          event.type,
          event.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          event.occurredAt,
          event.occurredAt,
          event.recordedAt,
          event.recordedAt,
          event.previousHash,
          event.hash,
        ];
        const placeholders = values.map((value) => `$${parameters.push(value)}`);
        return `(${placeholders.join(', ')})`;
      });
      await client.query('begin');
      await client.query(
        `insert into raw_events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata,
           occurred_at, occurred_at_iso, recorded_at, recorded_at_iso, previous_hash, hash) values ${tuples.join(', ')}`,
        parameters,
      );
      await client.query('commit');
    }
    return throughput(transactions.flat().length, startedAt);
  } finally {
    await client.end();
  }
}

async function relayOutbox(
  url: string,
  messaging: KafkaMessaging,
  workload: Workload,
  events: number,
): Promise<Throughput> {
  const relay = new OutboxRelay({
    databaseUrl: url,
    relayName: 'bench',
    createPublisher: () => messaging.createPublisher(),
    batchSize: workload.relayBatch,
    idlePollMs: 10,
    logger: quietLogger,
  });
  const startedAt = performance.now();
  relay.start();
  try {
    await relay.waitUntilDrained(600_000);
    return throughput(events, startedAt);
  } finally {
    await relay.stop();
  }
}

/** "Our producer without the outbox": the same messages, same batch size, straight to Kafka. */
async function publishRaw(
  messaging: KafkaMessaging,
  topic: string,
  rows: readonly PendingOutboxRow[],
  batch: number,
): Promise<Throughput> {
  const messages: OutgoingMessage[] = rows.map((row) => ({
    key: row.message_key,
    value: row.payload,
    headers: row.headers,
  }));
  const startedAt = performance.now();
  const publisher = await messaging.createPublisher();
  try {
    for (let first = 0; first < messages.length; first += batch) {
      await publisher.publish(topic, messages.slice(first, first + batch));
    }
    return throughput(messages.length, startedAt);
  } finally {
    await publisher.close();
  }
}

const quietLogger: WorkerLogger = {
  info: () => undefined,
  warn: (message, context) =>
    process.stderr.write(`[bench] ${message} ${JSON.stringify(context)}\n`),
};

async function machine(url: string, brokers: readonly string[]): Promise<Record<string, unknown>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const [server] = (await client.query<{ server_version: string }>('show server_version')).rows;
  await client.end();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: server?.server_version,
    kafkaBrokers: brokers,
  };
}

async function main(): Promise<void> {
  const workload = workloadFromEnvironment();
  const adminUrl = process.env['DATABASE_URL'] ?? LOCAL_POSTGRES_URL;
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const databaseName = `bench_platform_${runId}`;
  const relayTopic = `bench.platform.${runId}.relay`;
  const rawTopic = `bench.platform.${runId}.raw`;
  const url = await ensureDatabase(adminUrl, databaseName);
  const database = new PlatformDatabase({ url, migrations: eventStoreMigrations, poolSize: 2 });
  const messaging = new KafkaMessaging({ brokers, clientId: 'platform-bench', logLevel: 'error' });
  try {
    await database.open();
    await database.migrate();
    await messaging.ensureTopics([
      { name: relayTopic, partitions: 3 },
      { name: rawTopic, partitions: 3 },
    ]);
    const store = new EventStore({ topicFor: publishAllTo(relayTopic) });
    console.log(`workload: ${JSON.stringify(workload)}`);

    // Warm-up (connections, plans), then clear its outbox rows so the relay sees the measured ones only.
    await appendThroughEventStore(
      database,
      store,
      appendTransactions({ ...workload, events: 400 }, 'warmup'),
    );
    await database.query('delete from outbox');

    const appended = await appendThroughEventStore(
      database,
      store,
      appendTransactions(workload, 'measured'),
    );
    const rawInsert = await insertRaw(url, appended.stored);
    report('append: event store', appended.result, 'raw INSERT', rawInsert);

    const pending = await database.query<PendingOutboxRow>(
      'select id, topic, message_key, payload, headers from outbox order by id',
    );
    const relayed = await relayOutbox(url, messaging, workload, pending.length);
    const rawPublish = await publishRaw(messaging, rawTopic, pending, workload.relayBatch);
    report('publish: outbox relay', relayed, 'raw producer', rawPublish);

    const figures = {
      runAt: new Date().toISOString(),
      machine: await machine(url, brokers),
      workload,
      append: { eventStore: appended.result, rawInsert, ratio: ratio(appended.result, rawInsert) },
      publish: { outboxRelay: relayed, rawProducer: rawPublish, ratio: ratio(relayed, rawPublish) },
    };
    await fs.mkdir(path.dirname(REPORT_FILE), { recursive: true });
    await fs.writeFile(REPORT_FILE, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`figures written to ${path.relative(process.cwd(), REPORT_FILE)}`);
  } finally {
    await database.close();
    await dropDatabase(adminUrl, databaseName);
    await messaging.deleteTopics([relayTopic, rawTopic]);
  }
}

function ratio(ours: Throughput, raw: Throughput): number {
  return round(ours.eventsPerSecond / raw.eventsPerSecond, 3);
}

function report(label: string, ours: Throughput, baselineLabel: string, raw: Throughput): void {
  console.log(
    `${label}: ${ours.eventsPerSecond} events/s (${ours.events} in ${ours.seconds} s) | ` +
      `${baselineLabel}: ${raw.eventsPerSecond} events/s (${raw.events} in ${raw.seconds} s) | ratio ${ratio(ours, raw)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
