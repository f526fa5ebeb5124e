import type { INestApplication } from '@nestjs/common';
import { eventPayloadSchemas as schemas } from '@santunan/contracts';
import {
  fixedClock,
  isEncryptedField,
  type EventEnvelope,
  type Subscription,
} from '@santunan/platform';
import { eventually, testMessaging, uniqueName } from '@santunan/testing';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from '../testing/enrollment-test-app';

// Monday 7 December 2026 in Kupang: the day every command below is decided on.
const TODAY = '2026-12-07';

const employer = {
  npp: '53000001',
  name: 'CV Laut Sawu',
  npwp: '012345678912000',
  nib: '1234567890123',
  kbli: '03111',
  businessScale: 'medium',
  riskClass: 3,
  riskClassBasis: 'Lampiran I PP 44/2015: perikanan tangkap',
  riskClassEffectiveFrom: '2026-01-01',
  address: { line: 'Jl. Timor Raya 5, Oesapa', regencyCode: '5371' },
  bankAccount: { bankCode: 'BNI', accountNumber: '0123456789', accountName: 'CV Laut Sawu' },
};

const yohanes = {
  nik: '5371011508900001',
  fullName: 'Yohanes Bria',
  birthDate: '1990-08-15',
  sex: 'male',
  startedOn: '2026-12-01',
  wage: { basis: 'monthly', amount: 5_000_000 },
  jkpParticipant: true,
};

const maria = {
  nik: '5371015203950002',
  fullName: 'Maria Seran',
  birthDate: '1995-03-12',
  sex: 'female',
  branchId: 'soe',
  startedOn: '2026-10-01',
  wage: { basis: 'daily', amount: 100_000 },
  jkpParticipant: false,
};

