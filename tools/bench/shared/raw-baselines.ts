/**
 * Raw baselines: what plain `pg` and plain kafkajs (through the platform's adapter, the same
 * producer settings the services use) do with the same number and size of rows or messages.
 * Each part measures its own in the same run, so a ratio compares like with like on the same
 * machine at the same moment.
 */
import { Client } from 'pg';
import type { KafkaMessaging, OutgoingMessage } from '@santunan/platform';
import { latencySummary, now, rate, sleep, until, type LatencySummary, type Rate } from './harness';

export interface RawInsertPlan {
  /** `create table …` run before timing. */
  readonly createTable: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: number;
  /** The values of row `index`, one per column. */
  readonly row: (index: number) => readonly unknown[];
  /** Rows per multi-row INSERT and transaction. */
  readonly batch: number;
}

/** Multi-row INSERTs through `pg`, one statement and one transaction per batch, no constraints. */
export async function pgBatchedInsert(url: string, plan: RawInsertPlan): Promise<Rate> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(plan.createTable);
    const startedAt = now();
    for (let first = 0; first < plan.rows; first += plan.batch) {
      const parameters: unknown[] = [];
      const tuples: string[] = [];
      for (let index = first; index < Math.min(plan.rows, first + plan.batch); index += 1) {
        const placeholders = plan.row(index).map((value) => `$${parameters.push(value)}`);
        tuples.push(`(${placeholders.join(', ')})`);
      }
      await client.query('begin');
      await client.query(
        `insert into ${plan.table} (${plan.columns.join(', ')}) values ${tuples.join(', ')}`,
        parameters,
      );
      await client.query('commit');
    }
    return rate(plan.rows, startedAt);
  } finally {
    await client.end();
  }
}

/**
 * A sequential read of a whole table through `pg` in keyset pages (`where key > $1 order by
 * key limit page`), every column: the least a replay must do to see every row.
 */
export async function pgSequentialRead(
  url: string,
  table: string,
  key: string,
  page: number,
): Promise<Rate> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const startedAt = now();
    let read = 0;
    for (let after = '0'; ; ) {
      const { rows } = await client.query<Record<string, unknown>>(
        `select * from ${table} where ${key} > $1 order by ${key} limit ${page}`,
        [after],
      );
      const last = rows[rows.length - 1];
      if (last === undefined) break;
      read += rows.length;
      after = String(last[key]);
    }
    return rate(read, startedAt);
  } finally {
    await client.end();
  }
}

export function filler(bytes: number, index: number, type: string): string {
  const padding = 'x'.repeat(Math.max(0, bytes - 60 - type.length));
  return JSON.stringify({ index, type, padding });
}

export interface ProduceConsume {
  readonly messages: number;
  readonly bytes: number;
  readonly produce: Rate;
  readonly consume: Rate;
  /** From the first send to the last message consumed: the figure the ratio uses. */
  readonly produceAndConsume: Rate;
}

/** kafkajs batched idempotent produce, then one consumer group reading them all back. */
export async function kafkaProduceThenConsume(
  messaging: KafkaMessaging,
  topic: string,
  options: {
    readonly messages: number;
    readonly bytes: number;
    readonly batch: number;
    readonly partitions?: number;
  },
): Promise<ProduceConsume> {
  await messaging.ensureTopics([{ name: topic, partitions: options.partitions ?? 3 }]);
  const publisher = await messaging.createPublisher();
  const startedAt = now();
  for (let first = 0; first < options.messages; first += options.batch) {
    const batch: OutgoingMessage[] = [];
    for (let index = first; index < Math.min(options.messages, first + options.batch); index += 1) {
      batch.push({ key: `stream-${index % 50_000}`, value: filler(options.bytes, index, 'Raw') });
    }
    await publisher.publish(topic, batch);
  }
  const producedAt = now();
  await publisher.close();
  let received = 0;
  const subscription = await messaging.subscribe({
    groupId: `${topic}.reader`,
    topics: [topic],
    fromBeginning: true,
    handle: async () => {
      received += 1;
    },
  });
  await until(
    'the raw consumer',
    () => (received >= options.messages ? true : undefined),
    1_800_000,
    20,
  );
  const consumedAt = now();
  await subscription.stop();
  return {
    messages: options.messages,
    bytes: options.bytes,
    produce: rate(options.messages, startedAt, producedAt),
    consume: rate(options.messages, producedAt, consumedAt),
    produceAndConsume: rate(options.messages, startedAt, consumedAt),
  };
}

export interface RoundTrip {
  readonly messages: number;
  readonly bytes: number;
  readonly ratePerSecond: number;
  readonly latency: LatencySummary;
}

/**
 * kafkajs round trips at a steady rate: one message sent every 1/rate s (each its own send,
 * acks from all in-sync replicas, idempotent), a consumer group in the same process, latency
 * from the send to the message's arrival in the handler.
 */
export async function kafkaRoundTripLatency(
  messaging: KafkaMessaging,
  topic: string,
  options: { readonly messages: number; readonly ratePerSecond: number; readonly bytes: number },
): Promise<RoundTrip> {
  await messaging.ensureTopics([{ name: topic, partitions: 3 }]);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let warmedUp = false;
  const subscription = await messaging.subscribe({
    groupId: `${topic}.reader`,
    topics: [topic],
    fromBeginning: true,
    handle: async (message) => {
      const key = message.key ?? '';
      if (key.startsWith('warmup')) {
        warmedUp = true;
        return;
      }
      const sent = sentAt.get(key);
      if (sent !== undefined) latencies.push(now() - sent);
    },
  });
  const publisher = await messaging.createPublisher();
  try {
    // Until the group has joined and reads: one warm-up message at a time.
    for (let attempt = 0; !warmedUp; attempt += 1) {
      await publisher.publish(topic, [{ key: `warmup-${attempt}`, value: '{}' }]);
      await until('the warm-up message', () => (warmedUp ? true : undefined), 1_000, 20).catch(
        () => undefined,
      );
    }
    const interval = 1000 / options.ratePerSecond;
    const startedAt = now();
    const sends: Promise<void>[] = [];
    for (let index = 0; index < options.messages; index += 1) {
      await sleep(startedAt + index * interval - now());
      const key = `message-${index}`;
      sentAt.set(key, now());
      sends.push(
        publisher.publish(topic, [{ key, value: filler(options.bytes, index, 'RawRoundTrip') }]),
      );
    }
    await Promise.all(sends);
    await until(
      'every round trip',
      () => (latencies.length >= options.messages ? true : undefined),
      120_000,
      20,
    );
  } finally {
    await publisher.close();
    await subscription.stop();
  }
  return {
    messages: options.messages,
    bytes: options.bytes,
    ratePerSecond: options.ratePerSecond,
    latency: latencySummary(latencies),
  };
}
