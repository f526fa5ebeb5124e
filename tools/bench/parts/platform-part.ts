/**
 * Part 0 — the platform's own figures, each beside a raw baseline measured in the same run:
 * event-store append throughput (one append per command, then one appendMany per transaction)
 * vs the same rows in multi-row INSERTs, and outbox relay publish throughput vs the same
 * messages sent straight to Kafka through the platform's producer. A warm-up of 400 events
 * first (connections, plans), its outbox rows cleared.
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
import { n, now, progress, rate, ratio, type BenchRun, type Rate } from '../shared/harness';
import { pgBatchedInsert } from '../shared/raw-baselines';

export interface PlatformWorkload {
  readonly events: number;
  readonly eventsPerStream: number;
  readonly streamsPerTransaction: number;
  readonly relayBatch: number;
}

/** Transactions of appends: each append opens a stream with a few events, as one command would. */
function appendTransactions(workload: PlatformWorkload, label: string): AppendRequest[][] {
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
  workload: PlatformWorkload,
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

export interface PlatformFigures {
  readonly workload: PlatformWorkload;
  readonly append: { readonly eventStore: Rate; readonly rawInsert: Rate; readonly ratio: number };
  readonly appendMany: {
    readonly eventStore: Rate;
    readonly rawInsert: Rate;
    readonly ratio: number;
  };
  readonly publish: {
    readonly outboxRelay: Rate;
    readonly rawProducer: Rate;
    readonly ratio: number;
  };
}

export async function runPlatformPart(
  { resources, messaging }: BenchRun,
  workload: PlatformWorkload,
): Promise<PlatformFigures> {
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
    progress('platform', `workload: ${JSON.stringify(workload)}`);

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
    // The same workload again through appendMany, its outbox rows left out of the relay's.
    const appendedMany = await appendThroughEventStore(
      database,
      store,
      appendTransactions(workload, 'measured-many'),
      'appendMany',
    );
    await database.query(`delete from outbox where message_key like 'participant-measured-many-%'`);

    const pending = await database.query<PendingOutboxRow>(
      'select id, topic, message_key, payload, headers from outbox order by id',
    );
    const relayed = await relayOutbox(url, messaging, workload, pending.length);
    const rawPublish = await publishRaw(messaging, rawTopic, pending, workload.relayBatch);

    return {
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
    };
  } finally {
    await database.close();
  }
}

/** The figures' lines on stdout. */
export function printPlatform(f: PlatformFigures): void {
  const line = (label: string, ours: Rate, baseline: string, raw: Rate, r: number): void =>
    console.log(
      `platform          ${label}: ${n(ours.perSecond)} events/s (${n(ours.count)} in ${ours.seconds} s)` +
        ` | baseline ${baseline}: ${n(raw.perSecond)} events/s | ratio ${r}`,
    );
  line('append', f.append.eventStore, 'pg multi-row INSERT', f.append.rawInsert, f.append.ratio);
  const many = f.appendMany;
  line('appendMany', many.eventStore, 'pg multi-row INSERT', many.rawInsert, many.ratio);
  const publish = f.publish;
  line(
    'publish (outbox relay)',
    publish.outboxRelay,
    'the platform producer',
    publish.rawProducer,
    publish.ratio,
  );
}
