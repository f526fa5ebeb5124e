import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { testKeycloak, testRunId, type TestKeycloak } from '@santunan/testing';
import { ProblemDetailsModule } from '../http/problem-details.module';
import { passwordGrantToken, santunanProtocolMappers } from '../identity/keycloak-admin';
import { mintAccessToken } from './access-token';
import { authConfig, jwksAuthConfig } from './auth-config';
import { AuthModule } from './auth.module';
import { ClaimsProbeController } from './testing/claims-probe.controller';

// Real Keycloak, real tokens: the services' side of ADR 0017.
describe('a service verifying Keycloak access tokens (JWKS)', () => {
  const tag = `t-${testRunId()}-${randomBytes(3).toString('hex')}`.toLowerCase();
  const foreignRealm = `${tag}-foreign`;
  const clients = {
    officer: `${tag}-officer`,
    noRoles: `${tag}-no-roles`,
    noAudience: `${tag}-no-audience`,
    shortLived: `${tag}-short-lived`,
    directGrant: `${tag}-cli`,
  };
  const secrets: Record<string, string> = {};
  let keycloak: TestKeycloak;
  let app: INestApplication;
  let userId: string | undefined;

  beforeAll(async () => {
    keycloak = await testKeycloak();
    const admin = keycloak.admin;
    for (const [name, options] of [
      ['officer', { roles: ['claims-officer', 'auditor'] }],
      ['noRoles', { roles: [] }],
      ['noAudience', { roles: ['claims-officer'], santunanAudience: false }],
      ['shortLived', { roles: ['claims-officer'], accessTokenLifespanSeconds: 2 }],
    ] as const) {
      const clientId = clients[name];
      secrets[name] = (await admin.createServiceAccountClient({ clientId, ...options })).secret;
    }
    // Another issuer on the same server: its own keys, the same role names and mappers.
    await admin.createRealm({
      realm: foreignRealm,
      roles: { realm: [{ name: 'claims-officer' }] },
      clients: [
        {
          clientId: 'intruder',
          publicClient: false,
          secret: 'a-foreign-secret-of-enough-length-for-keycloak',
          serviceAccountsEnabled: true,
          standardFlowEnabled: false,
          protocolMappers: santunanProtocolMappers(),
        },
      ],
    });
    await admin.addServiceAccountRoles('intruder', ['claims-officer'], foreignRealm);
    await admin.createDirectGrantClient(clients.directGrant);

    const moduleRef = await Test.createTestingModule({
      imports: [
        ProblemDetailsModule,
        // No clock tolerance, so an expired token is refused as soon as its exp has passed.
        AuthModule.forRoot(jwksAuthConfig({ issuer: keycloak.issuer(), clockToleranceSeconds: 0 })),
      ],
      controllers: [ClaimsProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  }, 400_000);

  afterAll(async () => {
    await app?.close();
    if (keycloak === undefined) return;
    const admin = keycloak.admin;
    for (const clientId of Object.values(clients))
      await admin.deleteClient(clientId).catch(() => undefined);
    if (userId !== undefined) await admin.deleteUser(userId);
    await admin.deleteRealm(foreignRealm);
  }, 300_000);

  const get = (path: string, token: string) =>
    request(app.getHttpServer() as Parameters<typeof request>[0])
      .get(path)
      .set('Authorization', `Bearer ${token}`);
  const machineToken = async (name: keyof typeof secrets): Promise<string> =>
    (
      await keycloak.admin.clientCredentialsToken(
        clients[name as keyof typeof clients],
        secrets[name]!,
      )
    ).access_token;

  async function expectRefused(token: string, code: string, detail: RegExp): Promise<void> {
    const response = await get('/claims/pending', token)
      .expect(401)
      .expect('Content-Type', /^application\/problem\+json/)
      .expect('WWW-Authenticate', 'Bearer realm="santunan", error="invalid_token"');
    expect(response.body).toEqual({
      type: `urn:santunan:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: expect.any(String),
      status: 401,
      detail: expect.stringMatching(detail),
      code,
      instance: '/claims/pending',
    });
  }

  it('accepts an RS256 token from the santunan realm and sees its santunan roles only', async () => {
    const token = await machineToken('officer');
    const claims = decodeJwt(token);
    // Keycloak adds roles of its own (default-roles-santunan, offline_access, …).
    expect(claims['roles']).toEqual(expect.arrayContaining(['claims-officer', 'auditor']));
    expect((claims['roles'] as string[]).length).toBeGreaterThan(2);
    const response = await get('/claims/pending', token).expect(200);
    expect(response.body).toEqual({
      actedBy: { id: claims.sub, kind: 'user', roles: ['claims-officer', 'auditor'] },
    });
  });

  it('accepts a person created through the admin client, with their id and roles', async () => {
    const password = randomBytes(12).toString('base64url');
    const username = `${tag}-maria`;
    ({ id: userId } = await keycloak.admin.createUser({
      username,
      password,
      firstName: 'Maria',
      lastName: 'Ndun',
      email: `${username}@example.test`,
      roles: ['claims-supervisor'],
    }));
    const token = (
      await passwordGrantToken(keycloak.issuer(), clients.directGrant, username, password)
    ).access_token;
    expect((await get('/me', token).expect(200)).body).toEqual({
      id: userId,
      kind: 'user',
      roles: ['claims-supervisor'],
    });
  });

  it('authenticates a token with no santunan role, and a role check answers 403 AUTH_FORBIDDEN_ROLE', async () => {
    const token = await machineToken('noRoles');
    expect((await get('/me', token).expect(200)).body).toMatchObject({ roles: [] });
    const response = await get('/claims/pending', token)
      .expect(403)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({
      code: 'AUTH_FORBIDDEN_ROLE',
      status: 403,
      requiredRoles: ['claims-officer', 'claims-supervisor'],
    });
  });

  it('refuses an HS256 token, however well-formed, with 401 AUTH_TOKEN_INVALID', async () => {
    const hs256 = mintAccessToken(
      { subject: 'forger', roles: ['claims-officer'], ttl: '1h' },
      authConfig({
        secret: 'a-shared-secret-that-jwks-mode-never-accepts',
        issuer: keycloak.issuer(),
        audience: 'santunan-api',
      }),
    );
    await expectRefused(hs256, 'AUTH_TOKEN_INVALID', /algorithm is not allowed/);
  });

  it('refuses an RS256 token of another issuer (another realm) with 401 AUTH_TOKEN_INVALID', async () => {
    const foreign = (
      await keycloak.admin.clientCredentialsToken(
        'intruder',
        'a-foreign-secret-of-enough-length-for-keycloak',
        foreignRealm,
      )
    ).access_token;
    // Everything right but the issuer (and so the signing key).
    const claims = decodeJwt(foreign);
    expect(claims).toMatchObject({
      iss: keycloak.issuer(foreignRealm),
      roles: expect.arrayContaining(['claims-officer']),
    });
    expect([claims.aud].flat()).toContain('santunan-api');
    await expectRefused(foreign, 'AUTH_TOKEN_INVALID', /no signing key of the issuer matches/);
  });

  it('refuses a santunan-realm token without the santunan-api audience', async () => {
    const token = await machineToken('noAudience');
    expect(decodeJwt(token).aud ?? []).not.toContain('santunan-api');
    await expectRefused(token, 'AUTH_TOKEN_INVALID', /aud/);
  });

  it('answers 401 AUTH_TOKEN_EXPIRED once a real token has expired', async () => {
    const token = await machineToken('shortLived');
    const { exp } = decodeJwt(token);
    expect(typeof exp).toBe('number');
    // Valid now; asked again until its exp has passed (no sleep sized to this machine).
    await get('/me', token).expect(200);
    const deadline = Date.now() + 60_000;
    let answer = await get('/me', token);
    while (answer.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await get('/me', token);
    }
    expect(Date.now() / 1000).toBeGreaterThanOrEqual(exp!);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({
      code: 'AUTH_TOKEN_EXPIRED',
      detail: `the token expired at ${new Date(exp! * 1000).toISOString()}`,
    });
    expect(answer.headers['www-authenticate']).toBe(
      'Bearer realm="santunan", error="invalid_token"',
    );
  });
});
