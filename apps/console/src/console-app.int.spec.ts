// The console's HTTP edge on a real PostgreSQL (its session table), without an identity provider:
// public pages, the sign-in redirect, CSRF refusal, security headers and the language cookie.
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import type { Pool } from 'pg';
import request from 'supertest';
import { createConsoleApp } from './console-app';
import { consoleTestConfig } from './testing/console-test-config';
import { SESSION_TABLE, openConsoleDatabase } from './database/console-database';

describe('console HTTP edge', () => {
  let database: TestDatabase;
  let pool: Pool;
  let app: INestApplication;
  const server = () => app.getHttpServer() as Parameters<typeof request>[0];

  beforeAll(async () => {
    database = await createTestDatabase('console_edge');
    pool = await openConsoleDatabase(database.url);
    // Nothing listens at the services either: these tests never get past the console's edge.
    const nowhere = 'http://127.0.0.1:9';
    const config = consoleTestConfig({
      databaseUrl: database.url,
      services: { enrollment: nowhere, contributions: nowhere, claims: nowhere, payouts: nowhere },
    });
    app = await createConsoleApp(config, pool, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await pool.end();
    await database.drop();
  });

  it('creates its session table itself and answers /health/live without signing in', async () => {
    const [table] = (
      await pool.query<{ name: string }>('select to_regclass($1)::text as name', [SESSION_TABLE])
    ).rows;
    expect(table?.name).toBe(SESSION_TABLE);
    await request(server()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is not ready (503 naming identityProvider) while its identity provider does not answer', async () => {
    for (const path of ['/health/ready', '/health']) {
      const response = await request(server())
        .get(path)
        .expect(503)
        .expect('Content-Type', /application\/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'NOT_READY',
        checks: {
          sessionStore: { status: 'up' },
          identityProvider: { status: 'down', reason: expect.any(String) },
        },
      });
      expect(response.text).not.toContain('127.0.0.1');
    }
  });

  it('sends a signed-out visitor to sign in, coming back to the page afterwards', async () => {
    const response = await request(server()).get('/claims?status=open').expect(303);
    expect(response.headers['location']).toBe('/auth/login?returnTo=%2Fclaims%3Fstatus%3Dopen');
    // No session row for an anonymous visit.
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a POST without the session’s CSRF token with a 403 page', async () => {
    const response = await request(server())
      .post('/claims/8d1c0f8e-0000-4000-8000-000000000001/proposal')
      .type('form')
      .send({ nominatedPayeeId: 'x' })
      .expect(403);
    expect(response.text).toContain('<h1>Formulir kedaluwarsa</h1>');
  });

  it('sets a strict Content-Security-Policy and forbids framing', async () => {
    const response = await request(server()).get('/').expect(200);
    const csp = response.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.text).not.toMatch(/<script>|style="/);
    await request(server()).get('/assets/console.css').expect(200);
    await request(server()).get('/assets/htmx.min.js').expect(200);
  });

  it('speaks Bahasa Indonesia until English is chosen with the language link', async () => {
    const home = await request(server()).get('/').expect(200);
    expect(home.text).toContain('<html lang="id">');
    const switched = await request(server()).get('/lang/en?returnTo=%2Fclaims').expect(303);
    expect(switched.headers['location']).toBe('/claims');
    const cookie = String(switched.headers['set-cookie']);
    expect(cookie).toMatch(/^lang=en;.*HttpOnly;.*SameSite=Lax/);
    const english = await request(server()).get('/').set('Cookie', 'lang=en').expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Sign in');
    // Never back to another site.
    const away = await request(server()).get('/lang/en?returnTo=//evil.example').expect(303);
    expect(away.headers['location']).toBe('/');
  });

  it('shows a sign-in failure page when the identity provider cannot be reached', async () => {
    const response = await request(server()).get('/auth/login').expect(502);
    expect(response.text).toContain('Gagal masuk');
  });
});
