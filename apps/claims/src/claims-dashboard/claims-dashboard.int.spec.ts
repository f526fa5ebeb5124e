import { PlatformDatabase, SERVICE_DATABASE_MIGRATIONS } from '@santunan/platform';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { ClaimsTables1764300000000 } from '../database/claims-tables.migration';
import { ClaimsDashboardReader } from './claims-dashboard.reader';

interface Claim {
  id: string;
  participant: string;
  program: 'jkk' | 'jkm';
  benefit: string;
  status: string;
  slaState?: string;
  dueDate?: string | null;
  total?: number;
  state?: unknown;
}

describe('The claims dashboard over the work queue read model (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;

  async function participant(id: string, regencyCode: string): Promise<void> {
    await database.dataSource.query(
      `insert into participants (participant_id, full_name, birth_date, regency_code, membership, registered_on)
       values ($1, '"sealed"', '1990-01-01', $2, '{"kind":"self-paying"}', '2026-01-01')`,
      [id, regencyCode],
    );
  }

  async function claim(claim: Claim): Promise<void> {
    await database.dataSource.query(
      `insert into claim_work_queue (claim_id, participant_id, program, benefit_type, status,
          incident_date, submitted_on, submitted_by, documents_complete, missing_documents,
          sla_state, sla_due_date, decided_total, rejection_codes, created_at, updated_at, version, state)
       values ($1, $2, $3, $4, $5, '2026-01-05', '2026-01-06', 'officer', true, '[]', $6, $7, $8,
          '[]', 'x', 'x', 1, $9)`,
      [
        claim.id,
        claim.participant,
        claim.program,
        claim.benefit,
        claim.status,
        claim.slaState ?? 'running',
        claim.dueDate ?? null,
        claim.total ?? null,
        JSON.stringify(claim.state ?? { status: claim.status }),
      ],
    );
  }

  const approved = (approvedOn: string, dueDate: string, workingDays: number) => ({
    status: 'approved',
    decision: { approval: { approvedOn }, sla: { dueDate, workingDays } },
  });

  beforeAll(async () => {
    testDatabase = await createTestDatabase('claims_dashboard');
    database = await new PlatformDatabase({
      url: testDatabase.url,
      migrations: [...SERVICE_DATABASE_MIGRATIONS, ClaimsTables1764300000000],
    }).open();
    await database.migrate();
    await participant('p-kupang', '5371');
    await participant('p-sikka', '5310');
    // Undecided: one overdue, one on time, one paused, one awaiting the checker.
    await claim({
      id: 'c1',
      participant: 'p-kupang',
      program: 'jkm',
      benefit: 'jkm-death',
      status: 'open',
      dueDate: '2026-03-02',
    });
    await claim({
      id: 'c2',
      participant: 'p-sikka',
      program: 'jkm',
      benefit: 'jkm-death',
      status: 'open',
      dueDate: '2026-03-20',
    });
    await claim({
      id: 'c3',
      participant: 'p-sikka',
      program: 'jkk',
      benefit: 'jkk-death',
      status: 'pending-contribution',
      slaState: 'paused',
    });
    await claim({
      id: 'c4',
      participant: 'p-kupang',
      program: 'jkk',
      benefit: 'jkk-death',
      status: 'awaiting-checker',
      dueDate: '2026-03-04',
    });
    // Decided: two approvals in February (one after its due date), a rejection in March.
    await claim({
      id: 'c5',
      participant: 'p-kupang',
      program: 'jkm',
      benefit: 'jkm-death',
      status: 'approved',
      total: 42_000_000,
      state: approved('2026-02-10', '2026-02-12', 3),
    });
    await claim({
      id: 'c6',
      participant: 'p-kupang',
      program: 'jkk',
      benefit: 'jkk-death',
      status: 'approved',
      total: 9_000_000_000_000,
      state: approved('2026-02-20', '2026-02-18', 7),
    });
    await claim({
      id: 'c7',
      participant: 'p-sikka',
      program: 'jkm',
      benefit: 'jkm-death',
      status: 'rejected',
      state: { status: 'rejected', decision: { rejectedOn: '2026-03-01' } },
    });
  });

  afterAll(async () => {
    await database.dataSource.destroy();
    await testDatabase.drop();
  });

  it('counts open claims by benefit and status, and where each stands against its due date', async () => {
    const dashboard = await new ClaimsDashboardReader(database.dataSource).dashboard('2026-03-05');

    expect(dashboard.asOf).toBe('2026-03-05');
    expect(dashboard.openClaims).toEqual([
      { benefitType: 'jkk-death', status: 'awaiting-checker', count: 1 },
      { benefitType: 'jkk-death', status: 'pending-contribution', count: 1 },
      { benefitType: 'jkm-death', status: 'open', count: 2 },
    ]);
    expect(dashboard.openSla).toEqual([
      { program: 'jkk', sla: 'overdue', count: 1 },
      { program: 'jkk', sla: 'paused', count: 1 },
      { program: 'jkm', sla: 'on-time', count: 1 },
      { program: 'jkm', sla: 'overdue', count: 1 },
    ]);
  });

  it('sums decisions by month and kabupaten/kota, and approvals made by their due date', async () => {
    const dashboard = await new ClaimsDashboardReader(database.dataSource).dashboard('2026-03-05');

    expect(dashboard.decided).toEqual([
      {
        month: '2026-02',
        regencyCode: '5371',
        approved: 2,
        rejected: 0,
        approvedAmount: 9_000_042_000_000,
      },
      { month: '2026-03', regencyCode: '5310', approved: 0, rejected: 1, approvedAmount: 0 },
    ]);
    expect(dashboard.decisionSla).toEqual([
      { program: 'jkk', workingDays: [7], approved: 1, approvedByDueDate: 0 },
      { program: 'jkm', workingDays: [3], approved: 1, approvedByDueDate: 1 },
    ]);
  });

  it('is empty for an office without claims', async () => {
    await database.dataSource.query('delete from claim_work_queue');
    const dashboard = await new ClaimsDashboardReader(database.dataSource).dashboard('2026-03-05');

    expect(dashboard).toEqual({
      asOf: '2026-03-05',
      openClaims: [],
      openSla: [],
      decisionSla: [],
      decided: [],
    });
  });
});
