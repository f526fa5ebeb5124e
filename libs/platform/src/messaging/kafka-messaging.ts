import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  Partitioners,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
  logLevel as KafkaLogLevel,
  type Consumer,
  type IHeaders,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import type {
  CommittedOffset,
  MessageHeaders,
  MessagePublisher,
  OutgoingMessage,
  PartitionOffsets,
  Subscription,
  SubscriptionOptions,
  TopicSpec,
} from './messages';
import type { KafkaAcl } from './kafka-access';
import type { KafkaSasl } from './kafka-sasl';
import {
  PartitionPlacements,
  PartitionsNotWrittenError,
  unwrittenPartitions,
} from './partition-placements';
import { sendChunks } from './send-chunks';

export interface KafkaMessagingConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** kafkajs logs to stdout by default; services log errors, tests stay quiet. */
  readonly logLevel?: 'nothing' | 'error' | 'warn' | 'info';
  /** The principal to authenticate as (SASL/SCRAM, ADR 0024); none: an unauthenticated client. */
  readonly sasl?: KafkaSasl;
}

const LOG_LEVELS = {
  nothing: KafkaLogLevel.NOTHING,
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
} as const;

/** kafkajs's form of the credentials (its type is a union per mechanism). */
export function kafkajsSasl(sasl: KafkaSasl): SASLOptions {
  const { username, password } = sasl;
  return sasl.mechanism === 'scram-sha-256'
    ? { mechanism: 'scram-sha-256', username, password }
    : { mechanism: 'scram-sha-512', username, password };
}

/**
 * The one place that knows kafkajs. kafkajs has had no release since 2023, so the rest of
 * the platform talks to the MessagePublisher / Subscription ports and this file is the
 * thing to replace (ADR 0002).
 */
export class KafkaMessaging {
  private readonly kafka: Kafka;
  /** The admin client that reads offsets for the metrics; kept between scrapes. */
  private offsetsAdmin: Promise<Admin> | undefined;

  constructor(private readonly config: KafkaMessagingConfig) {
    this.kafka = this.client(10);
  }

  /** A kafkajs client; `retries` bounds how long a connection is retried (≈ 200 ms doubling). */
  private client(retries: number, logLevel = this.config.logLevel ?? 'error'): Kafka {
    const { config } = this;
    return new Kafka({
      clientId: config.clientId,
      brokers: [...config.brokers],
      logLevel: LOG_LEVELS[logLevel],
      retry: { initialRetryTime: 200, retries },
      ...(config.sasl === undefined ? {} : { sasl: kafkajsSasl(config.sasl) }),
    });
  }