describe('employers hosted by the enrollment service, with the real PostgreSQL and Kafka', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let officer: string;
  const published: EventEnvelope[] = [];
  let subscription: Subscription;
  const messaging = testMessaging('enrollment-employers-int');

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('employers');
    app = await startEnrollmentApp({
      ...environment.config,
      clock: fixedClock(`${TODAY}T02:00:00Z`),
    });
    officer = bearer(environment, ['enrollment-officer'], 'officer-ani');
    subscription = await messaging.subscribe({
      groupId: uniqueName('int.employers.probe'),
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

  const post = (path: string, body: object, token = officer) =>
    http(app).post(path).set('Authorization', token).send(body);
  const get = (path: string, token = officer) => http(app).get(path).set('Authorization', token);

  function expectProblem(
    body: unknown,
    status: number,
    code: string,
    field: string | undefined,
  ): void {
    expect(body).toMatchObject({ status, code, ...(field === undefined ? {} : { field }) });
  }

  it('registers an employer (201); the same registration again is the same employer (200)', async () => {
    const first = await post('/employers', employer).expect(201);
    expect(first.body).toEqual({ npp: employer.npp, outcome: 'registered' });
    const again = await post('/employers', employer).expect(200);
    expect(again.body).toEqual({ npp: employer.npp, outcome: 'already-registered' });
  });

  it.each<[string, object, number, string, string]>([
    ['a malformed NPWP', { npwp: '01.234.567.8-912.000' }, 422, 'NPWP_FORMAT', '/npwp'],
    ['a malformed NIB', { nib: '12345' }, 422, 'NIB_FORMAT', '/nib'],
    ['a risk class outside 1–5', { riskClass: 6 }, 422, 'RISK_CLASS_INVALID', '/riskClass'],
    ['the NPP with other details', { name: 'PT Lain' }, 409, 'EMPLOYER_ALREADY_REGISTERED', '/npp'],
  ])(
    'refuses an employer with %s, naming the field',
    async (_case, change, status, code, field) => {
      const response = await post('/employers', { ...employer, ...change })
        .expect(status)
        .expect('Content-Type', /application\/problem\+json/);
      expectProblem(response.body, status, code, field);
    },
  );

  it('opens a branch and dates a risk-class change; the employer shows both', async () => {
    await post(`/employers/${employer.npp}/branches`, {
      branchId: 'soe',
      name: 'Cabang Soe',
      regencyCode: '5304',
      openedOn: '2026-03-01',
    }).expect(201);
    await post(`/employers/${employer.npp}/risk-class-changes`, {
      riskClass: 4,
      effectiveFrom: '2026-07-01',
      basis: 'Penilaian ulang 2026: pengolahan ikan',
    }).expect(201);
    const refused = await post(`/employers/${employer.npp}/risk-class-changes`, {
      riskClass: 0,
      effectiveFrom: '2026-09-01',
      basis: 'x',
    }).expect(422);
    expectProblem(refused.body, 422, 'RISK_CLASS_INVALID', '/riskClass');
    const view = await get(`/employers/${employer.npp}`).expect(200);
    expect(view.body).toMatchObject({
      npp: employer.npp,
      riskClassToday: 4,
      riskClassHistory: [
        { riskClass: 3, effectiveFrom: '2026-01-01' },
        { riskClass: 4, effectiveFrom: '2026-07-01' },
      ],
      branches: [{ branchId: 'soe', regencyCode: '5304', branchNpp: null }],
    });
  });

  let yohanesId: string;
  let mariaId: string;

  it("registers a BPU participant's NIK as a worker under the same participant id, on time", async () => {
    const participant = await post('/participants', {
      nik: yohanes.nik,
      fullName: yohanes.fullName,
      birthDate: yohanes.birthDate,
      sex: 'male',
      address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
      phone: '+6281234567890',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: '2026-01',
    }).expect(201);
    const participantId = (participant.body as { participantId: string }).participantId;
    const response = await post(`/employers/${employer.npp}/workers`, yohanes).expect(201);
    yohanesId = (response.body as { participantId: string }).participantId;
    expect(yohanesId).toBe(participantId);
    expect(response.body).toMatchObject({
      changed: true,
      report: { reportedOn: TODAY, dueBy: '2026-12-10', late: false, workingDaysLate: 0 },
    });
    await post(`/employers/${employer.npp}/workers`, yohanes).expect(200);
  });

  it('registers a new person at a branch on a daily wage, late, and the lateness is visible', async () => {
    const response = await post(`/employers/${employer.npp}/workers`, maria).expect(201);
    mariaId = (response.body as { participantId: string }).participantId;
    expect(response.body).toMatchObject({ report: { late: true } });
    const view = await get(`/employers/${employer.npp}/workers/${mariaId}`).expect(200);
    expect(view.body).toMatchObject({
      fullName: 'Maria Seran',
      status: 'employed',
      branchId: 'soe',
      wageHistory: [
        {
          wage: { basis: 'daily', amount: 100_000, monthlyWage: 2_500_000 },
          effectiveFrom: '2026-10-01',
          report: { late: true },
        },
      ],
    });
  });

  it("gives a worker's person id to their later BPU registration: one person, one participant id", async () => {
    const participant = await post('/participants', {
      nik: maria.nik,
      fullName: maria.fullName,
      birthDate: maria.birthDate,
      sex: 'female',
      address: { line: 'Jl. Soekarno 3, Soe', regencyCode: '5304' },
      phone: '+6281234567891',
      occupation: 'pengolah ikan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: '2026-12',
    }).expect(201);
    expect(participant.body).toEqual({ participantId: mariaId, outcome: 'registered' });
  });

  it.each<[string, string, object, number, string, string]>([
    ['an unknown NPP', '53999999', yohanes, 404, 'EMPLOYER_NOT_REGISTERED', '/npp'],
    [
      'a NIK that does not match the birth date',
      employer.npp,
      { ...yohanes, nik: '5371011608900001' },
      422,
      'NIK_BIRTH_DATE_MISMATCH',
      '/nik',
    ],
    [
      'a wage under the NTT minimum',
      employer.npp,
      {
        ...yohanes,
        nik: '5371012001800003',
        birthDate: '1980-01-20',
        wage: { basis: 'monthly', amount: 2_000_000 },
      },
      422,
      'WAGE_BELOW_MINIMUM',
      '/wage/amount',
    ],
    [
      'an unknown branch',
      employer.npp,
      { ...maria, branchId: 'atambua' },
      422,
      'BRANCH_UNKNOWN',
      '/branchId',
    ],
  ])('refuses a worker for %s, naming the field', async (_case, npp, body, status, code, field) => {
    const response = await post(`/employers/${npp}/workers`, body).expect(status);
    expectProblem(response.body, status, code, field);
  });

  it('refuses a worker whose death enrollment recorded before the start', async () => {
    const person = {
      nik: '5371012102850004',
      fullName: 'Petrus Nope',
      birthDate: '1985-02-21',
      sex: 'male',
    };
    const participant = await post('/participants', {
      ...person,
      address: { line: 'Jl. Amabi 7, Kupang', regencyCode: '5371' },
      phone: '+6281234567892',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: '2026-01',
    }).expect(201);
    const participantId = (participant.body as { participantId: string }).participantId;
    await post(`/participants/${participantId}/death`, {
      dateOfDeath: '2026-11-20',
      deathCertificateReference: '5371-KM-20112026-0001',
    }).expect(200);
    const refused = await post(`/employers/${employer.npp}/workers`, {
      ...yohanes,
      ...person,
      startedOn: '2026-12-01',
    }).expect(409);
    expectProblem(refused.body, 409, 'WORKER_DECEASED', '/startedOn');
    expect(refused.body).toMatchObject({ participantId, dateOfDeath: '2026-11-20' });
  });

  it('records a late wage report as late, and refuses one under the minimum', async () => {
    const late = await post(`/employers/${employer.npp}/workers/${mariaId}/wage-reports`, {
      wage: { basis: 'daily', amount: 110_000 },
      effectiveFrom: '2026-11-02',
    }).expect(200);
    expect(late.body).toMatchObject({ changed: true, report: { dueBy: '2026-11-11', late: true } });
    const under = await post(`/employers/${employer.npp}/workers/${yohanesId}/wage-reports`, {
      wage: { basis: 'monthly', amount: 2_000_000 },
      effectiveFrom: '2026-12-04',
    }).expect(422);
    expectProblem(under.body, 422, 'WAGE_BELOW_MINIMUM', '/wage/amount');
    const view = await get(`/employers/${employer.npp}/workers/${mariaId}`).expect(200);
    expect(view.body).toMatchObject({
      wageHistory: [
        { effectiveFrom: '2026-10-01' },
        { effectiveFrom: '2026-11-02', wage: { monthlyWage: 2_750_000 }, report: { late: true } },
      ],
    });
  });

  it('records a worker leaving, then refuses a wage report for them', async () => {
    await post(`/employers/${employer.npp}/workers/${yohanesId}/leaving`, {
      leftOn: '2026-12-04',
      reason: 'resigned',
    }).expect(200);
    const refused = await post(`/employers/${employer.npp}/workers/${yohanesId}/wage-reports`, {
      wage: { basis: 'monthly', amount: 6_000_000 },
      effectiveFrom: '2026-12-05',
    }).expect(409);
    expectProblem(refused.body, 409, 'WORKER_LEFT', undefined);
    const view = await get(`/employers/${employer.npp}/workers/${yohanesId}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'left',
      leftOn: '2026-12-04',
      leavingReason: 'resigned',
    });
  });

  it('lets only enrollment officers and admins register employers', async () => {
    const claims = bearer(environment, ['claims-officer'], 'claims-1');
    const response = await post('/employers', employer, claims).expect(403);
    expect(response.body).toMatchObject({ code: 'AUTH_FORBIDDEN_ROLE' });
  });

  it('publishes every change on the topic, as its schema says, the worker’s NIK and name sealed', async () => {
    const expected = [
      'EmployerRegistered',
      'EmployerBranchOpened',
      'EmployerRiskClassChanged',
      'WorkerRegistered',
      'WorkerRegistered',
      'WageReported',
      'WorkerLeft',
    ];
    const events = await eventually(() => {
      const ours = published.filter(
        (event) => event.streamType === 'employer' || event.streamType === 'employer-worker',
      );
      expect(ours.map((event) => event.type).sort()).toEqual([...expected].sort());
      return ours;
    });
    for (const event of events) {
      expect([event.type, schemas.validate(event.type, event.schemaVersion, event.data)]).toEqual([
        event.type,
        { ok: true },
      ]);
    }
    const registered = events.find(
      (event) => event.type === 'WorkerRegistered' && event.streamId.endsWith(yohanesId),
    );
    const data = registered?.data as Record<string, unknown>;
    expect(isEncryptedField(data['nik'])).toBe(true);
    expect(isEncryptedField(data['fullName'])).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Yohanes');
    expect(JSON.stringify(events)).not.toContain(yohanes.nik);
    expect(data).toMatchObject({
      npp: employer.npp,
      participantId: yohanesId,
      wage: { monthlyWage: 5_000_000 },
    });
    expect(registered?.metadata.actor).toMatchObject({ id: 'officer-ani', kind: 'user' });
  });
});
