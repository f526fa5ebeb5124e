import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ProblemDetailsModule } from '../http/problem-details.module';
import { mintAccessToken } from './access-token';
import { authConfig } from './auth-config';
import { AuthModule } from './auth.module';
import type { Role } from './roles';
import { ClaimsProbeController } from './testing/claims-probe.controller';

describe('AuthGuard in a NestJS app', () => {
  const config = authConfig({ secret: 'an-integration-test-secret-of-enough-length' });
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ProblemDetailsModule, AuthModule.forRoot(config)],
      controllers: [ClaimsProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const token = (roles: Role[], issuedAt?: Date) =>
    mintAccessToken({ subject: 'alice', roles, ttl: '1h' }, config, issuedAt);
  const get = (path: string, authorization?: string) => {
    const call = request(app.getHttpServer() as Parameters<typeof request>[0]).get(path);
    return authorization === undefined ? call : call.set('Authorization', authorization);
  };

  it.each([
    ['no token', undefined, 'AUTH_TOKEN_MISSING'],
    ['another scheme', 'Basic YWxpY2U6c2VjcmV0', 'AUTH_TOKEN_MISSING'],
    ['a malformed token', 'Bearer not-a-token', 'AUTH_TOKEN_INVALID'],
    [
      'a token signed with another key',
      `Bearer ${mintAccessToken({ subject: 'alice', roles: ['claims-officer'], ttl: '1h' }, authConfig({ secret: 'x'.repeat(40) }))}`,
      'AUTH_TOKEN_INVALID',
    ],
  ])('answers %s with 401 problem details', async (_case, authorization, code) => {
    const response = await get('/claims/pending', authorization)
      .expect(401)
      .expect('Content-Type', /^application\/problem\+json/)
      .expect('WWW-Authenticate', /^Bearer realm="santunan"/);
    expect(response.body).toEqual({
      type: `urn:santunan:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: expect.any(String),
      status: 401,
      detail: expect.any(String),
      code,
      instance: '/claims/pending',
    });
  });

  it('answers an expired token with 401 AUTH_TOKEN_EXPIRED', async () => {
    const expired = token(['claims-officer'], new Date(Date.now() - 2 * 3600_000));
    const response = await get('/claims/pending', `Bearer ${expired}`).expect(401);
    expect(response.body).toMatchObject({ code: 'AUTH_TOKEN_EXPIRED', status: 401 });
  });

  it.each([[['finance']], [['admin']]] as Array<[Role[]]>)(
    'answers a valid token without a permitted role (%j) with 403 AUTH_FORBIDDEN_ROLE',
    async (roles) => {
      const response = await get('/claims/pending', `Bearer ${token(roles)}`)
        .expect(403)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(response.body).toEqual({
        type: 'urn:santunan:problem:auth-forbidden-role',
        title: 'Role not permitted',
        status: 403,
        detail: 'This operation needs one of the roles: claims-officer, claims-supervisor.',
        code: 'AUTH_FORBIDDEN_ROLE',
        instance: '/claims/pending',
        requiredRoles: ['claims-officer', 'claims-supervisor'],
      });
    },
  );

  it('lets a permitted role through and hands the handler the acting user', async () => {
    const response = await get('/claims/pending', `Bearer ${token(['claims-supervisor'])}`).expect(
      200,
    );
    expect(response.body).toEqual({
      actedBy: { id: 'alice', kind: 'user', roles: ['claims-supervisor'] },
    });
  });

  it('protects a route without @Roles for any authenticated user, and leaves @Public routes open', async () => {
    await get('/me').expect(401);
    expect((await get('/me', `Bearer ${token(['auditor'])}`).expect(200)).body).toEqual({
      id: 'alice',
      kind: 'user',
      roles: ['auditor'],
    });
    await get('/health').expect(200, { ok: true });
  });
});
