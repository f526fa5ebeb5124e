import type { PlatformDatabase } from '../database/platform-database';
import type { KafkaMessaging } from '../messaging/kafka-messaging';
import type { IncomingMessage, OutgoingMessage, SubscriptionOptions } from '../messaging/messages';
import type { ConsumerOutcome } from './consumer-outcome';
import { signatureHeaders } from '@santunan/contracts';
import {
  publishedEnvelope,
  testEventKeyring,
  testSigningKey,
  type TestSigningContext,
} from '@santunan/testing';
import { ConcurrencyError } from '../event-store/event-store.errors';
import { createLogger } from '../observability/logger';
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

const envelope = publishedEnvelope({
  type: 'ParticipantRegistered',
  data: {},
  streamId: 'participant-1',
  streamType: 'participant',
  occurredAt: '2025-01-15T03:00:00.000Z',
  actor: { id: 'system', kind: 'system' },
});

/** A message on `topic` as a relay publishes it, signed with `signer`'s key. */
function delivered(
  value: Buffer,
  { topic = 'enrollment.events', signer = 'enrollment' as TestSigningContext, offset = '7' } = {},
): IncomingMessage {
  return {
    topic,
    partition: 0,
    offset,
    key: 'participant-1',
    value,
    headers: signatureHeaders(testSigningKey(signer), topic, value),
    timestamp: '0',
  };
}

const message = delivered(Buffer.from(JSON.stringify(envelope)));

function consumerWith(
  messaging: Pick<KafkaMessaging, 'subscribe' | 'createPublisher'>,
  database: Pick<PlatformDatabase, 'transaction'>,
  outcomes: ConsumerOutcome[],
  publishedBy?: string,
): EventConsumer {
  return new EventConsumer({
    name: 'claims.enrollment',
    topics: ['enrollment.events'],
    ...(publishedBy === undefined ? {} : { publishedBy }),
    messaging,
    database,
    keyring: testEventKeyring,
    handlers: { prepare: () => Promise.resolve({ ok: true, apply: () => Promise.resolve() }) },
    retry: { maxAttempts: 2, backoffMs: () => 0 },
    logger: createLogger('spec', { level: 'silent' }),
    onOutcome: (outcome) => outcomes.push(outcome),
  });
}

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
    const consumer = consumerWith(messaging, unreachable, outcomes);
    await consumer.start();

    await expect(deliver(message)).rejects.toThrow(/ECONNREFUSED/);
    expect(published).toEqual([]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['retrying', 'held']);
    await consumer.stop();
  });
});

describe('EventConsumer when another writer keeps winning a stream (replicas, ADR 0027)', () => {
  it('holds the message instead of dead-lettering it: a later delivery succeeds', async () => {
    const { messaging, published, deliver } = fakeMessaging();
    const outcomes: ConsumerOutcome[] = [];
    const contended: Pick<PlatformDatabase, 'transaction'> = {
      transaction: () =>
        Promise.reject(
          new ConcurrencyError('sponsor-program-ntt-2026', 10, null, 'older-transaction'),
        ),
    };
    const consumer = consumerWith(messaging, contended, outcomes);
    await consumer.start();

    await expect(deliver(message)).rejects.toThrow(ConcurrencyError);
    expect(published).toEqual([]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['retrying', 'held']);
    await consumer.stop();
  });
});

describe('EventConsumer refuses what it cannot verify, before anything reaches the database', () => {
  const noDatabase: Pick<PlatformDatabase, 'transaction'> = {
    transaction: () => Promise.reject(new Error('a refused message must not reach the database')),
  };
  const value = Buffer.from(JSON.stringify(envelope));
  const forgedValue = Buffer.from(
    JSON.stringify({ ...envelope, data: { monthlyIncome: 3_000_000 } }),
  );

  it.each([
    ['an unsigned message', { ...message, headers: {} }, 'SIGNATURE_MISSING'],
    ['bytes changed after signing', { ...message, value: forgedValue }, 'SIGNATURE_INVALID'],
    [
      "another context's key on enrollment's topic",
      delivered(value, { signer: 'claims' }),
      'SIGNATURE_INVALID',
    ],
    ['a stale hash, signed', delivered(forgedValue), 'HASH_MISMATCH'],
  ])('dead-letters %s with its reason', async (_case, refused, reasonCode) => {
    const { messaging, published, deliver } = fakeMessaging();
    const outcomes: ConsumerOutcome[] = [];
    const consumer = consumerWith(messaging, noDatabase, outcomes);
    await consumer.start();

    await deliver(refused);
    expect(published.map(({ topic }) => topic)).toEqual(['enrollment.events.dlq']);
    expect(published[0]?.messages[0]?.headers?.['dlq-reason-code']).toBe(reasonCode);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'dead-lettered', reasonCode })]);
    await consumer.stop();
  });

  it('takes the publisher its group names, whatever the topic is called', async () => {
    // The database here refuses every transaction: a message that gets past the checks ends
    // as HANDLER_FAILED, one refused by them never reaches it.
    const reasonFor = async (signer: TestSigningContext) => {
      const { messaging, deliver } = fakeMessaging();
      const outcomes: ConsumerOutcome[] = [];
      const consumer = consumerWith(messaging, noDatabase, outcomes, 'enrollment');
      await consumer.start();
      await deliver(delivered(value, { topic: 'site-a.enrollment.events', signer }));
      await consumer.stop();
      return outcomes.at(-1)?.kind === 'dead-lettered' ? outcomes.at(-1) : undefined;
    };
    expect(await reasonFor('claims')).toMatchObject({ reasonCode: 'SIGNATURE_INVALID' });
    expect(await reasonFor('enrollment')).toMatchObject({ reasonCode: 'HANDLER_FAILED' });
  });
});
