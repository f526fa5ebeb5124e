/**
 * Platform benchmark (a script, not a test): event-store append throughput and outbox relay
 * publish throughput, each beside a raw baseline measured in the same run.
 */
import { randomUUID } from 'node:crypto';
import {
  EVENT_INSERT_COLUMNS,
  eventInsertValues,
  EventStore,
  OutboxRelay,
  PlatformDatabase,
  eventStoreMigrations,
  publishAllTo,
  type AppendRequest,
  type EventEnvelope,
  type KafkaMessaging,
  type OutgoingMessage,
  type PendingOutboxRow,
  createLogger,
} from '@santunan/platform';
import { n, now, rate, ratio, runBench, type Rate } from './shared/harness';
import { pgBatchedInsert } from './shared/raw-baselines';

interface Workload {
  readonly events: number;
  readonly eventsPerStream: number;
  readonly streamsPerTransaction: number;
  readonly relayBatch: number;
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

/**
 * `append`: one call per command, as a command handler makes it (the figure). `appendMany`:
 * the transaction's appends in one call, as a batch of commands (handleMany) makes it.
 */
async function appendThroughEventStore(
  database: PlatformDatabase,
  store: EventStore,
  transactions: readonly AppendRequest[][],
  call: 'append' | 'appendMany' = 'append',
): Promise<{ result: Rate; stored: EventEnvelope[] }> {
  const stored: EventEnvelope[] = [];
  const startedAt = now();
  for (const requests of transactions) {
    stored.push(
      ...(await database.transaction(async (tx) => {
        if (call === 'appendMany') return (await store.appendMany(tx, requests)).flat();
        const envelopes: EventEnvelope[] = [];
        for (const request of requests) envelopes.push(...(await store.append(tx, request)));
        return envelopes;
      })),
    );
  }
  return { result: rate(stored.length, startedAt), stored };
}

/**
 * The same rows (every column, hashes included), as many per multi-row INSERT and transaction
 * as the store appended per transaction, into a table with no constraints and no outbox.
 */
function insertRaw(url: string, events: readonly EventEnvelope[], perTransaction: number) {
  return pgBatchedInsert(url, {
    createTable: `create table raw_events (
      id bigserial primary key, event_id uuid, stream_id text, stream_type text, version integer, type text,
      schema_version integer, data jsonb, metadata jsonb, occurred_at timestamptz, occurred_at_iso text,
      recorded_at timestamptz, recorded_at_iso text, previous_hash text, hash text)`,
    table: 'raw_events',
    columns: EVENT_INSERT_COLUMNS,
    rows: events.length,
    batch: perTransaction,
    row: (index) => eventInsertValues(events[index] as EventEnvelope),
  });
}

async function relayOutbox(
  url: string,
  messaging: KafkaMessaging,
  workload: Workload,
  events: number,
): Promise<Rate> {
  const relay = new OutboxRelay({
    databaseUrl: url,
    relayName: 'bench',
    createPublisher: () => messaging.createPublisher(),
    batchSize: workload.relayBatch,
    idlePollMs: 10,
    logger: quietLogger,
  });
  const startedAt = now();
  relay.start();
  try {
    await relay.waitUntilDrained(600_000);
    return rate(events, startedAt);
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
): Promise<Rate> {
  const messages: OutgoingMessage[] = rows.map((row) => ({
    key: row.message_key,
    value: row.payload,
    headers: row.headers,
  }));
  const startedAt = now();
  const publisher = await messaging.createPublisher();
  try {
    for (let first = 0; first < messages.length; first += batch) {
      await publisher.publish(topic, messages.slice(first, first + batch));
    }
    return rate(messages.length, startedAt);
  } finally {
    await publisher.close();
  }
}

// The relay's warnings only: its routine lines would fill the benchmark's own output.
const quietLogger = createLogger('bench-platform', { level: 'warn' });

function print(label: string, ours: Rate, baselineLabel: string, raw: Rate): void {
  console.log(
    `${label}: ${n(ours.perSecond)} events/s (${n(ours.count)} in ${ours.seconds} s) | ` +
      `${baselineLabel}: ${n(raw.perSecond)} events/s (${n(raw.count)} in ${raw.seconds} s) | ratio ${ratio(ours.perSecond, raw.perSecond)}`,
  );
}

runBench({
  name: 'platform',
  usage: `
npm run bench:platform -- [options]

Event-store append throughput (one append per command, then the same as one appendMany per
transaction) vs the same rows in raw multi-row INSERTs, and outbox relay publish
throughput vs the same messages sent straight to Kafka, after a warm-up of 400 events.
DATABASE_URL (a server) / KAFKA_BROKERS, else the local PostgreSQL and 127.0.0.1:9092; creates
and drops bench_platform_<run> and bench.platform.<run>.{relay,raw}. Figures on stdout,
everything in reports/bench-platform.json.`,
  options: {
    events: { type: 'integer', env: 'BENCH_EVENTS', default: 20_000, help: 'events appended' },
    'events-per-stream': {
      type: 'integer',
      env: 'BENCH_EVENTS_PER_STREAM',
      default: 4,
      help: 'events per append, one new stream each',
    },
    'streams-per-transaction': {
      type: 'integer',
      env: 'BENCH_STREAMS_PER_TRANSACTION',
      default: 50,
      help: 'appends per transaction',
    },
    'relay-batch': {
      type: 'integer',
      env: 'BENCH_RELAY_BATCH',
      default: 500,
      help: 'messages per relay batch and per raw send',
    },
  },
  async run({ options, resources, messaging, report }) {
    const workload: Workload = {
      events: options.events,
      eventsPerStream: options['events-per-stream'],
      streamsPerTransaction: options['streams-per-transaction'],
      relayBatch: options['relay-batch'],
    };
    const relayTopic = resources.topic('platform', 'relay');
    const rawTopic = resources.topic('platform', 'raw');
    const url = await resources.createDatabase('platform');
    const database = new PlatformDatabase({ url, migrations: eventStoreMigrations, poolSize: 2 });
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
      const warmup = appendTransactions({ ...workload, events: 400 }, 'warmup');
      await appendThroughEventStore(database, store, warmup);
      await appendThroughEventStore(
        database,
        store,
        appendTransactions({ ...workload, events: 400 }, 'warmup-many'),
        'appendMany',
      );
      await database.query('delete from outbox');

      const appended = await appendThroughEventStore(
        database,
        store,
        appendTransactions(workload, 'measured'),
      );
      const rawInsert = await insertRaw(
        url,
        appended.stored,
        workload.streamsPerTransaction * workload.eventsPerStream,
      );
      print('append: event store', appended.result, 'raw INSERT', rawInsert);
      // The same workload again through appendMany, its outbox rows left out of the relay's.
      const appendedMany = await appendThroughEventStore(
        database,
        store,
        appendTransactions(workload, 'measured-many'),
        'appendMany',
      );
      await database.query(
        `delete from outbox where message_key like 'participant-measured-many-%'`,
      );
      print('appendMany: event store', appendedMany.result, 'raw INSERT', rawInsert);

      const pending = await database.query<PendingOutboxRow>(
        'select id, topic, message_key, payload, headers from outbox order by id',
      );
      const relayed = await relayOutbox(url, messaging, workload, pending.length);
      const rawPublish = await publishRaw(messaging, rawTopic, pending, workload.relayBatch);
      print('publish: outbox relay', relayed, 'raw producer', rawPublish);

      Object.assign(report, {
        workload,
        append: {
          eventStore: appended.result,
          rawInsert,
          ratio: ratio(appended.result.perSecond, rawInsert.perSecond),
        },
        appendMany: {
          eventStore: appendedMany.result,
          rawInsert,
          ratio: ratio(appendedMany.result.perSecond, rawInsert.perSecond),
        },
        publish: {
          outboxRelay: relayed,
          rawProducer: rawPublish,
          ratio: ratio(relayed.perSecond, rawPublish.perSecond),
        },
      });
    } finally {
      await database.close();
    }
  },
});
