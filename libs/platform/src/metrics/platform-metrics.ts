import { deadLetterTopic } from '../consumers/consumer-topics';
import type { SqlExecutor } from '../database/platform-database';
import type { PartitionOffsets } from '../messaging/messages';
import type { KafkaMessaging } from '../messaging/kafka-messaging';
import { readCheckpoint } from '../projections/checkpoints';
import type { Projection } from '../projections/projection';
import type { ScrapeSample } from './scrape-time-metric';
import type { ServiceMetrics } from './service-metrics';

/** A consumer group of the service and the topics it reads. */
export interface ConsumerGroupOfService {
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface PlatformMetricSources {
  readonly database: SqlExecutor;
  readonly messaging: Pick<KafkaMessaging, 'topicOffsets' | 'committedOffsets'>;
  readonly projections: readonly Projection[];
  readonly consumerGroups: readonly ConsumerGroupOfService[];
  /** Whether this process's relay holds the leadership lock now. */
  readonly relayIsLeader: () => boolean;
}

/** Counting more unapplied events than this tells no more; it bounds the query's cost. */
export const PROJECTION_LAG_COUNT_LIMIT = 100_000;

/**
 * The metrics every service has beside its HTTP ones (ADR 0029), read at scrape time: the
 * outbox's depth and the age of its oldest row, whether this instance's relay leads, each
 * projection's unapplied events, each consumer group's lag per partition, and how many
 * messages wait in the dead-letter topics this service writes to.
 */
export function registerPlatformMetrics(
  metrics: ServiceMetrics,
  sources: PlatformMetricSources,
): void {
  const { database, messaging } = sources;
  metrics.scrapeTime({
    name: 'santunan_outbox_messages',
    help: 'Rows in the outbox waiting for the relay to publish them.',
    type: 'gauge',
    read: async () => {
      const [row] = await database.query<{ messages: string }>(
        'select count(*) as messages from outbox',
      );
      return [{ value: Number(row?.messages ?? 0) }];
    },
  });
  metrics.scrapeTime({
    name: 'santunan_outbox_oldest_message_age_seconds',
    help: 'How long the oldest outbox row has waited; 0 when the outbox is empty.',
    type: 'gauge',
    read: async () => {
      const [row] = await database.query<{ age: number }>(
        `select extract(epoch from clock_timestamp() - enqueued_at)::float8 as age
           from outbox order by id limit 1`,
      );
      return [{ value: Math.max(0, row?.age ?? 0) }];
    },
  });
  metrics.scrapeTime({
    name: 'santunan_outbox_relay_leader',
    help: '1 when this instance holds the relay leadership lock (one leader per service), else 0.',
    type: 'gauge',
    read: () => Promise.resolve([{ value: sources.relayIsLeader() ? 1 : 0 }]),
  });
  if (sources.projections.length > 0) {
    metrics.scrapeTime({
      name: 'santunan_projection_lag_events',
      help: `Events in the store a projection has not applied yet (counted up to ${PROJECTION_LAG_COUNT_LIMIT}).`,
      labelNames: ['projection'],
      type: 'gauge',
      read: () => projectionLag(database, sources.projections),
    });
  }
  const groups = sources.consumerGroups;
  const consumed = [...new Set(groups.flatMap((group) => group.topics))];
  if (consumed.length > 0) {
    metrics.scrapeTime({
      name: 'santunan_consumer_lag_messages',
      help: 'Messages in a partition after the consumer group’s committed offset.',
      labelNames: ['group', 'topic', 'partition'],
      type: 'gauge',
      read: () => consumerLag(messaging, groups, consumed),
    });
    metrics.scrapeTime({
      name: 'santunan_dead_letter_topic_messages',
      help: 'Messages held in a dead-letter topic this service writes to (high − low watermark).',
      labelNames: ['topic'],
      type: 'gauge',
      read: () => deadLetterDepth(messaging, consumed.map(deadLetterTopic)),
    });
  }
}

async function projectionLag(
  database: SqlExecutor,
  projections: readonly Projection[],
): Promise<ScrapeSample[]> {
  const samples: ScrapeSample[] = [];
  for (const projection of projections) {
    const after = await readCheckpoint(database, projection.name);
    // The (transaction id, position) range readAll walks, on its index; capped.
    const [row] = await database.query<{ events: string }>(
      `select count(*) as events from (
         select 1 from events where (transaction_id, global_position) > ($1::xid8, $2::bigint)
         limit ${PROJECTION_LAG_COUNT_LIMIT}) unapplied`,
      [after.transactionId, after.globalPosition],
    );
    samples.push({ labels: { projection: projection.name }, value: Number(row?.events ?? 0) });
  }
  return samples;
}

async function consumerLag(
  messaging: PlatformMetricSources['messaging'],
  groups: readonly ConsumerGroupOfService[],
  topics: readonly string[],
): Promise<ScrapeSample[]> {
  const logs = byPartition(await messaging.topicOffsets(topics));
  const samples: ScrapeSample[] = [];
  for (const group of groups) {
    for (const committed of await messaging.committedOffsets(group.groupId, group.topics)) {
      const log = logs.get(`${committed.topic}/${committed.partition}`);
      if (log === undefined) continue;
      // Nothing committed yet: the group starts at the log's beginning (fromBeginning).
      const position = BigInt(committed.offset ?? log.low);
      const lag = BigInt(log.high) - position;
      samples.push({
        labels: { group: group.groupId, topic: committed.topic, partition: committed.partition },
        value: Number(lag > 0n ? lag : 0n),
      });
    }
  }
  return samples;
}

async function deadLetterDepth(
  messaging: PlatformMetricSources['messaging'],
  topics: readonly string[],
): Promise<ScrapeSample[]> {
  const held = new Map<string, bigint>(topics.map((topic) => [topic, 0n]));
  for (const log of await messaging.topicOffsets(topics)) {
    held.set(log.topic, (held.get(log.topic) ?? 0n) + BigInt(log.high) - BigInt(log.low));
  }
  return [...held].map(([topic, messages]) => ({ labels: { topic }, value: Number(messages) }));
}

function byPartition(offsets: readonly PartitionOffsets[]): Map<string, PartitionOffsets> {
  return new Map(offsets.map((log) => [`${log.topic}/${log.partition}`, log]));
}
