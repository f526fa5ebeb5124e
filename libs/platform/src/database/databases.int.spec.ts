import { Client } from 'pg';
import { createTestDatabase, testDatabaseServerUrl, type TestDatabase } from '@santunan/testing';
import { databaseUrl, ensureDatabase } from './databases';

describe('PostgreSQL databases against the real server', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('databases');
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes a row and reads it back', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        'create table probe (id bigserial primary key, amount bigint not null, note text)',
      );
      await client.query('insert into probe (amount, note) values ($1, $2)', [
        '70000000',
        'JKK death at Rp1,000,000',
      ]);
      const { rows } = await client.query<{ amount: string; note: string }>(
        'select amount, note from probe',
      );
      expect(rows).toEqual([{ amount: '70000000', note: 'JKK death at Rp1,000,000' }]);
    } finally {
      await client.end();
    }
  });

  it('ensureDatabase is idempotent and concurrent-safe', async () => {
    const server = testDatabaseServerUrl();
    const name = `${database.name.slice(0, 55)}_x`;
    const urls = await Promise.all([ensureDatabase(server, name), ensureDatabase(server, name)]);
    expect(urls).toEqual([databaseUrl(server, name), databaseUrl(server, name)]);
    const client = new Client({ connectionString: urls[0] });
    await client.connect();
    await client.end();
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database "${name}"`);
    await admin.end();
  });

  it('refuses names that could inject SQL', async () => {
    await expect(
      ensureDatabase(testDatabaseServerUrl(), 'x"; drop database postgres; --'),
    ).rejects.toThrow(/unsafe database name/);
  });
});
