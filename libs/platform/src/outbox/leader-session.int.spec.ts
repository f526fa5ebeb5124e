import { Client } from 'pg';
import { testDatabaseServerUrl } from '@santunan/testing';
import { PlatformDatabase } from '../database/platform-database';
import { LEADER_SESSION_OPTIONS } from './leader-session';

describe('a leader session (advisory lock holder) probes its peer within a minute', () => {
  it('runs with short server-side TCP keepalives', async () => {
    const client = new Client({
      connectionString: testDatabaseServerUrl(),
      options: LEADER_SESSION_OPTIONS,
    });
    await client.connect();
    try {
      const show = async (setting: string): Promise<string | undefined> =>
        (await client.query<Record<string, string>>(`show ${setting}`)).rows[0]?.[setting];
      // Over TCP (a Unix socket has no keepalive and shows 0).
      expect(await show('tcp_keepalives_idle')).toBe('30');
      expect(await show('tcp_keepalives_interval')).toBe('10');
      expect(await show('tcp_keepalives_count')).toBe('3');
    } finally {
      await client.end();
    }
  });
});

describe("a service's pooled connections", () => {
  it('run with the same keepalives (a pooled session may hold a job lock) and without JIT', async () => {
    const database = await new PlatformDatabase({
      url: testDatabaseServerUrl(),
      poolSize: 1,
    }).open();
    try {
      const show = async (setting: string): Promise<string | undefined> => {
        const rows: Record<string, string>[] = await database.dataSource.query(`show ${setting}`);
        return rows[0]?.[setting];
      };
      expect(await show('tcp_keepalives_idle')).toBe('30');
      expect(await show('tcp_keepalives_count')).toBe('3');
      expect(await show('jit')).toBe('off');
    } finally {
      await database.close();
    }
  });
});
