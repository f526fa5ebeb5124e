import { randomUUID } from 'node:crypto';
import { IsInt, IsNotEmpty, IsString, Min } from 'class-validator';
import {
  createTestDatabase,
  eventually,
  testMessaging,
  uniqueName,
  type TestDatabase,
} from '@santunan/testing';
import { PlatformDatabase } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import type {
  IncomingMessage,
  MessagePublisher,
  OutgoingMessage,
  Subscription,
} from '../messaging/messages';
import type { ConsumerOutcome } from './consumer-outcome';
import { deadLetterTopic, ensureConsumerTopics } from './consumer-topics';
import { EventConsumer } from './event-consumer';
import { EventHandlers } from './event-handlers';
import { ConsumerInbox1764000100000 } from './inbox.migration';

class ParticipantRegisteredDto {
  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @IsInt()
  @Min(0)
  monthlyIncome!: number;
}

class AnythingDto {}

const silentLogger = { warn: () => undefined, error: () => undefined };
const quickRetry = { maxAttempts: 3, backoffMs: () => 10 };

function envelope(
  type: string,
  data: Record<string, unknown>,
  streamId = `participant-${randomUUID()}`,
): EventEnvelope {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    streamType: 'participant',
    version: 1,
    globalPosition: '1',
    occurredAt: '2025-01-15T03:00:00.000Z',
    recordedAt: '2025-01-15T03:00:01.000Z',
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { id: 'alice', kind: 'user', roles: ['enrollment-officer'] },
    },
    data,
    hash: 'a'.repeat(64),
    previousHash: null,
  };
}

function asMessage(event: EventEnvelope): OutgoingMessage {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      'event-type': event.type,
      'event-id': event.eventId,
      'schema-version': String(event.schemaVersion),
      'correlation-id': event.metadata.correlationId,
      'causation-id': event.metadata.causationId ?? '',
    },
  };
}


describe('EventConsumer against the real broker and PostgreSQL', () => {
  const messaging = testMessaging('event-consumer-int');
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;
  let publisher: MessagePublisher;
  const running: Array<EventConsumer | Subscription> = [];

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

  function recordParticipant(handlers: EventHandlers): EventHandlers {
    return handlers.on('ParticipantRegistered', ParticipantRegisteredDto, async (event, tx) => {
      await tx.query('insert into participants_seen (event_id, participant_id) values ($1, $2)', [
        event.eventId,
        event.data.participantId,
      ]);
    });
  }

  async function startConsumer(options: {
    name: string;
    groupId?: string;
    topic: string;
    handlers: EventHandlers;
  }): Promise<ConsumerOutcome[]> {
    const outcomes: ConsumerOutcome[] = [];
    const consumer = new EventConsumer({
      name: options.name,
      groupId: options.groupId ?? uniqueName('int.consumer.group'),
      topics: [options.topic],
      messaging,
      database,
      handlers: options.handlers,
      retry: quickRetry,
      logger: silentLogger,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    running.push(consumer);
    await consumer.start();
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
      handlers: recordParticipant(new EventHandlers()),
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
      handlers: recordParticipant(new EventHandlers()),
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
    const handlers = recordParticipant(new EventHandlers()).on('ProbeFailed', AnythingDto, () =>
      Promise.reject(new Error('simulated bug in the handler')),
    );
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
    const outcomes = await startConsumer({ name, groupId, topic, handlers });
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
      handlers: recordParticipant(new EventHandlers()),
    });
    await eventually(() =>
      expect(resumed).toEqual([
        expect.objectContaining({ kind: 'applied', eventId: later.eventId }),
      ]),
    );
  });

  it('retries a transient failure and applies the event once, rolling back the failed attempt', async () => {
    const topic = await topicWithDeadLetters(1);
    let calls = 0;
    const handlers = new EventHandlers().on(
      'ParticipantRegistered',
      ParticipantRegisteredDto,
      async (event, tx) => {
        calls += 1;
        await tx.query('insert into participants_seen (event_id, participant_id) values ($1, $2)', [
          event.eventId,
          event.data.participantId,
        ]);
        // The row above was written in the failing attempt's transaction and must not survive it.
        if (calls === 1) throw new Error('simulated deadlock');
      },
    );
    const registered = envelope('ParticipantRegistered', {
      participantId: 'P-8',
      monthlyIncome: 5,
    });
    await publisher.publish(topic, [asMessage(registered)]);

    const outcomes = await startConsumer({
      name: uniqueName('int.consumer.transient'),
      topic,
      handlers,
    });
    await eventually(() => expect(kinds(outcomes, 'applied')).toHaveLength(1));

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
});
