import { Client } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@santunan/testing';
import { SessionLeaderLock } from './session-leader-lock';

// Replicas of contributions elect one scheduler (and one leader per store subscription) this
// way (ADR 0027): exactly one holds the lock, and when the holder's session dies — its process
// killed, its connection cut — another takes over and the old holder no longer believes it leads.
describe('SessionLeaderLock: one leader among replicas, a takeover when the leader dies', () => {
  let database: TestDatabase;
  let probe: Client;
  const locks: SessionLeaderLock[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('leader_lock');
    probe = new Client({ connectionString: database.url });
    await probe.connect();
  });

  afterAll(async () => {
    await Promise.all(locks.map((lock) => lock.release()));
    await probe?.end();
    await database?.drop();
  });

  const lock = (): SessionLeaderLock => {
    const created = new SessionLeaderLock(database.url, 'contributions:scheduler-spec');
    locks.push(created);
    return created;
  };

  it('lets one lead, and another take over once the leader session is gone', async () => {
    const first = lock();
    const second = lock();
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(false);

    // The leader's session ends as a killed process's does (the server drops it).
    const holders = await probe.query<{ pid: number }>(
      `select pid from pg_locks where locktype = 'advisory' and granted and database =
         (select oid from pg_database where datname = current_database())`,
    );
    expect(holders.rows).toHaveLength(1);
    await probe.query('select pg_terminate_backend($1)', [holders.rows[0]?.pid]);

    await eventually(async () => expect(await second.tryAcquire()).toBe(true));
    // The old leader learnt of its lost session: it asks again, and is refused.
    await eventually(() => expect(first.isHeld).toBe(false));
    expect(await first.tryAcquire()).toBe(false);
  });
});
