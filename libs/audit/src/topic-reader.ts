import { randomUUID } from 'node:crypto';
import { kafkajsSasl, type KafkaSasl } from '@santunan/platform';
import { Kafka, logLevel } from 'kafkajs';

/** One message as it sits on a topic. */
export interface TopicMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TopicReadResult {
  readonly messages: readonly TopicMessage[];
  /** Topics that do not exist on the broker. */
  readonly missingTopics: readonly string[];
  /** Topics whose oldest messages are gone (retention): absence proves nothing there. */
  readonly truncatedTopics: readonly string[];
}

export interface TopicReadOptions {
  readonly brokers: readonly string[];
  /** The auditor's principal on a broker with SASL (read-only: ADR 0024). */
  readonly sasl?: KafkaSasl;
  readonly topics: readonly string[];
  readonly onProgress?: (read: number, total: number) => void;
  readonly timeoutMs?: number;
}

/**
 * Reads every message of the topics from their first retained offset up to the high
 * watermark seen at the start (later messages are left for the next run). A throw-away
 * consumer group (`santunan-audit-<uuid>`, the prefix the audit principal may use) that commits
 * nothing and is deleted afterwards: the auditor leaves no trace.
 */
export async function readTopics(options: TopicReadOptions): Promise<TopicReadResult> {
  const kafka = new Kafka({
    clientId: 'santunan-audit',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 200, retries: 8 },
    ...(options.sasl === undefined ? {} : { sasl: kafkajsSasl(options.sasl) }),
  });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `santunan-audit-${randomUUID()}`;
  try {
    const existing = new Set(await admin.listTopics());
    const missingTopics = options.topics.filter((topic) => !existing.has(topic));
    const present = [...new Set(options.topics.filter((topic) => existing.has(topic)))];
    // partition key `topic/partition` → [low, high)
    const ranges = new Map<string, { low: bigint; high: bigint }>();
    let total = 0n;
    const truncated = new Set<string>();
    for (const topic of present) {
      for (const offsets of await admin.fetchTopicOffsets(topic)) {
        const low = BigInt(offsets.low);
        if (low > 0n) truncated.add(topic);
        const high = BigInt(offsets.high);
        if (high > low) {
          ranges.set(`${topic}/${offsets.partition}`, { low, high });
          total += high - low;
        }
      }
    }
    const truncatedTopics = [...truncated].sort();
    if (ranges.size === 0) return { messages: [], missingTopics, truncatedTopics };
    const messages = await consumeRanges(kafka, groupId, present, ranges, Number(total), options);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return { messages, missingTopics, truncatedTopics };
  } finally {
    await admin.disconnect();
  }
}

async function consumeRanges(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
  ranges: Map<string, { low: bigint; high: bigint }>,
  total: number,
  options: TopicReadOptions,
): Promise<TopicMessage[]> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  const messages: TopicMessage[] = [];
  const unfinished = new Set(ranges.keys());
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`timed out reading ${topics.join(', ')} (${messages.length}/${total})`)),
        options.timeoutMs ?? 120_000,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const slot = `${topic}/${partition}`;
            const range = ranges.get(slot);
            const offset = BigInt(message.offset);
            if (range === undefined || offset >= range.high) return;
            messages.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers: headersOf(message.headers),
            });
            if (messages.length % 1000 === 0) options.onProgress?.(messages.length, total);
            if (offset + 1n >= range.high) unfinished.delete(slot);
            if (unfinished.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
    options.onProgress?.(messages.length, total);
  } finally {
    await consumer.disconnect();
  }
  return messages.sort(
    (a, b) =>
      a.topic.localeCompare(b.topic) ||
      a.partition - b.partition ||
      (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1),
  );
}

function headersOf(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Buffer.isBuffer(value)) result[name] = value.toString('utf8');
    else if (typeof value === 'string') result[name] = value;
  }
  return result;
}