  /** Creates missing topics (the broker runs with auto-creation off) and waits for leaders. */
  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic.name));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions ?? 3,
          // -1: the broker's default.replication.factor (1 on a single node, 3 on a cluster).
          replicationFactor: -1,
          configEntries: Object.entries(topic.config ?? {}).map(([name, value]) => ({
            name,
            value,
          })),
        })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  /** Deletes topics that exist (benchmarks and tests clean up after themselves). */
  async deleteTopics(names: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const present = names.filter((name) => existing.has(name));
      if (present.length > 0) await admin.deleteTopics({ topics: present });
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Grants the ACLs (as a super user) and waits until the broker applies them: they travel
   * through the metadata log, and a client let in a moment too early would be refused.
   */
  async grantAcls(acls: readonly KafkaAcl[], timeoutMs = 30_000): Promise<void> {
    if (acls.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createAcls({ acl: acls.map(aclEntry) });
      const wanted = new Set(acls.map((acl) => aclKey(aclEntry(acl))));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const described = await admin.describeAcls(ANY_ACL);
        const present = new Set(
          described.resources.flatMap((resource) =>
            resource.acls.map((acl) => aclKey({ ...resource, ...acl })),
          ),
        );
        if ([...wanted].every((key) => present.has(key))) return;
        if (Date.now() > deadline) throw new Error(`ACLs not applied after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Removes exactly these ACLs (a test run's, when it ends). */
  async revokeAcls(acls: readonly KafkaAcl[]): Promise<void> {
    if (acls.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteAcls({ filters: acls.map(aclEntry) });
    } finally {
      await admin.disconnect();
    }
  }

  async createPublisher(): Promise<MessagePublisher> {
    const placements = new PartitionPlacements();
    const producer = this.kafka.producer({
      // Idempotent: a retried send after a lost acknowledgement is not written twice.
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: placements.recording(Partitioners.DefaultPartitioner),
    });
    // A producer the broker refuses (authentication, authorization) leaves no socket behind.
    await producer.connect().catch(async (error: unknown) => {
      await producer.disconnect().catch(() => undefined);
      throw error;
    });
    return new KafkaPublisher(producer, placements);
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning });
    await consumer.run({
      partitionsConsumedConcurrently: options.partitionsInParallel ?? 1,
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        let lastHandled: string | undefined;
        try {
          for (const message of batch.messages) {
            if (!payload.isRunning() || payload.isStale()) break;
            await options.handle({
              topic: batch.topic,
              partition: batch.partition,
              offset: message.offset,
              key: message.key ? message.key.toString('utf8') : null,
              value: message.value,
              headers: decodeHeaders(message.headers),
              timestamp: message.timestamp,
            });
            payload.resolveOffset(message.offset);
            lastHandled = message.offset;
            await payload.heartbeat();
          }
        } finally {
          // Commit the next offset to read, once per batch and also when a handler threw,
          // so the messages already applied are not delivered again.
          if (lastHandled !== undefined) {
            await consumer.commitOffsets([
              {
                topic: batch.topic,
                partition: batch.partition,
                offset: (BigInt(lastHandled) + 1n).toString(),
              },
            ]);
          }
        }
      },
    });
    return new KafkaSubscription(consumer);
  }

  /** Each partition's first and next offset (ListOffsets): the log's size, for lag and DLQ depth. */
  async topicOffsets(topics: readonly string[]): Promise<PartitionOffsets[]> {
    return this.withOffsetsAdmin(async (admin) => {
      const perTopic = await Promise.all(
        topics.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map((partition) => ({
            topic,
            partition: partition.partition,
            low: partition.low,
            high: partition.high,
          })),
        ),
      );
      return perTopic.flat();
    });
  }

  /** A consumer group's committed offsets (the next to read); null where it committed none. */
  async committedOffsets(groupId: string, topics: readonly string[]): Promise<CommittedOffset[]> {
    return this.withOffsetsAdmin(async (admin) => {
      const fetched = await admin.fetchOffsets({ groupId, topics: [...topics] });
      return fetched.flatMap(({ topic, partitions }) =>
        partitions.map((partition) => ({
          topic,
          partition: partition.partition,
          offset: partition.offset === '-1' ? null : partition.offset,
        })),
      );
    });
  }

  /** Disconnects the offsets reader, if one was opened. */
  async close(): Promise<void> {
    const admin = this.offsetsAdmin;
    this.offsetsAdmin = undefined;
    await admin?.then((opened) => opened.disconnect()).catch(() => undefined);
  }

  /**
   * One admin connection for every scrape; it retries once only, since a scrape waits for
   * it, and is replaced after a failure (the broker may have restarted).
   */
  private async withOffsetsAdmin<T>(read: (admin: Admin) => Promise<T>): Promise<T> {
    this.offsetsAdmin ??= (async () => {
      const admin = this.kafka.admin({ retry: { initialRetryTime: 200, retries: 1 } });
      await admin.connect();
      return admin;
    })();
    const opening = this.offsetsAdmin;
    try {
      return await read(await opening);
    } catch (error) {
      if (this.offsetsAdmin === opening) this.offsetsAdmin = undefined;
      void opening.then((admin) => admin.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Asks the cluster for its brokers on a fresh connection (readiness, ADR 0030): what a
   * producer or consumer opening now would meet. One retry only: the caller bounds the wait.
   */
  async describeCluster(): Promise<{ brokers: number }> {
    // Its own client: the shared one retries a connection ten times, the caller waits seconds;
    // silent, as the readiness answer says what failed (every few seconds while it lasts).
    const admin = this.client(1, 'nothing').admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  get brokers(): readonly string[] {
    return this.config.brokers;
  }

  /** Who this client authenticates as; undefined without SASL. */
  get principal(): string | undefined {
    return this.config.sasl?.username;
  }
}

class KafkaPublisher implements MessagePublisher {
  constructor(
    private readonly producer: Producer,
    private readonly placements: PartitionPlacements,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    // One send after another keeps the order; each stays under the broker's batch limit.
    for (const chunk of sendChunks(messages)) {
      const sent = chunk.map((message) => ({
        key: message.key,
        value: message.value,
        headers: message.headers ? { ...message.headers } : undefined,
      }));
      const written = await this.producer.send({ topic, acks: -1, messages: sent });
      const unwritten = unwrittenPartitions(this.placements.partitionsOf(sent), written);
      if (unwritten.length > 0) throw new PartitionsNotWrittenError(topic, unwritten);
    }
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}

class KafkaSubscription implements Subscription {
  constructor(private readonly consumer: Consumer) {}

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.consumer.disconnect();
  }
}

const ANY_ACL = {
  resourceType: AclResourceTypes.ANY,
  resourcePatternType: ResourcePatternTypes.ANY,
  operation: AclOperationTypes.ANY,
  permissionType: AclPermissionTypes.ANY,
} as const;

const ACL_OPERATIONS = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  describe: AclOperationTypes.DESCRIBE,
  delete: AclOperationTypes.DELETE,
} as const;

function aclEntry(acl: KafkaAcl): AclEntry {
  return {
    resourceType: acl.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: acl.name,
    resourcePatternType:
      acl.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    principal: `User:${acl.principal}`,
    host: '*',
    operation: ACL_OPERATIONS[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

function aclKey(entry: AclEntry): string {
  return [
    entry.resourceType,
    entry.resourceName,
    entry.resourcePatternType,
    entry.principal,
    entry.host,
    entry.operation,
    entry.permissionType,
  ].join('|');
}

function decodeHeaders(headers: IHeaders | undefined): MessageHeaders {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) decoded[name] = first.toString();
  }
  return decoded;
}
