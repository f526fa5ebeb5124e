import type { PlatformDatabase } from '../database/platform-database';
import type { KafkaMessaging } from '../messaging/kafka-messaging';
import type { IncomingMessage, OutgoingMessage, SubscriptionOptions } from '../messaging/messages';
import type { ConsumerOutcome } from './consumer-outcome';
import { EventConsumer } from './event-consumer';


/** The subscription's handle function and what the consumer published, without a broker. */
function fakeMessaging() {
  const published: Array<{ topic: string; messages: readonly OutgoingMessage[] }> = [];
  let handle: SubscriptionOptions['handle'] | undefined;
  const messaging: Pick<KafkaMessaging, 'subscribe' | 'createPublisher'> = {
    subscribe: (options) => {
      handle = options.handle;
      return Promise.resolve({ stop: () => Promise.resolve() });
    },
    createPublisher: () =>
      Promise.resolve({
        publish: (topic, messages) => {
          published.push({ topic, messages });
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      }),
  };
  const deliver = (message: IncomingMessage): Promise<void> => {
    if (!handle) throw new Error('not subscribed');
    return handle(message);
  };
  return { messaging, published, deliver };
}

const message: IncomingMessage = {
  topic: 'enrollment.events',
  partition: 0,
  offset: '7',
  key: 'participant-1',
  value: Buffer.from(
    JSON.stringify({
      eventId: 'e-1',
      type: 'ParticipantRegistered',
      schemaVersion: 1,
      streamId: 'participant-1',
      streamType: 'participant',
      version: 1,
      globalPosition: '1',
      occurredAt: '2025-01-15T03:00:00.000Z',
      recordedAt: '2025-01-15T03:00:00.000Z',
      metadata: { correlationId: 'c', causationId: null, actor: { id: 'system', kind: 'system' } },
      data: {},
      hash: 'h',
      previousHash: null,
    }),
  ),
  headers: {},
  timestamp: '0',
};

describe('EventConsumer when the database is down', () => {
  it('holds the message (the handle rejects, so nothing is committed) instead of dead-lettering it', async () => {
    const { messaging, published, deliver } = fakeMessaging();
    const outcomes: ConsumerOutcome[] = [];
    const unreachable: Pick<PlatformDatabase, 'transaction'> = {
      transaction: () =>
        Promise.reject(
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
        ),
    };
    const consumer = new EventConsumer({
      name: 'claims.enrollment',
      topics: ['enrollment.events'],
      messaging,
      database: unreachable,
      handlers: { prepare: () => Promise.resolve({ ok: true, apply: () => Promise.resolve() }) },
      retry: { maxAttempts: 2, backoffMs: () => 0 },
      logger: { warn: () => undefined, error: () => undefined },
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    await consumer.start();

    await expect(deliver(message)).rejects.toThrow(/ECONNREFUSED/);
    expect(published).toEqual([]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['retrying', 'held']);
    await consumer.stop();
  });
});
