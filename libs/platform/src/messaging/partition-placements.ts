import type { ICustomPartitioner, RecordMetadata } from 'kafkajs';

/**
 * kafkajs 2.2.4 can resolve a send that wrote nothing to some partitions. A send spanning
 * partitions led by two brokers retries only the brokers that have not answered yet: when a
 * failed broker's partitions move to a broker that already answered, its messages are never
 * sent, and `send` still resolves (src/producer/sendMessages.js, `brokersWithoutResponse`).
 * Drill b (a leader killed mid-run) lost a ContributionAccountOpened this way. So the
 * publisher remembers where the partitioner put each message and checks that the broker's
 * answer names every one of those partitions; a send that does not is a failure, and the
 * relay sends the batch again (at-least-once: consumers drop what they already applied).
 */
export class PartitionPlacements {
  private readonly placed = new WeakMap<object, number>();

  /** Wraps a partitioner so each message's partition is remembered (by the message object). */
  recording(createPartitioner: ICustomPartitioner): ICustomPartitioner {
    return () => {
      const partitioner = createPartitioner();
      return (args) => {
        const partition = partitioner(args);
        this.placed.set(args.message, partition);
        return partition;
      };
    };
  }

  /** The partitions these messages were placed in (messages never placed are not counted). */
  partitionsOf(messages: readonly object[]): number[] {
    const partitions = new Set<number>();
    for (const message of messages) {
      const partition = this.placed.get(message);
      if (partition !== undefined) partitions.add(partition);
    }
    return [...partitions];
  }
}

/** The placed partitions the broker's answer does not confirm (absent, or with an error code). */
export function unwrittenPartitions(
  placed: readonly number[],
  written: readonly RecordMetadata[],
): number[] {
  const confirmed = new Set(
    written.filter((record) => record.errorCode === 0).map((record) => record.partition),
  );
  return placed.filter((partition) => !confirmed.has(partition)).sort((a, b) => a - b);
}

export class PartitionsNotWrittenError extends Error {
  constructor(
    readonly topic: string,
    readonly partitions: readonly number[],
  ) {
    super(
      `Kafka confirmed no write to ${topic} partition(s) ${partitions.join(', ')} although the send resolved; the batch is sent again`,
    );
    this.name = 'PartitionsNotWrittenError';
  }
}
