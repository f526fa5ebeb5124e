import { randomUUID } from 'node:crypto';
import { eventually } from '@santunan/testing';
import { participantRegistered } from '../testing/enrollment-envelopes';
import {
  startContributionsApp,
  type ContributionsTestApp,
} from '../testing/contributions-test-app';

const NTT = {
  programId: 'ntt-2026',
  name: 'Bantuan iuran pekerja rentan Provinsi NTT 2026',
  sponsorType: 'province',
  pksNumber: 'PKS/53/BPJSTK/2025/117',
  budget: 10_080_000_000,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
};
/** Two workers for twelve months at Rp16,800, and Rp100,000 that buys no third. */
const DESA = {
  programId: 'desa-oesao-2026',
  name: 'Bantuan iuran Desa Oesao 2026',
  sponsorType: 'village',
  pksNumber: 'PKS/DESA/2025/9',
  budget: 2 * 16_800 * 12 + 100_000,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
};

describe('program overview for the console (real root module, PostgreSQL, Kafka)', () => {
  let t: ContributionsTestApp;
  const nttOperator = () => t.bearer(['sponsor-operator'], 'ntt-operator');
  const desaOperator = () => t.bearer(['sponsor-operator'], 'desa-operator');
  const finance = () => t.bearer(['finance'], 'finance-1');
  const admin = () => t.bearer(['admin'], 'admin-1');

  beforeAll(async () => {
    t = await startContributionsApp({ label: 'overview', now: '2025-12-10T03:00:00Z' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('quotes terms as the opening would decide them: tariff, quota, remainder; nothing opened', async () => {
    const quote = await t
      .http()
      .get('/program-quotes')
      .query({
        budget: DESA.budget,
        firstMonth: '2026-01',
        lastMonth: '2026-12',
        sponsorType: 'village',
      })
      .set('Authorization', desaOperator())
      .expect(200);
    expect(quote.body).toMatchObject({
      months: 12,
      declaredIncome: 1_000_000,
      payerType: 'apbd',
      contribution: { jkk: 10_000, jkm: 6_800, total: 16_800 },
      costPerWorker: 201_600,
      quota: 2,
      quotaCost: 403_200,
      remainder: 100_000,
    });
    const ntt = await t
      .http()
      .get('/program-quotes')
      .query({ budget: NTT.budget, firstMonth: '2026-01', lastMonth: '2026-12' })
      .set('Authorization', nttOperator())
      .expect(200);
    expect(ntt.body).toMatchObject({ quota: 50_000, remainder: 0 });
    const tooSmall = await t
      .http()
      .get('/program-quotes')
      .query({ budget: 100_000, firstMonth: '2026-01', lastMonth: '2026-12' })
      .set('Authorization', nttOperator())
      .expect(422);
    expect(tooSmall.body).toMatchObject({ code: 'PROGRAM_BUDGET_TOO_SMALL', field: '/budget' });
    const invalid = await t
      .http()
      .get('/program-quotes')
      .query({ budget: 'banyak', firstMonth: '2026-13', lastMonth: '2026-12' })
      .set('Authorization', nttOperator())
      .expect(400);
    expect(
      [...new Set((invalid.body.errors as { field: string }[]).map((e) => e.field))].sort(),
    ).toEqual(['/budget', '/firstMonth']);
    await t
      .http()
      .get('/program-quotes')
      .query({ budget: 1, firstMonth: '2026-01', lastMonth: '2026-12' })
      .set('Authorization', finance())
      .expect(403);
    const none = await t.http().get('/programs').set('Authorization', admin()).expect(200);
    expect(none.body).toEqual({ programs: [] });
  });

  it('lists each operator’s own programs, every program for finance, with the report’s figures', async () => {
    await t.http().post('/programs').set('Authorization', nttOperator()).send(NTT).expect(201);
    await t.http().post('/programs').set('Authorization', desaOperator()).send(DESA).expect(201);
    const mine = await eventually(async () => {
      const response = await t
        .http()
        .get('/programs')
        .set('Authorization', nttOperator())
        .expect(200);
      expect(response.body.programs).toEqual([
        expect.objectContaining({ programId: 'ntt-2026', name: NTT.name }),
      ]);
      return response.body as { programs: Record<string, unknown>[] };
    });
    expect(mine.programs[0]).toMatchObject({
      firstMonth: '2026-01',
      lastMonth: '2026-12',
      sponsorType: 'province',
      budget: 10_080_000_000,
      quota: 50_000,
      enrolled: 0,
      billed: 0,
      received: 0,
      paid: 0,
      remainingBudget: 10_080_000_000,
    });
    const all = await t.http().get('/programs').set('Authorization', finance()).expect(200);
    expect((all.body.programs as { programId: string }[]).map((p) => p.programId).sort()).toEqual([
      'desa-oesao-2026',
      'ntt-2026',
    ]);
    await t
      .http()
      .get('/programs')
      .set('Authorization', t.bearer(['enrollment-officer']))
      .expect(403);
  });

  it('gives a program’s issued months: billed, received, paid, held and what is still due', async () => {
    const workers = [randomUUID(), randomUUID()];
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
    for (const participantId of workers) {
      await t
        .http()
        .post(`/programs/${DESA.programId}/enrolments`)
        .set('Authorization', desaOperator())
        .send({ participantId })
        .expect(201);
    }
    const before = await t
      .http()
      .get(`/programs/${DESA.programId}/statements`)
      .set('Authorization', desaOperator())
      .expect(200);
    expect(before.body).toEqual({ programId: DESA.programId, months: [] });

    t.clock.set('2026-01-05T03:00:00Z');
    await t
      .http()
      .post('/scheduler/runs')
      .set('Authorization', admin())
      .send({ task: 'issue-statements', month: '2026-01' })
      .expect(200);
    await t
      .http()
      .post(`/programs/${DESA.programId}/payments`)
      .set('Authorization', finance())
      .send({
        month: '2026-01',
        paymentReference: 'SP2D-OVERVIEW-01',
        amount: 20_000,
        paidAt: '2026-01-05T10:00:00+08:00',
        paidOn: '2026-01-05',
      })
      .expect(200);
    const months = await eventually(async () => {
      const response = await t
        .http()
        .get(`/programs/${DESA.programId}/statements`)
        .set('Authorization', desaOperator())
        .expect(200);
      expect(response.body.months).toHaveLength(1);
      return response.body as { months: Record<string, unknown>[] };
    });
    expect(months.months[0]).toMatchObject({
      month: '2026-01',
      dueDate: '2026-01-15',
      dues: 2,
      billed: 33_600,
      duesNow: 2,
      releasedAfterDeaths: 0,
      refundedAfterDeaths: 0,
      received: 20_000,
      paid: 16_800,
      held: 3_200,
      outstanding: 13_600,
      payments: 1,
    });
    const notTheirs = await t
      .http()
      .get(`/programs/${DESA.programId}/statements`)
      .set('Authorization', nttOperator())
      .expect(403);
    expect(notTheirs.body.code).toBe('PROGRAM_NOT_OPERATED');
    await t
      .http()
      .get('/programs/no-such-program/statements')
      .set('Authorization', admin())
      .expect(404);
  });
});
