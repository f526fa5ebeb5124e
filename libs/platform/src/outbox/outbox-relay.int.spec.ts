import { eventually, testMessaging, uniqueName } from '@santunan/testing';
import type { EventEnvelope } from '../event-store/envelope';
import { EventStore } from '../event-store/event-store';
import { appendRequest, newEvent } from '../event-store/testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from '../event-store/testing/migrated-test-database';
import { publishAllTo } from './outbox-message';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import {
  collectingLogger,
  firstArrivals,
  probeTopic,
  recordingPublisher,
  type TopicProbe,
} from './testing/relay-probes';

describe('OutboxRelay against the real broker', () => {
  const messaging = testMessaging('outbox-relay-int');
  let db: MigratedTestDatabase;
  let topic: string;
  let store: EventStore;
  const relays: OutboxRelay[] = [];
  const probes: TopicProbe[] = [];

  beforeEach(async () => {
    db = await openMigratedTestDatabase('outbox_relay');
    topic = uniqueName('int.outbox');
    await messaging.ensureTopics([{ name: topic, partitions: 3 }]);
    store = new EventStore({ topicFor: publishAllTo(topic) });
  }, 300_000);
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(probes.splice(0).map((probe) => probe.stop()));
    await db.close();
  }, 300_000);

  function relay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const created = new OutboxRelay({
      databaseUrl: db.url,
      relayName: 'enrollment',
      createPublisher: () => messaging.createPublisher(),
      batchSize: 7,
      idlePollMs: 50,
      leaderPollMs: 100,
      logger: collectingLogger(),
      ...options,
    });
    relays.push(created);
    return created;
  }

  async function probe(): Promise<TopicProbe> {
    const created = await probeTopic(messaging, topic);
    probes.push(created);
    return created;
  }

  /** `rounds` commands per stream, interleaved across streams, one transaction each. */
  async function appendInterleaved(
    streams: readonly string[],
    rounds: number,
  ): Promise<EventEnvelope[]> {
    const appended: EventEnvelope[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const streamId of streams) {
        const stored = await db.database.transaction((tx) =>
          store.append(
            tx,
            appendRequest(streamId, [newEvent('ParticipantIncomeChanged', { round })], round),
          ),
        );
        appended.push(...stored);
      }
    }
    return appended;
  }

  async function pendingRows(): Promise<number> {
    const [row] = await db.database.query<{ count: string }>('select count(*) from outbox');
    return Number(row?.count);
  }

  it('delivers every appended event, keyed by stream, in stream order, with its headers', async () => {
    relay().start();
    const streams = ['participant-a', 'participant-b', 'participant-c', 'participant-d'];
    const appended = await appendInterleaved(streams, 12);
    const received = await probe();

    await eventually(() => expect(received.received).toHaveLength(appended.length), {
      timeoutMs: 180_000,
    });
    for (const streamId of streams) {
      expect(received.versionsOf(streamId)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
    const first = received.received[0]!;
    expect(first.key).toBe(first.envelope.streamId);
    expect(first.headers).toMatchObject({
      'event-type': 'ParticipantIncomeChanged',
      'event-id': first.envelope.eventId,
      'schema-version': '1',
      'content-type': 'application/json',
    });
    expect(received.received.map((m) => m.envelope)).toEqual(expect.arrayContaining(appended));
    await eventually(async () => expect(await pendingRows()).toBe(0));
  }, 300_000);

  it('loses nothing when the relay dies after publishing a batch and before deleting it', async () => {
    const streams = ['participant-a', 'participant-b', 'participant-c', 'participant-d'];
    const appended = await appendInterleaved(streams, 5);
    let batches = 0;
    let republished: string[] = [];
    const crashing = relay({
      batchSize: 5,
      faults: {
        afterPublish: (batch) => {
          batches += 1;
          if (batches < 2) return 'continue';
          republished = batch.map((row) => row.headers['event-id'] ?? '');
          return 'crash';
        },
      },
    });
    crashing.start();
    await eventually(() => expect(republished).toHaveLength(5));
    // The crashed batch is on Kafka and still in the outbox.
    expect(await pendingRows()).toBe(appended.length - 5);

    const successor = relay({ batchSize: 5 });
    successor.start();
    await successor.waitUntilDrained();
    const received = await probe();

    const everyId = appended.map((event) => event.eventId);
    await eventually(
      () => expect(received.eventIds()).toHaveLength(everyId.length + republished.length),
      {
        timeoutMs: 180_000,
      },
    );
    expect(firstArrivals(received.eventIds()).sort()).toEqual([...everyId].sort());
    for (const id of republished)
      expect(received.eventIds().filter((seen) => seen === id)).toHaveLength(2);
    for (const streamId of streams) {
      expect(firstArrivals(received.versionsOf(streamId).map(String))).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
      ]);
    }
  }, 300_000);

  it('lets only the leader publish, and a follower takes over when the leader stops', async () => {
    const sentBy: string[] = [];
    const first = relay({ createPublisher: recordingPublisher(messaging, 'first', sentBy) });
    const second = relay({ createPublisher: recordingPublisher(messaging, 'second', sentBy) });
    first.start();
    second.start();
    await eventually(() =>
      expect([first.isLeader, second.isLeader].filter(Boolean)).toHaveLength(1),
    );
    const [leader, follower, leaderName, followerName] = first.isLeader
      ? [first, second, 'first', 'second']
      : [second, first, 'second', 'first'];

    const before = await appendInterleaved(['participant-a', 'participant-b'], 10);
    const received = await probe();
    await eventually(() => expect(received.eventIds()).toHaveLength(before.length), {
      timeoutMs: 180_000,
    });
    expect(new Set(sentBy)).toEqual(new Set([leaderName]));

    await leader.stop();
    await eventually(() => expect(follower.isLeader).toBe(true));
    const after = await appendInterleaved(['participant-c'], 5);
    await eventually(() => expect(received.eventIds()).toHaveLength(before.length + after.length), {
      timeoutMs: 180_000,
    });
    expect(sentBy.slice(before.length)).toEqual(after.map(() => followerName));
  }, 300_000);
});
