import { randomUUID } from 'node:crypto';
import { addMonths } from '@santunan/domain-kernel';
import { eventually } from '@santunan/testing';
import { participantRegistered } from './testing/enrollment-envelopes';
import { startContributionsApp, type ContributionsTestApp } from './testing/contributions-test-app';

const TARIFF = 16_800;
const MONTHS = Array.from({ length: 12 }, (_, index) => addMonths('2026-01', index));

/**
 * The rules reference's NTT case through the running service. The full 50,000 × 12 dues run
 * in the benchmark (tools/contributions); here the program opens at full size (quota and
 * total through HTTP), and a proportionally smaller pilot runs the whole year — registration
 * from Kafka, enrolment, statements, bills, payments, fan-out, month closes — to the rupiah.
 */
describe('NTT 2026 through the real service', () => {
  let t: ContributionsTestApp;
  const operator = () => t.bearer(['sponsor-operator'], 'ntt-operator');
  const finance = () => t.bearer(['finance'], 'bpkad-ntt');
  const WORKERS = 60;
  const pilotBudget = WORKERS * TARIFF * 12;
  const workers = Array.from({ length: WORKERS }, () => randomUUID());

  beforeAll(async () => {
    t = await startContributionsApp({ label: 'ntt', now: '2025-12-01T02:00:00Z', batchSize: 25 });
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** The pilot's program report (a read model: it shows a payment a moment later). */
  const pilotReport = async (): Promise<unknown> => {
    const report = await t
      .http()
      .get('/programs/ntt-2026-pilot/report')
      .set('Authorization', operator())
      .expect(200);
    return report.body;
  };

  it('Rp10,080,000,000 for January–December 2026 buys a quota of 50,000 at Rp16,800', async () => {
    const opened = await t
      .http()
      .post('/programs')
      .set('Authorization', operator())
      .send({
        programId: 'ntt-2026',
        name: 'Bantuan iuran pekerja rentan Provinsi NTT 2026',
        sponsorType: 'province',
        pksNumber: 'PKS/53/BPJSTK/2025/117',
        budget: 10_080_000_000,
        firstMonth: '2026-01',
        lastMonth: '2026-12',
      })
      .expect(201);
    expect(opened.body).toMatchObject({
      quota: 50_000,
      contribution: { total: TARIFF },
      costPerWorker: TARIFF * 12,
      quotaCost: 10_080_000_000,
    });
    const report = await eventually(async () =>
      t.http().get('/programs/ntt-2026/report').set('Authorization', operator()).expect(200),
    );
    expect(report.body).toMatchObject({
      budget: 10_080_000_000,
      quota: 50_000,
      uncommittedBudget: 10_080_000_000,
      remainingBudget: 10_080_000_000,
    });
  });

  it(`a pilot of ${WORKERS} workers paid every month spends exactly its budget`, async () => {
    const opened = await t
      .http()
      .post('/programs')
      .set('Authorization', operator())
      .send({
        programId: 'ntt-2026-pilot',
        name: 'NTT 2026 pilot',
        sponsorType: 'province',
        pksNumber: 'PKS/53/BPJSTK/2025/118',
        budget: pilotBudget,
        firstMonth: '2026-01',
        lastMonth: '2026-12',
      })
      .expect(201);
    expect(opened.body).toMatchObject({ quota: WORKERS, quotaCost: pilotBudget });

    // Enrollment registers the workers as sponsored; contributions enrols them from Kafka.
    await t.publishEnrollment(
      ...workers.map((participantId) =>
        participantRegistered({
          participantId,
          membership: { kind: 'sponsored', programId: 'ntt-2026-pilot' },
        }),
      ),
    );
    await eventually(
      async () => {
        expect(await pilotReport()).toMatchObject({ enrolled: WORKERS, committed: pilotBudget });
      },
      { timeoutMs: 180_000 },
    );

    for (const month of MONTHS) {
      t.clock.set(`${month}-02T02:00:00Z`);
      await t.services.schedulerJob.tick();
      await t
        .http()
        .post('/programs/ntt-2026-pilot/payments')
        .set('Authorization', finance())
        .send({
          month,
          paymentReference: `SP2D-NTT-PILOT-${month}`,
          amount: WORKERS * TARIFF,
          paidAt: `${month}-02T10:00:00+08:00`,
          paidOn: `${month}-02`,
        })
        .expect(200);
    }
    t.clock.set('2027-01-02T02:00:00Z');
    const [statements, ...others] = await t.services.schedulerJob.tick();
    expect(statements).toMatchObject({ task: 'issue-statements', processed: 0 });
    expect(others).toEqual([
      expect.objectContaining({ task: 'bill', month: '2027-01', changed: 0 }),
      expect.objectContaining({ task: 'close-month', month: '2026-12', processed: WORKERS + 0 }),
    ]);

    await eventually(
      async () => {
        expect(await pilotReport()).toMatchObject({
          quota: WORKERS,
          enrolled: WORKERS,
          committed: pilotBudget,
          billed: pilotBudget,
          received: pilotBudget,
          paid: pilotBudget,
          held: 0,
          refunded: 0,
          remainingBudget: 0,
        });
        const [row] = await t.services.runtime.database.query<{ covered: string }>(
          `select count(*) as covered from coverage_view
            where paid_through = '2026-12' and masa_iur_months = 12 and standing = 'active'`,
        );
        expect(Number(row?.covered)).toBe(WORKERS);
      },
      { timeoutMs: 180_000 },
    );
  });

  it('replays the sponsorship process from the start without changing anything (restart-safe)', async () => {
    const { database } = t.services.runtime;
    const countEvents = async () =>
      Number((await database.query<{ n: string }>('select count(*) as n from events'))[0]?.n);
    const before = await countEvents();
    // As if the process had crashed before its first checkpoint: every program event again.
    await t.services.sponsorshipSubscription.stop();
    await database.query(`delete from projection_checkpoints where name = 'sponsorship-process'`);
    t.services.sponsorshipSubscription.start();
    await eventually(
      async () => {
        const [row] = await database.query<{ caught_up: boolean }>(
          `select c.global_position = (select max(global_position) from events) as caught_up
             from projection_checkpoints c where c.name = 'sponsorship-process'`,
        );
        expect(row?.caught_up).toBe(true);
      },
      { timeoutMs: 180_000 },
    );
    expect(await countEvents()).toBe(before);
    expect(await database.query('select * from process_failures')).toEqual([]);
  });
});
