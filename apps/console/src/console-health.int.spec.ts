// The console's readiness with its real dependencies: its session store on PostgreSQL and
// Keycloak's santunan realm as the identity provider (ADR 0030).
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, eventually, testKeycloak, type TestDatabase } from '@santunan/testing';
import type { Pool } from 'pg';
import request from 'supertest';
import { createConsoleApp } from './console-app';
import { openConsoleDatabase } from './database/console-database';
import { consoleTestConfig } from './testing/console-test-config';

describe('console health with its identity provider up', () => {
  let database: TestDatabase;
  let pool: Pool;
  let app: INestApplication;

  beforeAll(async () => {
    const keycloak = await testKeycloak();
    database = await createTestDatabase('console_health');
    pool = await openConsoleDatabase(database.url);
    const nowhere = 'http://127.0.0.1:9';
    const config = consoleTestConfig({
      databaseUrl: database.url,
      services: { enrollment: nowhere, contributions: nowhere, claims: nowhere, payouts: nowhere },
    });
    app = await createConsoleApp(
      { ...config, oidc: { ...config.oidc, issuerUrl: keycloak.issuer() } },
      pool,
      { logger: false },
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await database?.drop();
  });

  it('is ready (200) with its session store and identity provider up, without signing in', async () => {
    const response = await eventually(
      () =>
        request(app.getHttpServer() as Parameters<typeof request>[0])
          .get('/health/ready')
          .expect(200),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    expect(response.body).toEqual({
      status: 'ok',
      checks: { sessionStore: { status: 'up' }, identityProvider: { status: 'up' } },
    });
  });
});
