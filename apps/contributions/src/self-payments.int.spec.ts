import { randomUUID } from 'node:crypto';
import { eventually } from '@santunan/testing';
import { participantRegistered } from './testing/enrollment-envelopes';
import { startContributionsApp, type ContributionsTestApp } from './testing/contributions-test-app';

describe('self-paying participants: payments ahead, arrears, lapse, the scheduler', () => {
  let t: ContributionsTestApp;
  const fisher = randomUUID();
  const ojekDriver = randomUUID();
  const farmer = randomUUID();
  const admin = () => t.bearer(['admin'], 'admin-1');
  const counter = () => t.bearer(['finance'], 'loket-kupang');

  const coverage = async (participantId: string): Promise<Record<string, unknown>> =>
    (
      await t
        .http()
        .get(`/participants/${participantId}/coverage`)
        .set('Authorization', t.bearer(['claims-officer']))
        .expect(200)
    ).body as Record<string, unknown>;

  const pay = (
    participantId: string,
    body: { paymentReference: string; firstMonth: string; months: number; amount: number },
    paidOn = t.clock.today(),
  ) =>
    t
      .http()
      .post(`/participants/${participantId}/self-payments`)
      .set('Authorization', counter())
      .send({ ...body, paidAt: `${paidOn}T09:00:00+07:00`, paidOn });

  beforeAll(async () => {
    t = await startContributionsApp({ label: 'self', now: '2026-01-05T02:00:00Z' });
    await t.publishEnrollment(
      participantRegistered({ participantId: fisher, membership: { kind: 'self-paying' } }),
      participantRegistered({
        participantId: ojekDriver,
        occupation: 'pengemudi ojek online',
        membership: { kind: 'self-paying' },
      }),
      participantRegistered({
        participantId: farmer,
        occupation: 'petani',
        membership: { kind: 'self-paying' },
      }),
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('opens self-paying accounts from the registration and bills the current month', async () => {
    await eventually(async () => {
      expect(await coverage(fisher)).toMatchObject({
        standing: 'awaiting-first-payment',
        paidThrough: null,
        masaIurMonths: 0,
        currentMembership: { kind: 'self-paying', fromMonth: '2026-01', toMonth: null },
        dues: [
          {
            month: '2026-01',
            payer: { kind: 'self' },
            jkk: 10_000,
            jkm: 6_800,
            total: 16_800,
            dueDate: '2026-01-15',
            status: 'unpaid',
          },
        ],
      });
      // PP 50/2025: a self-paying transport worker pays half in 2026.
      expect((await coverage(ojekDriver)).dues).toMatchObject([{ month: '2026-01', total: 8_400 }]);
    });
  });

  it('takes 1, 3, 6 or 12 months ahead at the exact amount, one reference one payment', async () => {
    const three = {
      paymentReference: 'VA-8801-0001',
      firstMonth: '2026-01',
      months: 3,
      amount: 50_400,
    };
    expect((await pay(fisher, three).expect(200)).body).toMatchObject({
      paidMonths: [
        { month: '2026-01', amount: 16_800 },
        { month: '2026-02', amount: 16_800 },
        { month: '2026-03', amount: 16_800 },
      ],
      amount: 50_400,
      changed: true,
      paidThrough: '2026-03',
      standing: 'active',
      masaIurMonths: 3,
    });
    expect((await pay(fisher, three).expect(200)).body).toMatchObject({ changed: false });
    expect((await pay(farmer, { ...three }).expect(409)).body.code).toBe(
      'PAYMENT_REFERENCE_CONFLICT',
    );
    const mismatch = await pay(fisher, {
      paymentReference: 'VA-8801-0002',
      firstMonth: '2026-04',
      months: 3,
      amount: 50_000,
    }).expect(422);
    expect(mismatch.body).toMatchObject({
      code: 'PAYMENT_AMOUNT_MISMATCH',
      field: '/amount',
      expectedAmount: 50_400,
    });
    const notNext = await pay(fisher, {
      paymentReference: 'VA-8801-0003',
      firstMonth: '2026-06',
      months: 1,
      amount: 16_800,
    }).expect(422);
    expect(notNext.body).toMatchObject({
      code: 'PAYMENT_MONTH_NOT_NEXT',
      field: '/firstMonth',
      expectedFirstMonth: '2026-04',
    });
    const twoMonths = await pay(fisher, {
      paymentReference: 'VA-8801-0004',
      firstMonth: '2026-04',
      months: 2,
      amount: 33_600,
    }).expect(400);
    expect(twoMonths.body.code).toBe('VALIDATION_FAILED');

    expect(
      (
        await pay(ojekDriver, {
          paymentReference: 'VA-8802-0001',
          firstMonth: '2026-01',
          months: 12,
          amount: 12 * 8_400,
        }).expect(200)
      ).body,
    ).toMatchObject({ paidThrough: '2026-12', masaIurMonths: 12 });
  });

  it('puts an unpaid month into arrears at month close, lapses the fourth, reinstates a payment within grace', async () => {
    t.clock.set('2026-02-02T02:00:00Z');
    const february = await t.services.schedulerJob.tick();
    expect(february.map((run) => [run.task, run.month])).toEqual([
      ['issue-statements', '2026-02'],
      ['bill', '2026-02'],
      ['close-month', '2026-01'],
    ]);
    await eventually(async () => {
      expect(await coverage(farmer)).toMatchObject({
        standing: 'in-arrears',
        arrearsMonths: ['2026-01'],
      });
      expect(await coverage(fisher)).toMatchObject({ standing: 'active', paidThrough: '2026-03' });
    });

    // Three months later (the job missed March and April): closing catches every month up.
    t.clock.set('2026-05-02T02:00:00Z');
    await t.services.schedulerJob.tick();
    await eventually(async () => {
      expect(await coverage(farmer)).toMatchObject({ standing: 'lapsed', paidThrough: null });
      expect(await coverage(fisher)).toMatchObject({
        standing: 'in-arrears',
        paidThrough: '2026-03',
        arrearsMonths: ['2026-04'],
      });
      expect(await coverage(ojekDriver)).toMatchObject({
        standing: 'active',
        paidThrough: '2026-12',
      });
    });
    const lapsed = await pay(farmer, {
      paymentReference: 'VA-8803-0001',
      firstMonth: '2026-01',
      months: 1,
      amount: 16_800,
    }).expect(409);
    expect(lapsed.body).toMatchObject({
      code: 'MEMBERSHIP_LAPSED',
      unpaidMonths: ['2026-01', '2026-02', '2026-03', '2026-04'],
    });

    await pay(fisher, {
      paymentReference: 'VA-8801-0005',
      firstMonth: '2026-04',
      months: 1,
      amount: 16_800,
    }).expect(200);
    await eventually(async () => {
      expect(await coverage(fisher)).toMatchObject({
        standing: 'active',
        paidThrough: '2026-04',
        arrearsMonths: [],
        masaIurMonths: 4,
      });
    });
  });

  it('runs scheduler tasks idempotently, and refuses a month that has not ended', async () => {
    const again = await t
      .http()
      .post('/scheduler/runs')
      .set('Authorization', admin())
      .send({ task: 'bill', month: '2026-05' })
      .expect(200);
    expect(again.body).toMatchObject({ processed: 3, changed: 0, rejected: {} });
    const early = await t
      .http()
      .post('/scheduler/runs')
      .set('Authorization', admin())
      .send({ task: 'close-month', month: '2026-05' })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'MONTH_NOT_ENDED', run: { processed: 3 } });
    await t
      .http()
      .post('/scheduler/runs')
      .set('Authorization', t.bearer(['finance']))
      .send({ task: 'bill', month: '2026-05' })
      .expect(403);
    const tick = await t.services.schedulerJob.tick();
    expect(tick.map((run) => run.task)).toEqual(['issue-statements']);
  });
});
