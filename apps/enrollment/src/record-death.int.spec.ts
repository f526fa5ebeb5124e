import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { ClaimsEventMap } from '@santunan/contracts';
import {
  deadLetterTopic,
  ServiceRuntime,
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

const registration = (nik: string, fullName: string, birthDate: string) => ({
  nik,
  fullName,
  birthDate,
  sex: 'female',
  address: { line: 'Desa Oelnasi', regencyCode: '5301' },
  phone: '081234567890',
  occupation: 'petani',
  declaredIncome: 1_000_000,
  incomeEffectiveFrom: '2026-01',
});

describe('enrollment records deaths: from claims, and from its own officers', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let officer: string;
  const messaging = testMessaging('enrollment-death-int');
  let deadLetters: Subscription | undefined;
  let published: Subscription | undefined;
  const onTopic: EventEnvelope[] = [];

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_death');
    app = await startEnrollmentApp(environment.config);
    officer = bearer(environment, ['enrollment-officer']);
  });

  afterAll(async () => {
    await published?.stop();
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
      data: {
        dateOfDeath: '2026-05-02',
        recordedBy: { kind: 'claims-event', eventId: death.eventId },
      },
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

  it('lets an enrollment officer record a reported death, refusing bad input field by field', async () => {
    published = await messaging.subscribe({
      groupId: uniqueName('int.enrollment.events-probe'),
      topics: [environment.config.eventsTopic],
      fromBeginning: true,
      handle: async (message) => {
        onTopic.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope);
      },
    });
    const registered = await http(app)
      .post('/participants')
      .set('Authorization', officer)
      .send(registration('5301044503920010', 'Yuliana Seran', '1992-03-05'))
      .expect(201);
    const { participantId } = registered.body as { participantId: string };
    const death = (body: Record<string, unknown>) =>
      http(app)
        .post(`/participants/${participantId}/death`)
        .set('Authorization', officer)
        .send(body);
    const certificate = '5301-KM-10112026-0042';

    for (const [body, code, field] of [
      [
        { dateOfDeath: '2026-02-30', deathCertificateReference: certificate },
        'DEATH_DATE_INVALID',
        '/dateOfDeath',
      ],
      [
        { dateOfDeath: '2999-01-01', deathCertificateReference: certificate },
        'DEATH_DATE_IN_FUTURE',
        '/dateOfDeath',
      ],
      [
        { dateOfDeath: '1992-03-04', deathCertificateReference: certificate },
        'DEATH_DATE_BEFORE_BIRTH',
        '/dateOfDeath',
      ],
      [
        { dateOfDeath: '2026-05-02', deathCertificateReference: ' ' },
        'DEATH_CERTIFICATE_MISSING',
        '/deathCertificateReference',
      ],
    ] as const) {
      const refused = await death(body).expect(422);
      expect(refused.body).toMatchObject({ status: 422, code, field });
    }
    const malformed = await death({ dateOfDeath: '2 Mei 2026' }).expect(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      [
        ...new Set((malformed.body as { errors: { field: string }[] }).errors.map((e) => e.field)),
      ].sort(),
    ).toEqual(['/dateOfDeath', '/deathCertificateReference']);
    await http(app)
      .post(`/participants/${participantId}/death`)
      .set('Authorization', bearer(environment, ['claims-officer']))
      .send({ dateOfDeath: '2026-05-02', deathCertificateReference: certificate })
      .expect(403);

    const recorded = await death({
      dateOfDeath: '2026-05-02',
      deathCertificateReference: certificate,
    }).expect(200);
    expect(recorded.body).toEqual({ participantId, version: 2, changed: true });
    // The same death again changes nothing; another date is a conflict naming the field.
    const again = await death({
      dateOfDeath: '2026-05-02',
      deathCertificateReference: certificate,
    }).expect(200);
    expect(again.body).toEqual({ participantId, version: 2, changed: false });
    const conflict = await death({
      dateOfDeath: '2026-05-01',
      deathCertificateReference: certificate,
    }).expect(409);
    expect(conflict.body).toMatchObject({
      code: 'DEATH_DATE_CONFLICT',
      field: '/dateOfDeath',
      recordedDateOfDeath: '2026-05-02',
    });

    const history = await http(app)
      .get(`/participants/${participantId}/history`)
      .set('Authorization', officer)
      .expect(200);
    const events = (history.body as { events: Array<Record<string, unknown>> }).events;
    expect(events[1]).toMatchObject({
      type: 'ParticipantDeceased',
      actor: { id: 'officer-1', kind: 'user' },
      data: {
        dateOfDeath: '2026-05-02',
        recordedBy: {
          kind: 'enrollment-officer',
          officerId: 'officer-1',
          deathCertificateReference: certificate,
        },
      },
    });

    // Published as ParticipantDeceased v2, the officer and the certificate in the payload.
    const deceased = await eventually(
      () => {
        const found = onTopic.find(
          (event) =>
            event.type === 'ParticipantDeceased' &&
            event.streamId === `participant-${participantId}`,
        );
        expect(found).toBeDefined();
        return found as EventEnvelope;
      },
      { timeoutMs: 180_000 },
    );
    expect(deceased.schemaVersion).toBe(2);
    expect(deceased.data).toEqual({
      participantId,
      dateOfDeath: '2026-05-02',
      recordedBy: {
        kind: 'enrollment-officer',
        officerId: 'officer-1',
        deathCertificateReference: certificate,
      },
    });

    // A claim's DeathRecorded for the same death (a claim lodged afterwards) is not recorded twice.
    const fromClaims = deathRecorded(participantId, '2026-05-02');
    await publish(fromClaims);
    const runtime = app.get(ServiceRuntime);
    await eventually(
      async () => {
        const rows = await runtime.database.query<{ outcome: string }>(
          'select outcome from inbox where event_id = $1',
          [fromClaims.eventId],
        );
        expect(rows).toHaveLength(1);
      },
      { timeoutMs: 180_000 },
    );
    const after = await http(app)
      .get(`/participants/${participantId}/history`)
      .set('Authorization', officer)
      .expect(200);
    expect((after.body as { events: unknown[] }).events).toHaveLength(2);
  });
});
