import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { ClaimsEventMap } from '@santunan/contracts';
import {
  deadLetterTopic,
  type EventEnvelope,
  type IncomingMessage,
  type Subscription,
} from '@santunan/platform';
import { eventually, publishedEnvelope, testMessaging, uniqueName } from '@santunan/testing';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from './testing/enrollment-test-app';

function deathRecorded(participantId: string, dateOfDeath: string): EventEnvelope {
  const data: ClaimsEventMap['DeathRecorded'] = {
    participantId,
    dateOfDeath,
    claimId: randomUUID(),
    deathCertificateReference: 'AKTA-KEMATIAN/5371/2026/0042',
    recordedOn: '2026-05-06',
    recordedBy: 'claims-officer-1',
  };
  return publishedEnvelope({
    type: 'DeathRecorded',
    data,
    streamId: `death-${participantId}`,
    streamType: 'death-register',
    occurredAt: '2026-05-06T02:00:00.000Z',
    recordedAt: '2026-05-06T02:00:01.000Z',
    actor: { id: 'claims-officer-1', kind: 'user', roles: ['claims-officer'] },
  });
}

describe('enrollment consumes deaths recorded by claims', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let officer: string;
  const messaging = testMessaging('enrollment-death-int');
  let deadLetters: Subscription | undefined;

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_death');
    app = await startEnrollmentApp(environment.config);
    officer = bearer(environment, ['enrollment-officer']);
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await app?.close();
    await environment?.drop();
  });

  async function publish(event: EventEnvelope): Promise<void> {
    const publisher = await messaging.createPublisher();
    await publisher.publish(environment.config.claimsTopic, [
      {
        key: event.streamId,
        value: JSON.stringify(event),
        headers: { 'event-type': event.type, 'event-id': event.eventId },
      },
    ]);
    await publisher.close();
  }

  it('marks the participant deceased, caused by the claims event, and refuses later income changes', async () => {
    const registered = await http(app)
      .post('/participants')
      .set('Authorization', officer)
      .send({
        nik: '5301044503920002',
        fullName: 'Maria Seran',
        birthDate: '1992-03-05',
        sex: 'female',
        address: { line: 'Desa Oelnasi', regencyCode: '5301' },
        phone: '081234567890',
        occupation: 'petani',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
      })
      .expect(201);
    const { participantId } = registered.body as { participantId: string };
    const death = deathRecorded(participantId, '2026-05-02');
    await publish(death);
    // Delivered twice (a relay retry): recorded once.
    await publish(death);

    const profile = await eventually(
      async () => {
        const response = await http(app)
          .get(`/participants/${participantId}`)
          .set('Authorization', officer)
          .expect(200);
        expect(response.body).toMatchObject({ status: 'deceased', dateOfDeath: '2026-05-02' });
        return response.body as Record<string, unknown>;
      },
      { timeoutMs: 180_000 },
    );
    expect(profile['version']).toBe(2);

    const history = await http(app)
      .get(`/participants/${participantId}/history`)
      .set('Authorization', officer)
      .expect(200);
    const events = (history.body as { events: Array<Record<string, unknown>> }).events;
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      type: 'ParticipantDeceased',
      causationId: death.eventId,
      correlationId: death.metadata.correlationId,
      actor: { kind: 'system' },
      data: { dateOfDeath: '2026-05-02', recordedByEventId: death.eventId },
    });

    const refused = await http(app)
      .post(`/participants/${participantId}/income-changes`)
      .set('Authorization', officer)
      .send({ declaredIncome: 2_000_000, effectiveFrom: '2026-07' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'PARTICIPANT_DECEASED', dateOfDeath: '2026-05-02' });
  });

  it('parks the death of a participant it does not know in the dead-letter topic', async () => {
    const received: IncomingMessage[] = [];
    deadLetters = await messaging.subscribe({
      groupId: uniqueName('int.enrollment.dlq-probe'),
      topics: [deadLetterTopic(environment.config.claimsTopic)],
      fromBeginning: true,
      handle: async (message) => {
        received.push(message);
      },
    });
    const unknown = deathRecorded(randomUUID(), '2026-05-02');
    await publish(unknown);
    await eventually(
      () => {
        const parked = received.find((m) => m.headers['event-id'] === unknown.eventId);
        expect(parked?.headers['dlq-reason-code']).toBe('HANDLER_FAILED');
        expect(parked?.headers['dlq-error']).toContain('PARTICIPANT_NOT_REGISTERED');
      },
      { timeoutMs: 180_000 },
    );
  });
});
