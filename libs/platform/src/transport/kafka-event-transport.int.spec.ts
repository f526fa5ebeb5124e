import { randomUUID } from 'node:crypto';
import { Controller, type INestApplication } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { IsInt, IsNotEmpty, IsString, Min } from 'class-validator';
import { signatureHeaders } from '@santunan/contracts';
import {
  createTestDatabase,
  eventually,
  publishedEnvelope,
  testEventKeyring,
  testKafkaConnection,
  testMessaging,
  testSigningKey,
  uniqueName,
  type TestDatabase,
} from '@santunan/testing';
import { PlatformDatabase } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import { UpcasterRegistry } from '../event-store/upcaster-registry';
import { KafkaMessaging } from '../messaging/kafka-messaging';
import type { IncomingMessage, MessagePublisher, OutgoingMessage } from '../messaging/messages';
import type { ConsumerOutcome } from '../consumers/consumer-outcome';
import { deadLetterTopic, ensureConsumerTopics } from '../consumers/consumer-topics';
import { ConsumerInbox1764000100000 } from '../consumers/inbox.migration';
import { connectKafkaEvents } from '../nest/event-transport';
import { outboxMessageFor } from '../outbox/outbox-message';
import type { EventContext } from './event-context';
import type { EventPayloadSchemas } from './event-payload-schemas';
import { createLogger } from '../observability/logger';
import { KafkaEventTransport } from './kafka-event-transport';

class ParticipantRegisteredDto {
  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @IsInt()
  @Min(0)
  monthlyIncome!: number;
}

/** What the probe handlers do this time: each test sets it before starting its consumer. */
const behaviour = { failFirstAttempts: 0, calls: 0 };

@Controller()
class ProbeEventsController {
  @EventPattern('ParticipantRegistered')
  async registered(
    @Payload() data: ParticipantRegisteredDto,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    behaviour.calls += 1;
    await transaction.query(
      'insert into participants_seen (event_id, participant_id) values ($1, $2)',
      [event.eventId, data.participantId],
    );
    // The row above was written in the failing attempt's transaction and must not survive it.
    if (behaviour.calls <= behaviour.failFirstAttempts) throw new Error('simulated deadlock');
  }

  @EventPattern('ProbeFailed')
  async failed(): Promise<void> {
    throw new Error('simulated bug in the handler');
  }

  /** Read at v2 (`monthlyIncome`); v1 (`income`) is lifted by the consumer's upcaster. */
  @EventPattern('IncomeDeclared')
  async incomeDeclared(
    @Payload() data: { participantId: string; monthlyIncome: number },
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await transaction.query(
      'insert into participants_seen (event_id, participant_id) values ($1, $2)',
      [event.eventId, `${data.participantId}:${data.monthlyIncome}`],
    );
  }

  @EventPattern('SchemaChecked')
  async schemaChecked(
    @Payload() data: { participantId: string },
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await transaction.query(
      'insert into participants_seen (event_id, participant_id) values ($1, $2)',
      [event.eventId, data.participantId],
    );
  }
}

/** A published schema for SchemaChecked v1 only: participantId, a string, and nothing else. */
const schemas: EventPayloadSchemas = {
  versionsOf: (type) => (type === 'IncomeDeclared' ? [1, 2] : type === 'SchemaChecked' ? [1] : []),
  validate(type, schemaVersion, data) {
    if (type !== 'SchemaChecked') return undefined;
    if (schemaVersion !== 1) {
      return {
        ok: false,
        errors: [
          { field: 'schemaVersion', constraint: 'published', message: `no v${schemaVersion}` },
        ],
      };
    }
    const payload = data as Record<string, unknown>;
    return typeof payload['participantId'] === 'string' && Object.keys(payload).length === 1
      ? { ok: true }
      : {
          ok: false,
          errors: [{ field: 'participantId', constraint: 'schema', message: 'required string' }],
        };
  },
};

const silentLogger = createLogger('spec', { level: 'silent' });
const quickRetry = { maxAttempts: 3, backoffMs: () => 10 };

