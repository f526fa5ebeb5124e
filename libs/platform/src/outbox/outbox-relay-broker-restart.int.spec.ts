import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eventually, LocalKafkaBroker, uniqueName } from '@santunan/testing';
import type { EventEnvelope } from '../event-store/envelope';
import { EventStore } from '../event-store/event-store';
import { appendRequest, newEvent } from '../event-store/testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from '../event-store/testing/migrated-test-database';
import { KafkaMessaging } from '../messaging/kafka-messaging';
import { publishAllTo } from './outbox-message';
import { OutboxRelay } from './outbox-relay';
import {
  collectingLogger,
  firstArrivals,
  probeTopic,
  type TopicProbe,
} from './testing/relay-probes';

// Its own broker (own ports and data folder), so stopping it disturbs no other test.
describe('OutboxRelay across a broker restart', () => {
  let dataDir: string;
  let broker: LocalKafkaBroker;
  let db: MigratedTestDatabase;
  let relay: OutboxRelay | undefined;
  let probe: TopicProbe | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'santunan-relay-restart-'));
    broker = await LocalKafkaBroker.onFreePorts(dataDir);
    await Promise.all([
      broker.start(),
      openMigratedTestDatabase('relay_restart').then((opened) => (db = opened)),
    ]);
  }, 200_000);

  afterAll(async () => {
    await relay?.stop();
    await probe?.stop();
    await db.close();
    await broker.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 300_000);

  it('keeps every event appended while the broker is stopping or down, and delivers them once it is back', async () => {
    const messaging = new KafkaMessaging({
      brokers: [broker.bootstrap],
      sasl: await broker.sasl(),
      clientId: 'relay-restart',
      logLevel: 'nothing',
    });
    const topic = uniqueName('int.outbox.restart');
    await messaging.ensureTopics([{ name: topic, partitions: 2 }]);
    const store = new EventStore({ topicFor: publishAllTo(topic) });
    const logger = collectingLogger();
    relay = new OutboxRelay({
      databaseUrl: db.url,
      relayName: 'claims',
      createPublisher: () => messaging.createPublisher(),
      batchSize: 10,
      idlePollMs: 50,
      publishTimeoutMs: 4_000,
      backoff: { initialMs: 100, maxMs: 1_000 },
      logger,
    });
    relay.start();

    const streams = ['claim-1', 'claim-2', 'claim-3'];
    const appended: EventEnvelope[] = [];
    const versions = new Map(streams.map((streamId) => [streamId, 0]));
    const appendRound = async (phase: string): Promise<void> => {
      for (const streamId of streams) {
        const version = versions.get(streamId) ?? 0;
        const stored = await db.database.transaction((tx) =>
          store.append(
            tx,
            appendRequest(streamId, [newEvent('ClaimStepRecorded', { phase })], version, {
              streamType: 'Claim',
            }),
          ),
        );
        versions.set(streamId, version + stored.length);
        appended.push(...stored);
      }
    };

    await appendRound('before');
    await relay.waitUntilDrained();

    // Append while the broker shuts down, then while it is down.
    const stopping = broker.stop();
    for (let round = 0; round < 5; round += 1) await appendRound('stopping');
    await stopping;
    for (let round = 0; round < 5; round += 1) await appendRound('down');
    await eventually(() => expect(logger.warnings.length).toBeGreaterThan(0), {
      timeoutMs: 180_000,
    });
    const [pending] = await db.database.query<{ count: string }>('select count(*) from outbox');
    expect(Number(pending?.count)).toBeGreaterThan(0);

    await broker.start();
    await relay.waitUntilDrained(90_000);
    probe = await probeTopic(messaging, topic);
    const everyId = appended.map((event) => event.eventId).sort();
    await eventually(() => expect(firstArrivals(probe!.eventIds()).sort()).toEqual(everyId), {
      timeoutMs: 180_000,
    });
    for (const streamId of streams) {
      expect(firstArrivals(probe.versionsOf(streamId).map(String))).toEqual(
        Array.from({ length: versions.get(streamId) ?? 0 }, (_, i) => String(i + 1)),
      );
    }
  }, 180_000);
});
