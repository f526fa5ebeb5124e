import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { eventually } from '@santunan/testing';
import { participantRegistered } from './testing/enrollment-envelopes';
import { startContributionsApp, type ContributionsTestApp } from './testing/contributions-test-app';

const NTT = {
  programId: 'ntt-2026',
  name: 'Bantuan iuran pekerja rentan Provinsi NTT 2026',
  sponsorType: 'province',
  pksNumber: 'PKS/53/BPJSTK/2025/117',
  budget: 10_080_000_000,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
};
/** Two workers for twelve months at Rp16,800. */
const DESA = {
  programId: 'desa-oesao-2026',
  name: 'Bantuan iuran Desa Oesao 2026',
  sponsorType: 'village',
  pksNumber: 'PKS/DESA/2025/9',
  budget: 2 * 16_800 * 12,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
};

describe('sponsor programs over HTTP (real root module, PostgreSQL, Kafka)', () => {
  let t: ContributionsTestApp;
  const operator = () => t.bearer(['sponsor-operator'], 'ntt-operator');
  const desaOperator = () => t.bearer(['sponsor-operator'], 'desa-operator');
  const finance = () => t.bearer(['finance'], 'finance-1');
  const admin = () => t.bearer(['admin'], 'admin-1');
  const workers = [randomUUID(), randomUUID(), randomUUID()] as const;

  beforeAll(async () => {
    t = await startContributionsApp({ label: 'programs', now: '2025-12-10T03:00:00Z' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('opens the NTT program: tariff from the rules, quota 50,000, exactly Rp10,080,000,000', async () => {
    const response = await t
      .http()
      .post('/programs')
      .set('Authorization', operator())
      .send(NTT)
      .expect(201);
    expect(response.body).toMatchObject({
      programId: 'ntt-2026',
      payerType: 'apbd',
      months: 12,
      declaredIncome: 1_000_000,
      contribution: { jkk: 10_000, jkm: 6_800, total: 16_800 },
      quota: 50_000,
      costPerWorker: 201_600,
      quotaCost: 10_080_000_000,
      operatorIds: ['ntt-operator'],
      changed: true,
    });
    const again = await t.http().post('/programs').set('Authorization', operator()).send(NTT);
    expect(again.body).toMatchObject({ quota: 50_000, changed: false });
    const otherTerms = await t
      .http()
      .post('/programs')
      .set('Authorization', operator())
      .send({ ...NTT, budget: 1 })
      .expect(409);
    expect(otherTerms.body).toMatchObject({ code: 'PROGRAM_ALREADY_OPENED' });

    const report = await eventually(async () =>
      t.http().get('/programs/ntt-2026/report').set('Authorization', operator()).expect(200),
    );
    expect(report.body).toMatchObject({
      budget: 10_080_000_000,
      quota: 50_000,
      enrolled: 0,
      committed: 0,
      billed: 0,
      paid: 0,
      remainingBudget: 10_080_000_000,
    });
  });

  it('guards programs: tokens, roles, operators, validation', async () => {
    await t.http().get('/programs/ntt-2026/report').expect(401);
    const wrongRole = await t
      .http()
      .get('/programs/ntt-2026/report')
      .set('Authorization', t.bearer(['enrollment-officer']))
      .expect(403);
    expect(wrongRole.body.code).toBe('AUTH_FORBIDDEN_ROLE');
    const otherSponsor = await t
      .http()
      .get('/programs/ntt-2026/report')
      .set('Authorization', desaOperator())
      .expect(403);
    expect(otherSponsor.body.code).toBe('PROGRAM_NOT_OPERATED');
    await t
      .http()
      .get('/programs/ntt-2026/report')
      .set('Authorization', t.bearer(['auditor']))
      .expect(200);
    const invalid = await t
      .http()
      .post('/programs')
      .set('Authorization', operator())
      .send({ ...NTT, programId: 'other', budget: 'lots', firstMonth: '2026-13' })
      .expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    const errors = invalid.body.errors as { field: string }[];
    const fields = new Set(errors.map((error) => error.field));
    expect([...fields].sort()).toEqual(['/budget', '/firstMonth']);
    const tooSmall = await t
      .http()
      .post('/programs')
      .set('Authorization', operator())
      .send({ ...NTT, programId: 'tiny', budget: 100_000 })
      .expect(422);
    expect(tooSmall.body).toMatchObject({
      code: 'PROGRAM_BUDGET_TOO_SMALL',
      field: '/budget',
      costPerWorker: 201_600,
    });
    const missing = await t
      .http()
      .get('/programs/no-such-program/report')
      .set('Authorization', admin())
      .expect(404);
    expect(missing.body.code).toBe('PROGRAM_NOT_FOUND');
  });

  it('enrols up to the quota, and refuses the next worker with the reason', async () => {
    await t.http().post('/programs').set('Authorization', desaOperator()).send(DESA).expect(201);
    await t.publishEnrollment(
      ...workers.map((participantId) =>
        participantRegistered({ participantId, membership: { kind: 'self-paying' } }),
      ),
    );
    await eventually(async () => {
      for (const participantId of workers) {
        await t
          .http()
          .get(`/participants/${participantId}/coverage`)
          .set('Authorization', admin())
          .expect(200);
      }
    });
    const enrol = (participantId: string) =>
      t
        .http()
        .post(`/programs/${DESA.programId}/enrolments`)
        .set('Authorization', desaOperator())
        .send({ participantId });
    expect((await enrol(workers[0]).expect(201)).body).toMatchObject({
      enrolmentNumber: 1,
      fromMonth: '2026-01',
      toMonth: '2026-12',
      commitment: 201_600,
      changed: true,
    });
    expect((await enrol(workers[1]).expect(201)).body).toMatchObject({ enrolmentNumber: 2 });
    expect((await enrol(workers[1]).expect(201)).body).toMatchObject({ changed: false });
    const full = await enrol(workers[2]).expect(409);
    expect(full.body).toMatchObject({ code: 'PROGRAM_QUOTA_EXHAUSTED', quota: 2, enrolled: 2 });
    const unknown = await enrol(randomUUID()).expect(404);
    expect(unknown.body.code).toBe('ACCOUNT_NOT_OPENED');
    const notTheirs = await t
      .http()
      .post(`/programs/${DESA.programId}/enrolments`)
      .set('Authorization', operator())
      .send({ participantId: workers[2] })
      .expect(403);
    expect(notTheirs.body.code).toBe('PROGRAM_NOT_OPERATED');

    // The sponsorship process starts the sponsorship on each account.
    await eventually(async () => {
      const view = await t
        .http()
        .get(`/participants/${workers[0]}/coverage`)
        .set('Authorization', admin())
        .expect(200);
      expect(view.body.memberships).toContainEqual({
        kind: 'sponsored',
        programId: DESA.programId,
        fromMonth: '2026-01',
        toMonth: '2026-12',
      });
    });
  });

  it('issues the month’s statement, and allocates payments in enrolment order with what is short held', async () => {
    t.clock.set('2026-01-05T03:00:00Z');
    for (const task of ['issue-statements', 'bill']) {
      const run = await t
        .http()
        .post('/scheduler/runs')
        .set('Authorization', admin())
        .send({ task, month: '2026-01' })
        .expect(200);
      expect(run.body).toMatchObject({ task, month: '2026-01', rejected: {} });
    }
    const statement = await eventually(async () =>
      t
        .http()
        .get(`/programs/${DESA.programId}/statements/2026-01`)
        .set('Authorization', desaOperator())
        .expect(200),
    );
    expect(statement.body).toMatchObject({
      dueDate: '2026-01-15',
      dues: 2,
      jkk: 20_000,
      jkm: 13_600,
      total: 33_600,
      lines: [
        { enrolmentNumber: 1, participantId: workers[0], total: 16_800, paid: false },
        { enrolmentNumber: 2, participantId: workers[1], total: 16_800, paid: false },
      ],
    });

    const pay = (paymentReference: string, amount: number, authorization = finance()) =>
      t
        .http()
        .post(`/programs/${DESA.programId}/payments`)
        .set('Authorization', authorization)
        .send({
          month: '2026-01',
          paymentReference,
          amount,
          paidAt: '2026-01-05T10:00:00+08:00',
          paidOn: '2026-01-05',
        });
    expect((await pay('SP2D-DESA-01', 20_000).expect(200)).body).toMatchObject({
      changed: true,
      ledger: { dues: 2, paidDues: 1, held: 3_200, outstanding: 13_600 },
    });
    expect((await pay('SP2D-DESA-01', 20_000).expect(200)).body).toMatchObject({ changed: false });
    expect((await pay('SP2D-DESA-01', 19_000).expect(409)).body.code).toBe(
      'PAYMENT_REFERENCE_CONFLICT',
    );
    expect((await pay('SP2D-DESA-02', 20_000).expect(422)).body).toMatchObject({
      code: 'PAYMENT_EXCEEDS_OUTSTANDING',
      outstanding: 13_600,
    });
    // The program's own operator may record its payments; another program's may not.
    expect((await pay('SP2D-DESA-03', 1, operator()).expect(403)).body.code).toBe(
      'PROGRAM_NOT_OPERATED',
    );
    expect((await pay('SP2D-DESA-03', 1, t.bearer(['claims-officer'])).expect(403)).body.code).toBe(
      'AUTH_FORBIDDEN_ROLE',
    );
    expect((await pay('SP2D-DESA-02', 13_600).expect(200)).body).toMatchObject({
      ledger: { paidDues: 2, held: 0, outstanding: 0 },
    });

    // A bank reference is one payment across the service: not a participant's too.
    const reused = await t
      .http()
      .post(`/participants/${workers[2]}/self-payments`)
      .set('Authorization', finance())
      .send({
        paymentReference: 'SP2D-DESA-01',
        firstMonth: '2026-01',
        months: 1,
        amount: 16_800,
        paidAt: '2026-01-05T10:00:00+07:00',
        paidOn: '2026-01-05',
      })
      .expect(409);
    expect(reused.body.code).toBe('PAYMENT_REFERENCE_CONFLICT');

    await eventually(async () => {
      for (const participantId of workers.slice(0, 2)) {
        const view = await t
          .http()
          .get(`/participants/${participantId}/coverage`)
          .set('Authorization', admin())
          .expect(200);
        expect(view.body).toMatchObject({
          standing: 'active',
          paidThrough: '2026-01',
          firstPaidMonth: '2026-01',
          masaIurMonths: 1,
          currentMembership: { kind: 'sponsored', programId: DESA.programId },
          dues: [
            {
              month: '2026-01',
              payer: { kind: 'program', programId: DESA.programId },
              jkk: 10_000,
              jkm: 6_800,
              total: 16_800,
              dueDate: '2026-01-15',
              status: 'paid',
              withinGrace: true,
            },
          ],
        });
      }
      const report = await t
        .http()
        .get(`/programs/${DESA.programId}/report`)
        .set('Authorization', desaOperator())
        .expect(200);
      expect(report.body).toMatchObject({
        enrolled: 2,
        committed: 403_200,
        uncommittedBudget: 0,
        billed: 33_600,
        received: 33_600,
        paid: 33_600,
        held: 0,
        remainingBudget: 403_200 - 33_600,
      });
    });
    expect(await t.services.runtime.database.query('select * from process_failures')).toEqual([]);
  });

  it('describes itself in OpenAPI', () => {
    const document = SwaggerModule.createDocument(
      t.app,
      new DocumentBuilder().setTitle('contributions').addBearerAuth().build(),
    );
    expect(Object.keys(document.paths).sort()).toEqual([
      '/health',
      '/health/live',
      '/health/ready',
      '/participants/{participantId}/coverage',
      '/participants/{participantId}/self-payments',
      '/program-dashboard',
      '/program-quotes',
      '/programs',
      '/programs/{programId}/enrolments',
      '/programs/{programId}/payments',
      '/programs/{programId}/report',
      '/programs/{programId}/statements',
      '/programs/{programId}/statements/{month}',
      '/scheduler/runs',
    ]);
  });
});
