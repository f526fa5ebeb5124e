/** The messaging port: what the rest of the platform knows about a message broker. */

export type MessageHeaders = Readonly<Record<string, string>>;

export interface OutgoingMessage {
  /** Partitioning key: the stream id, so one stream's events keep their order. */
  readonly key: string;
  readonly value: string | Buffer;
  readonly headers?: MessageHeaders;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  /** Broker offset as a decimal string (Kafka offsets exceed 2^53 in principle). */
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: MessageHeaders;
  readonly timestamp: string;
}

export interface MessagePublisher {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface SubscriptionOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts; an auditor's replay starts at the beginning. */
  readonly fromBeginning: boolean;
  /**
   * Applies one message. The offset is committed only after this resolves, so a crash
   * between the two redelivers the message (at-least-once); handlers must be idempotent.
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
  /**
   * Partitions whose messages are handled at the same time (default 1); each partition's own
   * messages stay one after another, in order. More than one suits handlers that spend their
   * time waiting on the database, as several replicas of the group would.
   */
  readonly partitionsInParallel?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions?: number;
  readonly config?: Readonly<Record<string, string>>;
}

/** Where a partition's log starts and ends: `high` is the offset the next message will get. */
export interface PartitionOffsets {
  readonly topic: string;
  readonly partition: number;
  readonly low: string;
  readonly high: string;
}

/** A consumer group's position in a partition: the next offset it will read, if it committed one. */
export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string | null;
}
