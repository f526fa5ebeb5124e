import { randomUUID } from 'node:crypto';
import {
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  type EnrollmentEvent,
} from '@santunan/contracts';
import {
  decide,
  evolve,
  initialState,
  kemendagriRegions,
  type EnrollmentContext,
  type ParticipantCommand,
  type RegisterParticipant,
} from '@santunan/enrollment-domain';
import {
  authConfig,
  isEncryptedField,
  ServiceRuntime,
  type BoundDecider,
  type StreamDefinition,
} from '@santunan/platform';
import {
  createTestDatabase,
  eventually,
  type TestDatabase,
  testEventSigning,
  testKafkaConnection,
  uniqueName,
} from '@santunan/testing';
import { startContributionsApp, type ContributionsTestApp } from './testing/contributions-test-app';

/** Enrollment's participant stream, as the enrollment service stores and publishes it. */
const PARTICIPANT_STREAM: StreamDefinition<EnrollmentEvent> = {
  streamType: 'participant',
  schemaVersions: ENROLLMENT_SCHEMA_VERSIONS,
  personalDataPaths: ENROLLMENT_PERSONAL_DATA_PATHS,
};

/**
 * A participant registered in enrollment is billed and covered here through Kafka alone.
 * Enrollment's side is its real write path — the enrollment domain's decider, the platform's
 * repository sealing personal fields with the participant's key (shared key database), the
 * outbox and relay — publishing to this test's enrollment topic; the contributions service
 * consumes it like any other registration.
 */
describe('enrollment → Kafka → contributions: billed and covered', () => {
  let keys: TestDatabase;
  let enrollmentDb: TestDatabase;
  let enrollment: ServiceRuntime;
  let t: ContributionsTestApp;
  const enrollmentTopic = uniqueName('int.e2e.enrollment.events');
  const context: EnrollmentContext = {
    today: '2026-01-05',
    incomeFloor: 1_000_000,
    regions: kemendagriRegions(),
  };
  const participants: BoundDecider<
    ParticipantCommand,
    EnrollmentEvent,
    ReturnType<typeof initialState>
  > = { decide: (command, state) => decide(command, state, context), evolve, initialState };

  const register = async (command: RegisterParticipant) => {
    const result = await enrollment.repository(PARTICIPANT_STREAM).handle({
      streamId: `participant-${command.participantId}`,
      decider: participants,
      command,
      actor: { id: 'officer-kupang', kind: 'user', roles: ['enrollment-officer'] },
      correlationId: randomUUID(),
      dataSubjectId: command.participantId,
    });
    expect(result).toMatchObject({ ok: true });
  };

  const person = (
    participantId: string,
    nik: string,
    membership: RegisterParticipant['membership'],
  ) =>
    ({
      type: 'RegisterParticipant',
      participantId,
      nik,
      fullName: 'Yohanes Bria',
      birthDate: '1990-08-15',
      sex: 'male',
      address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
      phone: '+6281234567890',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: '2026-01',
      membership,
    }) satisfies RegisterParticipant;

  /** Coverage as a claims officer reads it: a read model, so a change shows a moment later. */
  const untilCoverage = (participantId: string, expected: object) =>
    eventually(async () => {
      const coverage = await t
        .http()
        .get(`/participants/${participantId}/coverage`)
        .set('Authorization', t.bearer(['claims-officer']))
        .expect(200);
      expect(coverage.body).toMatchObject(expected);
    });

  beforeAll(async () => {
    keys = await createTestDatabase('e2e_keys');
    enrollmentDb = await createTestDatabase('e2e_enrollment');
    enrollment = await ServiceRuntime.start({
      config: {
        serviceName: 'enrollment',
        httpPort: 0,
        databaseUrl: enrollmentDb.url,
        keyDatabaseUrl: keys.url,
        ...testKafkaConnection(),
        ...testEventSigning('enrollment'),
        auth: authConfig({ secret: 'e2e-enrollment-secret-of-sufficient-length' }),
      },
      topic: enrollmentTopic,
    });
    t = await startContributionsApp({
      label: 'e2e',
      now: '2026-01-05T02:00:00Z',
      keyDatabase: keys,
      enrollmentTopic,
    });
  });

  afterAll(async () => {
    await t?.stop();
    await enrollment?.stop();
    await enrollmentDb?.drop();
    await keys?.drop();
  });

  it('bills and covers a self-paying participant registered in enrollment', async () => {
    const participantId = randomUUID();
    await register(person(participantId, '5371011508900001', { kind: 'self-paying' }));
    // What crossed Kafka carried the NIK sealed with the participant's key.
    const [stored] = await enrollment.store.readStream(
      enrollment.database,
      `participant-${participantId}`,
    );
    expect(isEncryptedField((stored?.data as { nik: unknown }).nik)).toBe(true);

    await untilCoverage(participantId, {
      standing: 'awaiting-first-payment',
      dues: [{ month: '2026-01', total: 16_800, dueDate: '2026-01-15', status: 'unpaid' }],
    });
    await t
      .http()
      .post(`/participants/${participantId}/self-payments`)
      .set('Authorization', t.bearer(['finance']))
      .send({
        paymentReference: 'VA-E2E-1',
        firstMonth: '2026-01',
        months: 1,
        amount: 16_800,
        paidAt: '2026-01-05T09:00:00+07:00',
        paidOn: '2026-01-05',
      })
      .expect(200);
    await untilCoverage(participantId, {
      standing: 'active',
      paidThrough: '2026-01',
      firstPaidMonth: '2026-01',
      masaIurMonths: 1,
      dues: [{ month: '2026-01', status: 'paid', paidOn: '2026-01-05', withinGrace: true }],
    });
  });

  it('enrols, bills and covers a sponsored participant registered in enrollment', async () => {
    await t
      .http()
      .post('/programs')
      .set('Authorization', t.bearer(['sponsor-operator'], 'ntt-operator'))
      .send({
        programId: 'ntt-2026-e2e',
        name: 'NTT 2026 (e2e)',
        sponsorType: 'province',
        pksNumber: 'PKS/53/E2E',
        budget: 201_600,
        firstMonth: '2026-01',
        lastMonth: '2026-12',
      })
      .expect(201);
    const participantId = randomUUID();
    await register(
      person(participantId, '5371011508900002', { kind: 'sponsored', programId: 'ntt-2026-e2e' }),
    );
    await untilCoverage(participantId, {
      currentMembership: { kind: 'sponsored', programId: 'ntt-2026-e2e' },
      dues: [{ month: '2026-01', payer: { kind: 'program' }, status: 'unpaid' }],
    });
    await t
      .http()
      .post('/programs/ntt-2026-e2e/payments')
      .set('Authorization', t.bearer(['finance']))
      .send({
        month: '2026-01',
        paymentReference: 'SP2D-E2E-2026-01',
        amount: 16_800,
        paidAt: '2026-01-05T10:00:00+08:00',
        paidOn: '2026-01-05',
      })
      .expect(200);
    await untilCoverage(participantId, {
      standing: 'active',
      paidThrough: '2026-01',
      masaIurMonths: 1,
    });
  });
});
