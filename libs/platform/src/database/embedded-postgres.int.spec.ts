import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@santunan/testing';
import { startEmbeddedPostgres } from './postgres-location';

// The last fallback when no DATABASE_URL and no local server: a real PostgreSQL from npm.
describe('embedded PostgreSQL fallback', () => {
  it('initialises, serves SQL and stops', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'santunan-embedded-pg-'));
    const server = await startEmbeddedPostgres({
      embeddedDataDir: path.join(dataDir, 'data'),
      embeddedPort: await freePort(),
    });
    try {
      expect(server.source).toBe('embedded');
      const client = new Client({ connectionString: server.adminUrl });
      await client.connect();
      const { rows } = await client.query<{ version: string }>(
        'select current_setting($$server_version$$) as version',
      );
      await client.end();
      expect(rows[0]!.version).toMatch(/^15\./);
    } finally {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