const upcasters = new UpcasterRegistry().register(
  'IncomeDeclared',
  1,
  ({ income, ...rest }: { participantId: string; income: number }) => ({
    ...rest,
    monthlyIncome: income,
  }),
);

function envelope(
  type: string,
  data: Record<string, unknown>,
  streamId = `participant-${randomUUID()}`,
  schemaVersion = 1,
): EventEnvelope {
  return publishedEnvelope({
    type,
    schemaVersion,
    data,
    streamId,
    streamType: 'participant',
    occurredAt: '2025-01-15T03:00:00.000Z',
    recordedAt: '2025-01-15T03:00:01.000Z',
    actor: { id: 'alice', kind: 'user', roles: ['enrollment-officer'] },
  });
}

/** An envelope as the relay publishes it: the outbox's own message. */
function asMessage(event: EventEnvelope): OutgoingMessage {
  const { key, payload, headers } = outboxMessageFor(event, 'unused');
  return { key, value: payload, headers };
}

describe('KafkaEventTransport: @EventPattern handlers against the real broker and PostgreSQL', () => {
  const messaging = testMessaging('event-consumer-int');
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;
  let publisher: MessagePublisher;
  const running: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase('consumers');
    database = new PlatformDatabase({
      url: testDatabase.url,
      migrations: [ConsumerInbox1764000100000],
    });
    await database.open();
    await database.migrate();
    // The side effect under test; no unique key, so a second application would show as a second row.
    await database.query(
      'create table participants_seen (event_id text not null, participant_id text not null)',
    );
    publisher = await messaging.createPublisher();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    await publisher.close();
    await database.close();
    await testDatabase.drop();
  });

  async function topicWithDeadLetters(partitions: number): Promise<string> {
    const topic = uniqueName('int.consumer');
    await ensureConsumerTopics(messaging, [topic], { partitions });
    return topic;
  }

  async function startConsumer(options: {
    name: string;
    groupId?: string;
    topic: string;
  }): Promise<ConsumerOutcome[]> {
    const outcomes: ConsumerOutcome[] = [];
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeEventsController],
    }).compile();
    const app: INestApplication = moduleRef.createNestApplication({ logger: false });
    await connectKafkaEvents(
      app,
      new KafkaEventTransport({
        consumers: [
          {
            name: options.name,
            groupId: options.groupId ?? uniqueName('int.consumer.group'),
            topics: [options.topic],
          },
        ],
        messaging,
        database,
        schemas,
        keyring: testEventKeyring,
        upcasters,
        retry: quickRetry,
        logger: silentLogger,
        onOutcome: (outcome) => outcomes.push(outcome),
      }),
    );
    await app.init();
    running.push({ stop: () => app.close() });
    return outcomes;
  }

  async function readDeadLetters(topic: string): Promise<IncomingMessage[]> {
    const received: IncomingMessage[] = [];
    running.push(
      await messaging.subscribe({
        groupId: uniqueName('int.consumer.dlq-reader'),
        topics: [deadLetterTopic(topic)],
        fromBeginning: true,
        handle: async (message) => void received.push(message),
      }),
    );
    return received;
  }

  async function timesApplied(eventId: string): Promise<number> {
    const [row] = await database.query<{ count: string }>(
      'select count(*) as count from participants_seen where event_id = $1',
      [eventId],
    );
    return Number(row?.count);
  }

  const kinds = (outcomes: readonly ConsumerOutcome[], kind: ConsumerOutcome['kind']) =>
    outcomes.filter((outcome) => outcome.kind === kind);

  it('applies a redelivered event once: the same envelope twice, then a new group re-reading everything', async () => {
    const topic = await topicWithDeadLetters(3);
    const name = uniqueName('int.consumer.dedupe');
    const registered = envelope('ParticipantRegistered', {
      participantId: 'P-1',
      monthlyIncome: 2_500_000,
    });
    const other = envelope('ParticipantRegistered', {
      participantId: 'P-2',
      monthlyIncome: 3_000_000,
    });
    const unhandled = envelope('ParticipantIncomeChanged', {
      participantId: 'P-1',
      monthlyIncome: 1,
    });
    await publisher.publish(topic, [
      asMessage(registered),
      asMessage(registered),
      asMessage(other),
      asMessage(unhandled),
    ]);

    const first = await startConsumer({
      name,
      topic,
    });
    await eventually(() => expect(first).toHaveLength(4));
    expect(kinds(first, 'applied').map((outcome) => outcome.source.offset)).toHaveLength(2);
    expect(kinds(first, 'duplicate')).toEqual([
      expect.objectContaining({ eventId: registered.eventId }),
    ]);
    expect(kinds(first, 'skipped')).toEqual([
      expect.objectContaining({ eventId: unhandled.eventId }),
    ]);
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));

    // A fresh group has no committed offsets: everything comes again, and the inbox stops it.
    const second = await startConsumer({
      name,
      topic,
    });
    await eventually(() => expect(second).toHaveLength(4));
    expect(second.every((outcome) => outcome.kind === 'duplicate')).toBe(true);
    expect(await timesApplied(registered.eventId)).toBe(1);
    expect(await timesApplied(other.eventId)).toBe(1);
    const inbox = await database.query<{ event_type: string; outcome: string }>(
      'select event_type, outcome from inbox where consumer_name = $1 order by event_type',
      [name],
    );
    expect(inbox).toEqual([
      { event_type: 'ParticipantIncomeChanged', outcome: 'skipped' },
      { event_type: 'ParticipantRegistered', outcome: 'applied' },
      { event_type: 'ParticipantRegistered', outcome: 'applied' },
    ]);
  });

  it('dead-letters poison messages with reason and original headers, and moves on to the next message', async () => {
    const topic = await topicWithDeadLetters(1);
    const name = uniqueName('int.consumer.poison');
    const groupId = uniqueName('int.consumer.poison.group');
    behaviour.failFirstAttempts = 0;
    const invalid = envelope('ParticipantRegistered', {
      participantId: 'P-3',
      monthlyIncome: 'lots',
    });
    const alwaysFails = envelope('ProbeFailed', {});
    const afterInvalid = envelope('ParticipantRegistered', {
      participantId: 'P-4',
      monthlyIncome: 1,
    });
    const afterFailure = envelope('ParticipantRegistered', {
      participantId: 'P-5',
      monthlyIncome: 2,
    });
    const afterGarbage = envelope('ParticipantRegistered', {
      participantId: 'P-6',
      monthlyIncome: 3,
    });
    const garbage: OutgoingMessage = {
      key: 'participant-garbage',
      value: '{not json',
      headers: { 'event-type': '?' },
    };
    await publisher.publish(topic, [
      asMessage(invalid),
      asMessage(afterInvalid),
      asMessage(alwaysFails),
      asMessage(afterFailure),
      garbage,
      asMessage(afterGarbage),
    ]);

    const deadLetters = await readDeadLetters(topic);
    const outcomes = await startConsumer({ name, groupId, topic });
    await eventually(() =>
      expect(outcomes.filter((outcome) => outcome.kind !== 'retrying')).toHaveLength(6),
    );
    await eventually(() => expect(deadLetters).toHaveLength(3));

    expect(kinds(outcomes, 'applied').map((outcome) => outcome.source.offset)).toEqual([
      '1',
      '3',
      '5',
    ]);
    const [invalidLetter, failedLetter, garbageLetter] = deadLetters;
    expect(invalidLetter?.key).toBe(invalid.streamId);
    expect(invalidLetter?.value?.toString()).toBe(JSON.stringify(invalid));
    expect(invalidLetter?.headers).toMatchObject({
      ...asMessage(invalid).headers,
      'dlq-reason-code': 'PAYLOAD_INVALID',
      'dlq-source-topic': topic,
      'dlq-source-partition': '0',
      'dlq-source-offset': '0',
      'dlq-attempts': '1',
      'dlq-consumer': name,
    });
    expect(invalidLetter?.headers['dlq-error']).toMatch(/monthlyIncome \(isInt\)/);
    expect(invalidLetter?.headers['dlq-attempts']).toBe('1');

    expect(failedLetter?.headers).toMatchObject({
      'event-id': alwaysFails.eventId,
      'dlq-reason-code': 'HANDLER_FAILED',
      'dlq-source-offset': '2',
      'dlq-attempts': '3',
    });
    expect(failedLetter?.headers['dlq-error']).toContain('simulated bug in the handler');
    expect(kinds(outcomes, 'retrying')).toHaveLength(2);

    expect(garbageLetter?.value?.toString()).toBe('{not json');
    expect(garbageLetter?.headers).toMatchObject({
      'event-type': '?',
      'dlq-reason-code': 'MESSAGE_UNDECODABLE',
      'dlq-source-offset': '4',
      'dlq-attempts': '1',
    });

    // The offsets were committed past the poison: the same group resumes after them.
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
    const later = envelope('ParticipantRegistered', { participantId: 'P-7', monthlyIncome: 4 });
    await publisher.publish(topic, [asMessage(later)]);
    const resumed = await startConsumer({
      name,
      groupId,
      topic,
    });
    await eventually(() =>
      expect(resumed).toEqual([
        expect.objectContaining({ kind: 'applied', eventId: later.eventId }),
      ]),
    );
  });

  it('retries a transient failure and applies the event once, rolling back the failed attempt', async () => {
    const topic = await topicWithDeadLetters(1);
    behaviour.calls = 0;
    behaviour.failFirstAttempts = 1;
    const registered = envelope('ParticipantRegistered', {
      participantId: 'P-8',
      monthlyIncome: 5,
    });
    await publisher.publish(topic, [asMessage(registered)]);

    const outcomes = await startConsumer({
      name: uniqueName('int.consumer.transient'),
      topic,
    });
    await eventually(() => expect(kinds(outcomes, 'applied')).toHaveLength(1));
    behaviour.failFirstAttempts = 0;

    expect(outcomes).toEqual([
      expect.objectContaining({
        kind: 'retrying',
        failedAttempt: 1,
        error: 'Error: simulated deadlock',
      }),
      expect.objectContaining({ kind: 'applied', eventId: registered.eventId, attempts: 2 }),
    ]);
    expect(await timesApplied(registered.eventId)).toBe(1);
  });

  it('checks each payload against its published schema before the handler: a wrong shape or an unknown version is dead-lettered', async () => {
    const topic = await topicWithDeadLetters(1);
    const good = envelope('SchemaChecked', { participantId: 'P-9' });
    const extra = envelope('SchemaChecked', { participantId: 'P-10', monthlyIncome: 3 });
    const unknownVersion = envelope('SchemaChecked', { participantId: 'P-11' }, undefined, 2);
    await publisher.publish(topic, [asMessage(good), asMessage(extra), asMessage(unknownVersion)]);

    const deadLetters = await readDeadLetters(topic);
    const outcomes = await startConsumer({ name: uniqueName('int.consumer.schema'), topic });
    await eventually(() => expect(outcomes).toHaveLength(3));
    await eventually(() => expect(deadLetters).toHaveLength(2));

    expect(kinds(outcomes, 'applied')).toEqual([
      expect.objectContaining({ eventId: good.eventId }),
    ]);
    expect(deadLetters.map((letter) => letter.headers['dlq-reason-code'])).toEqual([
      'PAYLOAD_INVALID',
      'SCHEMA_VERSION_UNKNOWN',
    ]);
    expect(deadLetters[0]?.headers['dlq-error']).toContain('participantId (schema)');
    expect(deadLetters[1]?.headers['dlq-error']).toContain(
      'SchemaChecked v2 is not the version this consumer reads (v1)',
    );
    expect(await timesApplied(extra.eventId)).toBe(0);
    expect(await timesApplied(unknownVersion.eventId)).toBe(0);
  });

  it('dead-letters what it cannot verify, each with its reason, and the partition moves on', async () => {
    const topic = await topicWithDeadLetters(1);
    const name = uniqueName('int.consumer.verify');
    // A client of the broker that holds no signing key: it publishes exactly what it is given.
    const { kafkaBrokers, kafkaSasl } = testKafkaConnection();
    const forger = await new KafkaMessaging({
      brokers: kafkaBrokers,
      sasl: kafkaSasl,
      clientId: 'event-consumer-int-forger',
      logLevel: 'nothing',
    }).createPublisher();
    const signedBy = (event: EventEnvelope, value = JSON.stringify(event)): OutgoingMessage => ({
      key: event.streamId,
      value,
      headers: {
        ...asMessage(event).headers,
        ...signatureHeaders(testSigningKey('testing'), topic, Buffer.from(value)),
      },
    });
    const good = (participantId: string) =>
      envelope('IncomeDeclared', { participantId, monthlyIncome: 2_000_000 }, undefined, 2);

    const unsigned = good('P-20');
    const genuine = good('P-21');
    // The forgery: a changed income, an unknown member, v2 → still the genuine hash.
    const forged = {
      ...genuine,
      data: { participantId: 'P-21', monthlyIncome: 3_000_000, note: 'x' },
    };
    const staleHash = { ...good('P-22'), data: { participantId: 'P-22', monthlyIncome: 1 } };
    const newer = good('P-23');
    const tooNew = envelope(
      'IncomeDeclared',
      { participantId: 'P-23', monthlyIncome: 7 },
      undefined,
      3,
    );
    const older = envelope('IncomeDeclared', { participantId: 'P-24', income: 1_500_000 });
    const next = [good('P-30'), good('P-31'), good('P-32'), good('P-33')];
    // One at a time, so the partition holds them in this order.
    for (const message of [
      asMessage(unsigned), // no signature headers at all
      signedBy(next[0] as EventEnvelope),
      // the genuine event's signature on the forged bytes
      { ...signedBy(genuine), value: JSON.stringify(forged) },
      signedBy(next[1] as EventEnvelope),
      signedBy(staleHash),
      signedBy(next[2] as EventEnvelope),
      signedBy(tooNew),
      signedBy(next[3] as EventEnvelope),
      signedBy(older),
      signedBy(newer),
    ]) {
      await forger.publish(topic, [message]);
    }
    await forger.close();

    const deadLetters = await readDeadLetters(topic);
    const outcomes = await startConsumer({ name, topic });
    await eventually(() => expect(outcomes).toHaveLength(10));
    await eventually(() => expect(deadLetters).toHaveLength(4));

    expect(
      deadLetters.map((letter) => [
        letter.headers['dlq-source-offset'],
        letter.headers['dlq-reason-code'],
      ]),
    ).toEqual([
      ['0', 'SIGNATURE_MISSING'],
      ['2', 'SIGNATURE_INVALID'],
      ['4', 'HASH_MISMATCH'],
      ['6', 'SCHEMA_VERSION_UNKNOWN'],
    ]);
    expect(deadLetters[1]?.value?.toString()).toBe(JSON.stringify(forged));
    expect(deadLetters[1]?.headers['dlq-error']).toMatch(/signature does not match the message/);
    expect(deadLetters[2]?.headers['dlq-error']).toContain(`carried hash ${staleHash.hash}`);
    expect(deadLetters[3]?.headers['dlq-error']).toContain('IncomeDeclared v3 is not the version');
    expect(kinds(outcomes, 'applied').map((outcome) => outcome.source.offset)).toEqual([
      '1',
      '3',
      '5',
      '7',
      '8',
      '9',
    ]);
    // Nothing of a refused message reached the inbox: not even its event id.
    const inbox = await database.query<{ event_id: string }>(
      'select event_id from inbox where consumer_name = $1',
      [name],
    );
    expect(inbox.map((row) => row.event_id)).not.toContain(unsigned.eventId);
    expect(await timesApplied(genuine.eventId)).toBe(0);
    // v1 was lifted to v2 by the upcaster before its handler ran.
    const [lifted] = await database.query<{ participant_id: string }>(
      'select participant_id from participants_seen where event_id = $1',
      [older.eventId],
    );
    expect(lifted?.participant_id).toBe('P-24:1500000');
  });
});
