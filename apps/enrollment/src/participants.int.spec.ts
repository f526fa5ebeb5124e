import type { INestApplication } from '@nestjs/common';
import {
  isEncryptedField,
  ProjectionRunner,
  ServiceRuntime,
  type EventEnvelope,
  type Projection,
  type Subscription,
} from '@santunan/platform';
import { eventually, testMessaging, uniqueName } from '@santunan/testing';
import { ParticipantViewProjection } from './participant-view/participant-view.projection';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from './testing/enrollment-test-app';

const registration = {
  nik: '5371011508900001',
  fullName: 'Yohanes Bria',
  birthDate: '1990-08-15',
  sex: 'male',
  address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
  phone: '+6281234567890',
  occupation: 'nelayan',
  declaredIncome: 1_000_000,
  incomeEffectiveFrom: '2026-01',
};

describe('enrollment service over HTTP, with the real PostgreSQL and Kafka', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let officer: string;
  const published: EventEnvelope[] = [];
  let subscription: Subscription;
  const messaging = testMessaging('enrollment-participants-int');

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_participants');
    app = await startEnrollmentApp(environment.config);
    officer = bearer(environment, ['enrollment-officer'], 'officer-ani');
    subscription = await messaging.subscribe({
      groupId: uniqueName('int.enrollment.probe'),
      topics: [environment.config.eventsTopic],
      fromBeginning: true,
      handle: async (message) => {
        published.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope);
      },
    });
  });

  afterAll(async () => {
    await subscription?.stop();
    await app?.close();
    await environment?.drop();
  });

  const register = (body: object, token = officer) =>
    http(app).post('/participants').set('Authorization', token).send(body);

  let participantId: string;

  it('registers a participant (201), and the same registration again is the same participant (200)', async () => {
    const first = await register(registration).expect(201);
    participantId = (first.body as { participantId: string }).participantId;
    expect(first.body).toEqual({ participantId: expect.any(String), outcome: 'registered' });
    const again = await register(registration).expect(200);
    expect(again.body).toEqual({ participantId, outcome: 'already-registered' });
  });

  it('refuses the same NIK with other data: 409 naming the existing participant', async () => {
    const response = await register({ ...registration, phone: '+6280000000000' })
      .expect(409)
      .expect('Content-Type', /application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 409,
      code: 'PARTICIPANT_ALREADY_REGISTERED',
      participantId,
    });
  });

  it.each([
    [
      'a NIK of another birth date',
      { nik: '5371011508900002', birthDate: '1990-08-16' },
      422,
      'NIK_BIRTH_DATE_MISMATCH',
    ],
    [
      'income under the floor',
      { nik: '5301044503920002', birthDate: '1992-03-05', sex: 'female', declaredIncome: 900_000 },
      422,
      'INCOME_BELOW_FLOOR',
    ],
    ['a 15-digit NIK', { nik: '537101150890001' }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { nickname: 'Yo' }, 400, 'VALIDATION_FAILED'],
  ])('answers %s with a problem', async (_label, change, status, code) => {
    const response = await register({ ...registration, ...change }).expect(status);
    expect(response.body).toMatchObject({ status, code });
  });

  it('answers 401 without a token and 403 for a role that may not register', async () => {
    const missing = await http(app).post('/participants').send(registration).expect(401);
    expect(missing.body).toMatchObject({ code: 'AUTH_TOKEN_MISSING' });
    const forbidden = await register(registration, bearer(environment, ['claims-officer'])).expect(
      403,
    );
    expect(forbidden.body).toMatchObject({
      code: 'AUTH_FORBIDDEN_ROLE',
      requiredRoles: ['enrollment-officer', 'admin'],
    });
  });

  it('publishes the registration on its topic with NIK and name encrypted, naming the officer', async () => {
    const event = await eventually(() => {
      const found = published.find(
        (e) => e.type === 'ParticipantRegistered' && e.streamId === `participant-${participantId}`,
      );
      expect(found).toBeDefined();
      return found!;
    });
    const data = event.data as Record<string, unknown>;
    expect(isEncryptedField(data['nik'])).toBe(true);
    expect(isEncryptedField(data['fullName'])).toBe(true);
    expect(isEncryptedField(data['phone'])).toBe(true);
    expect(JSON.stringify(event)).not.toContain(registration.nik);
    expect(JSON.stringify(event)).not.toContain('Yohanes');
    expect(data).toMatchObject({
      participantId,
      declaredIncome: 1_000_000,
      birthDate: '1990-08-15',
    });
    expect(event.metadata.actor).toMatchObject({ id: 'officer-ani', kind: 'user' });
  });

  it('keeps no NIK in clear anywhere in its database', async () => {
    const runtime = app.get(ServiceRuntime);
    const [counted] = await runtime.database.query<{ hits: string }>(
      `select (select count(*) from events where data::text like $1 or metadata::text like $1)
            + (select count(*) from participant_view where row_to_json(participant_view)::text like $1)
            + (select count(*) from participant_nik_index where participant_id::text like $1) as hits`,
      [`%${registration.nik}%`],
    );
    expect(counted?.hits).toBe('0');
  });

  it('corrects details, changes income, designates heirs and registers at most two children', async () => {
    const base = `/participants/${participantId}`;
    await http(app)
      .patch(`${base}/details`)
      .set('Authorization', officer)
      .send({ fullName: 'Yohanes Bria Seran', reason: 'spelled as on the KTP' })
      .expect(200, { participantId, version: 2, changed: true });
    await http(app)
      .post(`${base}/income-changes`)
      .set('Authorization', officer)
      .send({ declaredIncome: 1_500_000, effectiveFrom: '2026-06' })
      .expect(200);
    await http(app)
      .put(`${base}/heirs`)
      .set('Authorization', officer)
      .send({
        heirs: [
          {
            fullName: 'Maria Bria',
            relationship: 'spouse',
            bankAccount: {
              bankCode: 'BRI',
              accountNumber: '012301000123567',
              accountName: 'Maria Bria',
            },
          },
          { fullName: 'Paulus Bria', relationship: 'parent' },
        ],
      })
      .expect(200);
    const child = (fullName: string, birthDate: string) =>
      http(app)
        .post(`${base}/children`)
        .set('Authorization', officer)
        .send({ fullName, birthDate, relationship: 'biological' });
    const first = await child('Anastasia Bria', '2015-04-01').expect(201);
    await child('Benediktus Bria', '2018-09-10').expect(201);
    const third = await child('Clara Bria', '2020-01-01').expect(409);
    expect(third.body).toMatchObject({
      code: 'CHILD_LIMIT_REACHED',
      registeredChildIds: [(first.body as { childId: string }).childId, expect.any(String)],
    });
    const unknown = await http(app)
      .post('/participants/00000000-0000-4000-8000-000000000000/income-changes')
      .set('Authorization', officer)
      .send({ declaredIncome: 1_500_000, effectiveFrom: '2026-06' })
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'PARTICIPANT_NOT_REGISTERED' });
  });

  it('shows the profile in full to officers and auditors, masked to other roles', async () => {
    const profile = (token: string) =>
      eventually(async () => {
        const response = await http(app)
          .get(`/participants/${participantId}`)
          .set('Authorization', token)
          .expect(200);
        expect(response.body).toMatchObject({ version: 6 });
        return response.body as Record<string, unknown>;
      });
    const full = await profile(officer);
    expect(full).toMatchObject({
      nik: '5371011508900001',
      fullName: 'Yohanes Bria Seran',
      birthDate: '1990-08-15',
      phone: '+6281234567890',
      address: {
        line: 'Jl. El Tari 10, Oebobo',
        regencyCode: '5371',
        regencyName: expect.any(String),
      },
      declaredIncome: 1_500_000,
      incomeHistory: [
        { declaredIncome: 1_000_000, effectiveFrom: '2026-01' },
        { declaredIncome: 1_500_000, effectiveFrom: '2026-06' },
      ],
      heirs: [
        expect.objectContaining({
          fullName: 'Maria Bria',
          bankAccount: {
            bankCode: 'BRI',
            accountNumber: '012301000123567',
            accountName: 'Maria Bria',
          },
        }),
        expect.objectContaining({ fullName: 'Paulus Bria', relationship: 'parent' }),
      ],
      children: [
        expect.objectContaining({ fullName: 'Anastasia Bria' }),
        expect.objectContaining({ fullName: 'Benediktus Bria' }),
      ],
      registeredBy: 'officer-ani',
      personalData: 'full',
    });
    // The spouse is tier 1 and paid; the parent (tier 2) is not entitled while a spouse lives.
    const heirs = full['heirs'] as { heirId: string; relationship: string }[];
    const heirIdOf = (relationship: string) =>
      heirs.find((heir) => heir.relationship === relationship)?.heirId;
    expect(full['heirOrder']).toEqual({
      ruleSetId: expect.any(String),
      entitledTier: 1,
      payeeHeirId: heirIdOf('spouse'),
      heirs: [
        { heirId: heirIdOf('spouse'), tier: 1, entitled: true },
        { heirId: heirIdOf('parent'), tier: 2, entitled: false },
      ],
    });
    expect(await profile(bearer(environment, ['auditor'], 'audit-1'))).toMatchObject({
      personalData: 'full',
      nik: '5371011508900001',
    });
    const masked = await profile(bearer(environment, ['sponsor-operator'], 'ntt-op'));
    expect(masked).toMatchObject({
      nik: '5371********0001',
      fullName: 'Y. B. S.',
      birthDate: '1990-**-**',
      phone: '***********890',
      address: { line: '***', regencyCode: '5371' },
      heirs: [
        expect.objectContaining({
          fullName: 'M. B.',
          bankAccount: { bankCode: 'BRI', accountNumber: '***********3567', accountName: 'M. B.' },
        }),
        expect.objectContaining({ fullName: 'P. B.' }),
      ],
      children: [
        expect.objectContaining({ fullName: 'A. B.' }),
        expect.objectContaining({ fullName: 'B. B.' }),
      ],
      personalData: 'masked',
    });
    expect(JSON.stringify(masked)).not.toMatch(/Yohanes|Maria|012301000123567|5371011508900001/);
  });

  it('tells the history: every event with who and when, opened or masked by role', async () => {
    const full = await http(app)
      .get(`/participants/${participantId}/history`)
      .set('Authorization', officer)
      .expect(200);
    const events = (full.body as { events: Array<Record<string, unknown>> }).events;
    expect(events.map((e) => e['type'])).toEqual([
      'ParticipantRegistered',
      'ParticipantDetailsCorrected',
      'DeclaredIncomeChanged',
      'HeirsDesignated',
      'ChildRegisteredForScholarship',
      'ChildRegisteredForScholarship',
    ]);
    expect(events[0]).toMatchObject({
      version: 1,
      actor: { id: 'officer-ani', kind: 'user', roles: ['enrollment-officer'] },
      recordedAt: expect.any(String),
      data: { nik: '5371011508900001', fullName: 'Yohanes Bria' },
    });
    expect(events[1]).toMatchObject({ data: { reason: 'spelled as on the KTP' } });
    const masked = await http(app)
      .get(`/participants/${participantId}/history`)
      .set('Authorization', bearer(environment, ['claims-officer'], 'claims-1'))
      .expect(200);
    expect(JSON.stringify(masked.body)).not.toMatch(/Yohanes|5371011508900001|012301000123567/);
    expect(masked.body).toMatchObject({ personalData: 'masked' });
  });

  it('finds participants by NIK, by words of the name and by regency', async () => {
    const second = await register({
      ...registration,
      nik: '5301044503920002',
      fullName: 'Maria Goreti Ndun',
      birthDate: '1992-03-05',
      sex: 'female',
      address: { line: 'Desa Oelnasi', regencyCode: '5301' },
    }).expect(201);
    const secondId = (second.body as { participantId: string }).participantId;
    const search = (body: object, token = officer) =>
      http(app).post('/participants/search').set('Authorization', token).send(body).expect(200);
    const ids = (response: { body: unknown }) =>
      (response.body as { results: Array<{ participantId: string }> }).results.map(
        (r) => r.participantId,
      );
    // The read model trails the write side behind PostgreSQL's cluster-wide transaction
    // horizon (any open transaction on the server delays it), so wait for it.
    await eventually(async () =>
      expect(ids(await search({ nik: '5371011508900001' }))).toEqual([participantId]),
    );
    expect(ids(await search({ nik: '5371011508900009' }))).toEqual([]);
    await eventually(async () =>
      expect(ids(await search({ name: 'goreti NDUN' }))).toEqual([secondId]),
    );
    expect(ids(await search({ name: 'seran' }))).toEqual([participantId]);
    // The name before the correction no longer finds anyone... by its dropped word only.
    expect(ids(await search({ name: 'maria bria' }))).toEqual([]);
    expect(ids(await search({ regencyCode: '5301' }))).toEqual([secondId]);
    const page = await search({ regencyCode: '5371', name: 'yohanes', limit: 1 });
    expect(page.body).toMatchObject({ results: [{ participantId, regencyCode: '5371' }] });
    const masked = await search(
      { nik: '5371011508900001' },
      bearer(environment, ['finance'], 'fin-1'),
    );
    expect(masked.body).toMatchObject({
      results: [{ nik: '5371********0001', fullName: 'Y. B. S.', personalData: 'masked' }],
    });
    const nothing = await http(app)
      .post('/participants/search')
      .set('Authorization', officer)
      .send({})
      .expect(400);
    expect(nothing.body).toMatchObject({ code: 'SEARCH_CRITERIA_MISSING' });
  });

  it('rebuilds the read model from the events into exactly the live one', async () => {
    const runtime = app.get(ServiceRuntime);
    const projection = app.get(ParticipantViewProjection);
    const snapshot = async () => ({
      view: await runtime.database.query('select * from participant_view order by participant_id'),
      tokens: await runtime.database.query(
        `select encode(token_hmac, 'hex') as token, participant_id from participant_name_tokens
          order by 1, 2`,
      ),
    });
    const live = await eventually(async () => {
      await runtime.catchUp(projection);
      const current = await snapshot();
      expect(current.view).toHaveLength(2);
      return current;
    });
    const rebuilder = new ProjectionRunner({
      database: runtime.database,
      store: runtime.store,
      projections: [projection],
    });
    await rebuilder.rebuild(projection);
    expect(await snapshot()).toEqual(live);
    // A page at once (applyBatch, as the runner uses it) equals one event at a time: the
    // store holds registrations, corrections, income changes, heirs and children by now.
    const oneByOne: Projection = {
      name: projection.name,
      handles: (type) => projection.handles(type),
      apply: (tx, event) => projection.apply(tx, event),
      reset: (tx) => projection.reset(tx),
    };
    await new ProjectionRunner({
      database: runtime.database,
      store: runtime.store,
      projections: [oneByOne],
    }).rebuild(oneByOne);
    expect(await snapshot()).toEqual(live);
  });

  it('builds the same profile from the stream when the read model lags behind it', async () => {
    const runtime = app.get(ServiceRuntime);
    await runtime.catchUp(app.get(ParticipantViewProjection));
    const read = async () =>
      (
        await http(app)
          .get(`/participants/${participantId}`)
          .set('Authorization', officer)
          .expect(200)
      ).body as Record<string, unknown>;
    const fromReadModel = await read();
    // As if the projection had not applied the last event yet.
    await runtime.database.query(
      'update participant_view set version = version - 1 where participant_id = $1',
      [participantId],
    );
    try {
      expect(await read()).toEqual(fromReadModel);
    } finally {
      await runtime.database.query(
        'update participant_view set version = version + 1 where participant_id = $1',
        [participantId],
      );
    }
  });

  it('serves its OpenAPI document', async () => {
    const response = await http(app).get('/docs-json').expect(200);
    const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/participants',
        '/participants/search',
        '/participants/{participantId}',
        '/participants/{participantId}/history',
        '/participants/{participantId}/children',
        '/sponsor-programs/{programId}/enrollment-jobs',
        '/enrollment-jobs/{jobId}',
        '/enrollment-jobs/{jobId}/problems',
      ]),
    );
  });
});
