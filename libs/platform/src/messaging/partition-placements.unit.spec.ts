import { Partitioners, type PartitionerArgs, type RecordMetadata } from 'kafkajs';
import {
  PartitionPlacements,
  PartitionsNotWrittenError,
  unwrittenPartitions,
} from './partition-placements';

const partitionMetadata = [0, 1, 2].map((partitionId) => ({
  partitionId,
  leader: partitionId + 1,
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
  partitionErrorCode: 0,
}));

function written(partition: number, errorCode = 0): RecordMetadata {
  return { topicName: 'claims.events', partition, errorCode, baseOffset: '0' };
}

describe('PartitionPlacements: where the partitioner put each message', () => {
  it('remembers the partition kafkajs chose for each message object, as the wrapped partitioner chose it', () => {
    const placements = new PartitionPlacements();
    const partitioner = placements.recording(Partitioners.DefaultPartitioner)();
    const plain = Partitioners.DefaultPartitioner();
    const messages = ['stream-a', 'stream-b', 'stream-c', 'stream-d'].map((key) => ({
      key,
      value: '{}',
    }));
    const chosen = messages.map((message) =>
      partitioner({ topic: 'claims.events', partitionMetadata, message } as PartitionerArgs),
    );
    // The wrapper does not change placement: keyed messages land where they always did.
    expect(chosen).toEqual(
      messages.map((message) =>
        plain({ topic: 'claims.events', partitionMetadata, message } as PartitionerArgs),
      ),
    );
    expect(placements.partitionsOf(messages).sort()).toEqual([...new Set(chosen)].sort());
    // A message object it never saw (an equal copy) is not counted.
    expect(placements.partitionsOf([{ ...messages[0] }])).toEqual([]);
  });
});

describe('unwrittenPartitions: the answer must confirm every partition written to', () => {
  it('is empty when every placed partition is confirmed without error', () => {
    expect(unwrittenPartitions([0, 2], [written(2), written(0), written(1)])).toEqual([]);
  });

  it('names a placed partition the answer leaves out (the kafkajs retry that skipped a broker)', () => {
    expect(unwrittenPartitions([0, 1, 2], [written(0), written(2)])).toEqual([1]);
  });

  it('names a partition answered with an error code', () => {
    expect(unwrittenPartitions([2, 0], [written(0), written(2, 6)])).toEqual([2]);
  });

  it('says which topic and partitions in the error the relay logs', () => {
    const error = new PartitionsNotWrittenError('contributions.events', [1, 2]);
    expect(error.message).toContain('contributions.events partition(s) 1, 2');
    expect(error.name).toBe('PartitionsNotWrittenError');
  });
});
