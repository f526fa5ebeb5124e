// The administrators' pages' own parts against real components: the access-change record in
// real PostgreSQL (append-only, hash-chained, concurrent appends), and the clock page's client
// against four real service apps running libs/platform's simulation endpoint (ADR 0016).
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  AuthModule,
  ProblemDetailsModule,
  SimulatedClock,
  authConfig,
  mintAccessToken,
  simulationImports,
  systemClock,
  type Role,
} from '@santunan/platform';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { Pool } from 'pg';
import { AdminChangeLog, type AdminChangeRequest } from './admin-change-log';
import { PlatformClocks } from './platform-clock';

const change = (n: number): AdminChangeRequest => ({
  actorId: 'admin-1',
  actorName: 'Hana Riwu',
  actorUsername: 'hana',
  action: n % 2 === 0 ? 'role-revoked' : 'role-granted',
  userId: `user-${n % 3}`,
  username: `person-${n % 3}`,
  role: 'enrollment-officer',
  sourceAddress: '127.0.0.1',
  userAgent: 'Chrome/120',
});

describe('the access-change record in PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  let log: AdminChangeLog;

  beforeAll(async () => {
    database = await createTestDatabase('console_admin_changes');
    pool = new Pool({ connectionString: database.url, max: 6 });
    // Two console processes starting at once: the schema is created once, without error.
    [log] = await Promise.all([AdminChangeLog.prepare(pool), AdminChangeLog.prepare(pool)]);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('chains concurrent appends in one order, each linked to the one before', async () => {
    const recorded = await Promise.all(Array.from({ length: 8 }, (_, n) => log.record(change(n))));
    expect(recorded.map((c) => c.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await log.verify()).toEqual({ intact: true, count: 8 });
    const ofUser = await log.latest({ userId: 'user-1', limit: 2 });
    expect(ofUser.changes.map((c) => c.userId)).toEqual(['user-1', 'user-1']);
    expect(ofUser.more).toBe(true);
    expect(ofUser.changes[0]!.sequence).toBeGreaterThan(ofUser.changes[1]!.sequence);
    const older = await log.latest({ limit: 3, before: 4 });
    expect(older.changes.map((c) => c.sequence)).toEqual([3, 2, 1]);
    expect(older.more).toBe(false);
  });

  it('refuses updates and deletes', async () => {
    await expect(pool.query(`update admin_changes set role = 'admin'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('delete from admin_changes')).rejects.toThrow(/append-only/);
    await expect(pool.query('truncate admin_changes')).rejects.toThrow(/append-only/);
  });

  it('shows where the chain breaks when someone past the trigger rewrites a row', async () => {
    await pool.query('alter table admin_changes disable trigger admin_changes_append_only');
    await pool.query(`update admin_changes set actor_name = 'Someone else' where sequence = 5`);
    await pool.query('alter table admin_changes enable trigger admin_changes_append_only');
    expect(await log.verify()).toEqual({ intact: false, count: 8, brokenAt: 5 });
  });
});

describe("the clock page's client against four services in simulation mode", () => {
  const config = authConfig({ secret: 'an-admin-clock-test-secret-of-enough-length' });
  const token = (roles: Role[]) => mintAccessToken({ subject: 'hana', roles, ttl: '1h' }, config);
  const apps: INestApplication[] = [];
  const start = '2026-03-02T01:00:00.000Z';

  async function serve(clock: SimulatedClock | typeof systemClock): Promise<string> {
    const moduleRef = await Test.createTestingModule({
      imports: [ProblemDetailsModule, AuthModule.forRoot(config), ...simulationImports(clock)],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('reads the one simulated now, moves all four forward, and refuses going back', async () => {
    const clocks = [1, 2, 3, 4].map(() => new SimulatedClock(start));
    const [enrollment, contributions, claims, payouts] = await Promise.all(clocks.map(serve));
    const platform = new PlatformClocks({
      enrollment: enrollment!,
      contributions: contributions!,
      claims: claims!,
      payouts: payouts!,
    });
    const admin = token(['admin']);
    expect(await platform.read(admin)).toMatchObject({ kind: 'simulated', now: start });

    expect(await platform.moveTo(admin, '2026-03-05T02:00:00.000Z')).toEqual({ ok: true });
    expect(clocks.map((clock) => clock.now())).toEqual(Array(4).fill('2026-03-05T02:00:00.000Z'));
    expect(await platform.read(admin)).toMatchObject({ kind: 'simulated', today: '2026-03-05' });

    expect(await platform.moveTo(admin, start)).toMatchObject({
      ok: false,
      reason: 'backwards',
      service: 'enrollment',
    });
    expect(clocks[3]!.now()).toBe('2026-03-05T02:00:00.000Z');

    // Another role: the services refuse, and the page can only show that.
    expect(await platform.read(token(['finance']))).toMatchObject({
      kind: 'read-only',
      reason: 'forbidden',
    });
    expect(await platform.moveTo(token(['finance']), '2026-04-01T00:00:00Z')).toMatchObject({
      ok: false,
      reason: 'refused',
    });
  });

  it('is read-only when a service runs on real time or cannot be reached', async () => {
    const simulated = await serve(new SimulatedClock(start));
    const real = await serve(systemClock);
    const admin = token(['admin']);
    const mixed = new PlatformClocks({
      enrollment: simulated,
      contributions: simulated,
      claims: simulated,
      payouts: real,
    });
    expect(await mixed.read(admin)).toMatchObject({ kind: 'read-only', reason: 'not-simulated' });
    const down = new PlatformClocks({
      enrollment: simulated,
      contributions: simulated,
      claims: 'http://127.0.0.1:9',
      payouts: simulated,
    });
    expect(await down.read(admin)).toMatchObject({ kind: 'read-only', reason: 'unreachable' });
  });
});
