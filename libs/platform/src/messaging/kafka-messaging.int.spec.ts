import { eventually, testMessaging, uniqueName } from '@santunan/testing';
import type { IncomingMessage, Subscription } from './messages';

describe('KafkaMessaging against the real broker', () => {
  const messaging = testMessaging('kafka-messaging-int');
  let subscription: Subscription | undefined;

  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
  });

  it('delivers what the publisher sent, with key and headers, in order per key', async () => {
    const topic = uniqueName('int.messaging');
    await messaging.ensureTopics([{ name: topic, partitions: 3 }]);
    const publisher = await messaging.createPublisher();
    const sent = Array.from({ length: 20 }, (_, i) => ({
      key: `stream-${i % 4}`,
      value: JSON.stringify({ seq: i }),
      headers: { 'event-type': 'ProbeSent' },
    }));
    await publisher.publish(topic, sent);
    await publisher.close();

    const received: IncomingMessage[] = [];
    subscription = await messaging.subscribe({
      groupId: uniqueName('int.messaging.group'),
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        received.push(message);
      },
    });

    await eventually(() => expect(received).toHaveLength(20));
    expect(received.every((m) => m.headers['event-type'] === 'ProbeSent')).toBe(true);
    for (let stream = 0; stream < 4; stream += 1) {
      const seqs = received
        .filter((m) => m.key === `stream-${stream}`)
        .map((m) => (JSON.parse(m.value!.toString()) as { seq: number }).seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(seqs).toHaveLength(5);
    }
  });

  it('publishes a batch heavier than the broker takes in one request (a NTT-size allocation run)', async () => {
    const topic = uniqueName('int.messaging.heavy');
    await messaging.ensureTopics([{ name: topic, partitions: 1 }]);
    const publisher = await messaging.createPublisher();
    // 60 × 40 kB on one key: 2.4 MB in one partition, over the broker's 1 MiB batch limit.
    const sent = Array.from({ length: 60 }, (_, i) => ({
      key: 'program-ntt',
      value: JSON.stringify({ seq: i, allocations: 'x'.repeat(40_000) }),
    }));
    await publisher.publish(topic, sent);
    await publisher.close();

    const received: number[] = [];
    subscription = await messaging.subscribe({
      groupId: uniqueName('int.messaging.heavy.group'),
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        received.push((JSON.parse(message.value!.toString()) as { seq: number }).seq);
      },
    });
    await eventually(() => expect(received).toHaveLength(60));
    expect(received).toEqual(sent.map((_, i) => i));
  });

  it('commits only handled messages: a failed handler leaves the message for the next consumer', async () => {
    const topic = uniqueName('int.messaging.commit');
    const groupId = uniqueName('int.messaging.commit.group');
    await messaging.ensureTopics([{ name: topic, partitions: 1 }]);
    const publisher = await messaging.createPublisher();
    await publisher.publish(topic, [
      { key: 'a', value: 'first' },
      { key: 'a', value: 'second' },
    ]);
    await publisher.close();

    const firstRun: string[] = [];
    let failed = false;
    subscription = await messaging.subscribe({
      groupId,
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        const value = message.value!.toString();
        if (value === 'second' && !failed) {
          failed = true;
          throw new Error('simulated crash before commit');
        }
        firstRun.push(value);
      },
    });
    await eventually(() => expect(failed).toBe(true));
    await subscription.stop();

    const secondRun: string[] = [];
    subscription = await messaging.subscribe({
      groupId,
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        secondRun.push(message.value!.toString());
      },
    });
    await eventually(() => expect(secondRun).toContain('second'));
    expect(firstRun).toContain('first');
    expect(secondRun).not.toContain('first');
  });
});
