import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KafkaMessaging } from '@santunan/platform';
import { eventually } from '../eventually';
import { uniqueName } from '../run-id';
import { LocalKafkaBroker } from './local-kafka-broker';

// Its own broker (own ports, own data folder), so stopping it does not disturb other tests.
describe('a local Kafka broker restarted on the same data folder', () => {
  let dataDir: string;
  let broker: LocalKafkaBroker;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'santunan-kafka-restart-'));
    broker = await LocalKafkaBroker.onFreePorts(dataDir);
    await broker.start();
  }, 200_000);

  afterAll(async () => {
    await broker.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 300_000);

  it('keeps every message written before the stop', async () => {
    const topic = uniqueName('int.restart');
    const before = new KafkaMessaging({
      brokers: [broker.bootstrap],
      sasl: await broker.sasl(),
      clientId: 'restart-before',
      logLevel: 'nothing',
    });
    await before.ensureTopics([{ name: topic, partitions: 2 }]);
    const publisher = await before.createPublisher();
    const sent = Array.from({ length: 50 }, (_, i) => ({
      key: `k${i % 5}`,
      value: `message-${i}`,
    }));
    await publisher.publish(topic, sent);
    await publisher.close();

    await broker.stop();
    await broker.start();

    const after = new KafkaMessaging({
      brokers: [broker.bootstrap],
      sasl: await broker.sasl(),
      clientId: 'restart-after',
      logLevel: 'nothing',
    });
    const received = new Set<string>();
    const subscription = await after.subscribe({
      groupId: uniqueName('int.restart.group'),
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        received.add(message.value!.toString());
      },
    });
    try {
      await eventually(() => expect(received.size).toBe(50), { timeoutMs: 180_000 });
      expect([...received].sort()).toEqual(sent.map((m) => m.value).sort());
    } finally {
      await subscription.stop();
    }
  }, 240_000);
});
