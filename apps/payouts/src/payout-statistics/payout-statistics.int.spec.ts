import { randomUUID } from 'node:crypto';
import { PlatformDatabase, SERVICE_DATABASE_MIGRATIONS } from '@santunan/platform';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { PayoutsTables1764400000000 } from '../database/payouts-tables.migration';
import { PayoutStatisticsQuery } from './payout-statistics.reader';

interface Payout {
  decision: string;
  participant: string;
  program?: 'jkk' | 'jkm';
  kind?: 'benefit' | 'late-payment-compensation';
  amount: number;
  status: 'scheduled' | 'instructed' | 'settled' | 'cancelled' | 'failed';
  dueDate?: string | null;
  settledOn?: string | null;
  regencyCode?: string | null;
}

describe('Payout statistics over the payout view read model (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;

  async function payout(payout: Payout): Promise<void> {
    await database.dataSource.query(
      `insert into payout_view (payout_id, kind, program, decision_id, claim_id, participant_id,
          beneficiary_id, beneficiary_kind, beneficiary_name, bank_account, amount, components,
          status, attempt, due_date, scheduled_on, settled_on, regency_code, version, updated_at)
       values ($1, $2, $3, $4, 'claim', $5, 'heir:1', 'heir', '"sealed"', '"sealed"', $6, '[]',
          $7, 1, $8, '2026-02-01', $9, $10, 1, 'x')`,
      [
        randomUUID(),
        payout.kind ?? 'benefit',
        payout.program ?? 'jkm',
        payout.decision,
        payout.participant,
        payout.amount,
        payout.status,
        payout.dueDate === undefined ? '2026-02-10' : payout.dueDate,
        payout.settledOn ?? null,
        payout.regencyCode ?? null,
      ],
    );
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase('payout_statistics');
    database = await new PlatformDatabase({
      url: testDatabase.url,
      migrations: [...SERVICE_DATABASE_MIGRATIONS, PayoutsTables1764400000000],
    }).open();
    await database.migrate();
    await database.dataSource.query(
      `insert into participant_regions (participant_id, regency_code, updated_by_event)
       values ('p-sikka', '5310', 'e-1')`,
    );
    // d1: two heirs, both paid by the due date.
    await payout({
      decision: 'd1',
      participant: 'p-kupang',
      amount: 21_000_000,
      status: 'settled',
      settledOn: '2026-02-09',
      regencyCode: '5371',
    });
    await payout({
      decision: 'd1',
      participant: 'p-kupang',
      amount: 21_000_000,
      status: 'settled',
      settledOn: '2026-02-10',
      regencyCode: '5371',
    });
    // d2: one paid on time, the other late — the decision is paid late; compensation paid.
    await payout({
      decision: 'd2',
      participant: 'p-sikka',
      program: 'jkk',
      amount: 8_000_000_000_000,
      status: 'settled',
      settledOn: '2026-02-10',
    });
    await payout({
      decision: 'd2',
      participant: 'p-sikka',
      program: 'jkk',
      amount: 1_000_000,
      status: 'settled',
      settledOn: '2026-03-02',
    });
    await payout({
      decision: 'd2',
      participant: 'p-sikka',
      program: 'jkk',
      kind: 'late-payment-compensation',
      amount: 140_000,
      status: 'settled',
      settledOn: '2026-03-05',
      dueDate: null,
    });
    // d3: still with the bank after its due date; d4: not due yet; a cancelled one is not counted.
    await payout({
      decision: 'd3',
      participant: 'p-kupang',
      amount: 42_000_000,
      status: 'instructed',
      regencyCode: '5371',
    });
    await payout({
      decision: 'd4',
      participant: 'p-kupang',
      amount: 42_000_000,
      status: 'scheduled',
      dueDate: '2026-03-20',
      regencyCode: '5371',
    });
    await payout({
      decision: 'd5',
      participant: 'p-kupang',
      amount: 5_000,
      status: 'cancelled',
      regencyCode: '5371',
    });
    // A compensation ordered, not paid yet.
    await payout({
      decision: 'd6',
      participant: 'p-kupang',
      kind: 'late-payment-compensation',
      amount: 60_000,
      status: 'scheduled',
      dueDate: null,
    });
  });

  afterAll(async () => {
    await database.dataSource.destroy();
    await testDatabase.drop();
  });

  it('counts decisions paid within their SLA, late, overdue and pending', async () => {
    const statistics = await new PayoutStatisticsQuery(database.dataSource).statistics(
      '2026-03-10',
    );

    expect(statistics.paymentSla).toEqual([
      { program: 'jkk', paidOnTime: 0, paidLate: 1, overdue: 0, pending: 0 },
      { program: 'jkm', paidOnTime: 1, paidLate: 0, overdue: 1, pending: 1 },
    ]);
  });

  it('sums money paid by month and kabupaten/kota, and late-payment compensation', async () => {
    const statistics = await new PayoutStatisticsQuery(database.dataSource).statistics(
      '2026-03-10',
    );

    expect(statistics.paid).toEqual([
      {
        month: '2026-02',
        regencyCode: '5310',
        payouts: 1,
        benefitAmount: 8_000_000_000_000,
        compensationAmount: 0,
        compensations: 0,
      },
      {
        month: '2026-02',
        regencyCode: '5371',
        payouts: 2,
        benefitAmount: 42_000_000,
        compensationAmount: 0,
        compensations: 0,
      },
      {
        month: '2026-03',
        regencyCode: '5310',
        payouts: 1,
        benefitAmount: 1_000_000,
        compensationAmount: 140_000,
        compensations: 1,
      },
    ]);
    expect(statistics.compensation).toEqual({
      paidCount: 1,
      paidAmount: 140_000,
      outstandingCount: 1,
      outstandingAmount: 60_000,
    });
  });
});
