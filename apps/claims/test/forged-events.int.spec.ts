// Issue 17's forgery against claims, the consumer that applied it: a DeclaredIncomeChanged
// with schemaVersion 2, a member the contract does not have and a stale hash, written onto
// enrollment's topic by someone other than enrollment (ADR 0025).
import { randomUUID } from 'node:crypto';
import { signatureHeaders } from '@santunan/contracts';
import {
  KafkaMessaging,
  deadLetterTopic,
  outboxMessageFor,
  type EventEnvelope,
  type IncomingMessage,
  type OutgoingMessage,
  type Subscription,
} from '@santunan/platform';
import {
  eventually,
  publishedEnvelope,
  rehashed,
  testKafkaConnection,
  testMessaging,
  testSigningKey,
  uniqueName,
  type TestSigningContext,
} from '@santunan/testing';
import { ClaimsHarness, type SelfPayingWorker } from './claims-harness';

describe('claims applies only what enrollment signed, hashed and published in a version it reads', () => {
  let harness: ClaimsHarness;
  let deadLetters: Subscription | undefined;
  const dead: IncomingMessage[] = [];
  const worker: SelfPayingWorker = {
    id: randomUUID(),
    nik: '5371011508900007',
    fullName: 'Yakobus Tefa',
  };

  beforeAll(async () => {
    harness = await ClaimsHarness.start('forged');
    deadLetters = await testMessaging('claims-forged-dlq').subscribe({
      groupId: uniqueName('int.claims.forged.dlq'),
      topics: [deadLetterTopic(harness.enrollment.runtime.options.topic)],
      fromBeginning: true,
      handle: async (message) => void dead.push(message),
    });
    await harness.enrolSelfPaying(worker, '2026-01-05');
    await eventually(async () => expect(await incomes()).toEqual([['2026-01', 1_000_000]]));
  }, 300_000);

  afterAll(async () => {
    await deadLetters?.stop();
    await harness?.stop();
  });

  /** What claims believes the worker declared, month by month. */
  async function incomes(): Promise<[string, number][]> {
    const rows = await harness.runtime.database.query<{
      effective_from: string;
      declared_income: string;
    }>(
      'select effective_from, declared_income from participant_income where participant_id = $1 order by effective_from',
      [worker.id],
    );
    return rows.map((row) => [row.effective_from, Number(row.declared_income)]);
  }

  function forged(schemaVersion: number, data: Record<string, unknown>): EventEnvelope {
    return publishedEnvelope({
      type: 'DeclaredIncomeChanged',
      schemaVersion,
      data,
      streamId: `participant-${worker.id}`,
      streamType: 'participant',
      version: 2,
      occurredAt: '2026-02-01T02:00:00.000Z',
      actor: { id: 'officer-1', kind: 'user', roles: ['enrollment-officer'] },
    });
  }

  it('dead-letters each forgery with its reason, and still applies what enrollment decides next', async () => {
    const topic = harness.enrollment.runtime.options.topic;
    const change = {
      participantId: worker.id,
      declaredIncome: 3_000_000,
      previousIncome: 1_000_000,
      effectiveFrom: '2026-02',
    };
    const issue17 = { ...forged(2, { ...change, note: 'x' }), hash: 'a'.repeat(64) };
    const signedAs = (signer: TestSigningContext | null, event: EventEnvelope): OutgoingMessage => {
      const { key, payload, headers } = outboxMessageFor(event, topic);
      const value = Buffer.from(payload);
      return {
        key,
        value,
        headers:
          signer === null
            ? headers
            : { ...headers, ...signatureHeaders(testSigningKey(signer), topic, value) },
      };
    };
    // A client of the broker with no signing key: it sends exactly these bytes and headers.
    const { kafkaBrokers, kafkaSasl } = testKafkaConnection();
    const forger = await new KafkaMessaging({
      brokers: kafkaBrokers,
      sasl: kafkaSasl,
      clientId: 'claims-forger',
      logLevel: 'nothing',
    }).createPublisher();
    const attempts: [OutgoingMessage, string][] = [
      // As found on 2026-12-07: nobody's signature.
      [signedAs(null, issue17), 'SIGNATURE_MISSING'],
      // An authorised producer of another context (contributions may write its own topic).
      [signedAs('contributions', issue17), 'SIGNATURE_INVALID'],
      // Enrollment's key itself cannot make a stale hash pass…
      [signedAs('enrollment', issue17), 'HASH_MISMATCH'],
      // …nor a version claims does not read, hashed correctly…
      [signedAs('enrollment', rehashed(issue17)), 'SCHEMA_VERSION_UNKNOWN'],
      // …nor a member the contract does not have.
      [signedAs('enrollment', forged(1, { ...change, note: 'x' })), 'PAYLOAD_INVALID'],
    ];
    for (const [message] of attempts) await forger.publish(topic, [message]);
    await forger.close();

    await eventually(() => expect(dead).toHaveLength(attempts.length));
    expect(dead.map((letter) => letter.headers['dlq-reason-code']).sort()).toEqual(
      attempts.map(([, reason]) => reason).sort(),
    );

    // Enrollment itself changes the income: applied after all of the above.
    await harness.enrollment.decide(
      worker.id,
      { type: 'ChangeDeclaredIncome', declaredIncome: 2_000_000, effectiveFrom: '2026-02' },
      '2026-02-01',
    );
    await eventually(async () =>
      expect(await incomes()).toEqual([
        ['2026-01', 1_000_000],
        ['2026-02', 2_000_000],
      ]),
    );
  });
});
