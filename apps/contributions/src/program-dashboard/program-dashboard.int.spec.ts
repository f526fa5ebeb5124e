import { randomUUID } from 'node:crypto';
import { PlatformDatabase, SERVICE_DATABASE_MIGRATIONS, type Actor } from '@santunan/platform';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { ContributionsTables1764300000000 } from '../database/contributions-tables.migration';
import { ProgramDashboardReader } from './program-dashboard.reader';

const operator: Actor = { id: 'operator-1', kind: 'user', roles: ['sponsor-operator'] };
const otherOperator: Actor = { id: 'operator-2', kind: 'user', roles: ['sponsor-operator'] };
const finance: Actor = { id: 'finance-1', kind: 'user', roles: ['finance'] };
const TARIFF = { jkk: 10_000, jkm: 6_800, total: 16_800 };

describe('The programs dashboard from the program’s events and read model (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;
  let version = 0;

  async function event(programId: string, type: string, data: object): Promise<void> {
    version += 1;
    const now = new Date().toISOString();
    await database.dataSource.query(
      `insert into events (event_id, stream_id, stream_type, version, type, schema_version, data,
          metadata, occurred_at, occurred_at_iso, recorded_at, recorded_at_iso, hash)
       values ($1, $2, 'sponsor-program', $3, $4, 1, $5, '{}', $6::timestamptz, $6::text, $6::timestamptz, $6::text, 'h')`,
      [randomUUID(), `sponsor-program-${programId}`, version, type, JSON.stringify(data), now],
    );
  }

  const sponsored = (participantId: string, fromMonth: string) => ({
    programId: 'kupang-2026',
    participantId,
    fromMonth,
    toMonth: '2026-04',
    contribution: TARIFF,
  });

  beforeAll(async () => {
    testDatabase = await createTestDatabase('program_dashboard');
    database = await new PlatformDatabase({
      url: testDatabase.url,
      migrations: [...SERVICE_DATABASE_MIGRATIONS, ContributionsTables1764300000000],
    }).open();
    await database.migrate();
    await database.dataSource.query(
      `insert into sponsor_programs (program_id, operator_ids, first_month, last_month, opened_by)
       values ('kupang-2026', '{operator-1}', '2026-01', '2026-04', 'operator-1'),
              ('sikka-2026', '{operator-2}', '2026-01', '2026-12', 'operator-2')`,
    );
    await database.dataSource.query(
      `insert into program_report (program_id, report, updated_at)
       values ('kupang-2026', '{"name":"Kota Kupang 2026","budget":1000000,"quota":14,"enrolled":2}', 'x')`,
    );
    // Two workers from January, one from March; the first died in February.
    await event('kupang-2026', 'ParticipantSponsored', sponsored('w1', '2026-01'));
    await event('kupang-2026', 'ParticipantSponsored', sponsored('w2', '2026-01'));
    await event('kupang-2026', 'ParticipantSponsored', sponsored('w3', '2026-03'));
    await event('kupang-2026', 'ParticipantSponsorshipEnded', {
      programId: 'kupang-2026',
      participantId: 'w1',
      lastMonth: '2026-02',
    });
    await database.dataSource.query(
      `insert into sponsor_statements (program_id, month, statement, issued_at)
       values ('kupang-2026', '2026-01', '{"total":33600}', 'x'),
              ('kupang-2026', '2026-02', '{"total":33600}', 'x')`,
    );
    await database.dataSource.query(
      `insert into sponsor_payments (program_id, payment_reference, month, receipt, recorded_at)
       values ('kupang-2026', 'ref-1', '2026-01', '{"amount":33600,"allocatedAmount":33600}', 'x'),
              ('kupang-2026', 'ref-2', '2026-02', '{"amount":20000,"allocatedAmount":16800}', 'x')`,
    );
  });

  afterAll(async () => {
    await database.dataSource.destroy();
    await testDatabase.drop();
  });

  it('shows an operator their own program month by month', async () => {
    const dashboard = await new ProgramDashboardReader(database.dataSource).dashboard(
      operator,
      undefined,
    );

    expect(dashboard.programs.map((p) => p.programId)).toEqual(['kupang-2026']);
    expect(dashboard).toMatchObject({
      programId: 'kupang-2026',
      budget: 1_000_000,
      quota: 14,
      enrolled: 2,
    });
    expect(dashboard.months).toEqual([
      {
        month: '2026-01',
        workers: 2,
        committed: 33_600,
        billed: 33_600,
        received: 33_600,
        paid: 33_600,
        committedToDate: 33_600,
        receivedToDate: 33_600,
        paidToDate: 33_600,
      },
      {
        month: '2026-02',
        workers: 2,
        committed: 33_600,
        billed: 33_600,
        received: 20_000,
        paid: 16_800,
        committedToDate: 67_200,
        receivedToDate: 53_600,
        paidToDate: 50_400,
      },
      {
        month: '2026-03',
        workers: 2,
        committed: 33_600,
        billed: 0,
        received: 0,
        paid: 0,
        committedToDate: 100_800,
        receivedToDate: 53_600,
        paidToDate: 50_400,
      },
      {
        month: '2026-04',
        workers: 2,
        committed: 33_600,
        billed: 0,
        received: 0,
        paid: 0,
        committedToDate: 134_400,
        receivedToDate: 53_600,
        paidToDate: 50_400,
      },
    ]);
  });

  it('does not show an operator a program they do not operate', async () => {
    const reader = new ProgramDashboardReader(database.dataSource);

    await expect(reader.dashboard(otherOperator, 'kupang-2026')).rejects.toMatchObject({
      status: 404,
    });
    const own = await reader.dashboard(otherOperator, undefined);
    expect(own.programId).toBe('sikka-2026');
    expect(own.months).toHaveLength(12);
    expect(own.months.every((month) => month.workers === 0 && month.committed === 0)).toBe(true);
  });

  it('lists every program for finance', async () => {
    const dashboard = await new ProgramDashboardReader(database.dataSource).dashboard(
      finance,
      'sikka-2026',
    );

    expect(dashboard.programs.map((p) => p.programId).sort()).toEqual([
      'kupang-2026',
      'sikka-2026',
    ]);
    expect(dashboard.programId).toBe('sikka-2026');
  });
});
