import { randomUUID } from 'node:crypto';
import { PlatformDatabase, SERVICE_DATABASE_MIGRATIONS } from '@santunan/platform';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { EnrollmentTables1764200000000 } from '../database/enrollment-tables.migration';
import { ProgramWorkersReader } from './program-workers.reader';

describe('A sponsor program’s workers by kabupaten/kota (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;

  async function participant(regencyCode: string, membership: object, status = 'active') {
    await database.dataSource.query(
      `insert into participant_view (participant_id, status, nik, full_name, address_line, phone,
          regency_code, birth_date, sex, occupation, membership, income_history, declared_income,
          heirs, children, registered_at, registered_by, updated_at, version)
       values ($1, $2, '"s"', '"s"', '"s"', '"s"', $3, '1990-01-01', 'female', 'farmer', $4, '[]',
          1000000, '[]', '[]', 'x', 'x', 'x', 1)`,
      [randomUUID(), status, regencyCode, JSON.stringify(membership)],
    );
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase('program_workers');
    database = await new PlatformDatabase({
      url: testDatabase.url,
      migrations: [...SERVICE_DATABASE_MIGRATIONS, EnrollmentTables1764200000000],
    }).open();
    await database.migrate();
    const kupang = { kind: 'sponsored', programId: 'kupang-2026' };
    await participant('5371', kupang);
    await participant('5371', kupang);
    await participant('5371', kupang, 'deceased');
    await participant('5310', kupang);
    await participant('5310', { kind: 'sponsored', programId: 'sikka-2026' });
    await participant('5371', { kind: 'self-paying' });
  });

  afterAll(async () => {
    await database.dataSource.destroy();
    await testDatabase.drop();
  });

  it('counts the program’s living and deceased workers per kabupaten/kota, and no one else', async () => {
    const reader = new ProgramWorkersReader(database.dataSource);

    expect(await reader.byRegency('kupang-2026')).toEqual([
      { regencyCode: '5310', active: 1, deceased: 0 },
      { regencyCode: '5371', active: 2, deceased: 1 },
    ]);
    expect(await reader.byRegency('nobody-2026')).toEqual([]);
  });
});
