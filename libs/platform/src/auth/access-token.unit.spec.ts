import jwt from 'jsonwebtoken';
import { AccessTokenError, mintAccessToken, ttlSeconds, verifyAccessToken } from './access-token';
import { authConfig } from './auth-config';

const config = authConfig({ secret: 'a-test-secret-that-is-long-enough-for-hs256' });
const now = () => Math.floor(Date.now() / 1000);

function refusal(token: string): { code: string; reason: string } {
  try {
    verifyAccessToken(token, config);
  } catch (error) {
    if (error instanceof AccessTokenError) return { code: error.code, reason: error.reason };
    throw error;
  }
  throw new Error('the token was accepted');
}

function signed(
  claims: Record<string, unknown>,
  options: jwt.SignOptions = {},
  secret = config.secret,
): string {
  return jwt.sign(claims, secret, {
    algorithm: 'HS256',
    issuer: config.issuer,
    audience: config.audience,
    ...options,
  });
}

describe('access tokens', () => {
  it('turns a minted token into the acting user', () => {
    const token = mintAccessToken(
      { subject: 'alice', roles: ['claims-officer', 'auditor'], ttl: '8h' },
      config,
    );
    expect(verifyAccessToken(token, config)).toEqual({
      id: 'alice',
      kind: 'user',
      roles: ['claims-officer', 'auditor'],
    });
    expect(jwt.decode(token)).toMatchObject({ iss: 'santunan', aud: 'santunan-api', sub: 'alice' });
  });

  it('reports an expired token as expired', () => {
    const issuedAt = new Date(Date.now() - 2 * 3600_000);
    const token = mintAccessToken(
      { subject: 'alice', roles: ['finance'], ttl: '1h' },
      config,
      issuedAt,
    );
    expect(refusal(token)).toEqual({
      code: 'AUTH_TOKEN_EXPIRED',
      reason: expect.stringMatching(/^the token expired at /),
    });
  });

  it.each([
    ['a garbled token', 'not.a.jwt', /jwt malformed|invalid token/],
    [
      'a wrong signature',
      signed(
        { roles: [] },
        { subject: 'a', expiresIn: 60 },
        'another-secret-that-is-long-enough-too',
      ),
      /invalid signature/,
    ],
    [
      'another issuer',
      signed({ roles: [] }, { subject: 'a', expiresIn: 60, issuer: 'elsewhere' }),
      /jwt issuer invalid/,
    ],
    [
      'another audience',
      signed({ roles: [] }, { subject: 'a', expiresIn: 60, audience: 'other-api' }),
      /jwt audience invalid/,
    ],
    ['no expiry', signed({ roles: [] }, { subject: 'a' }), /no expiry/],
    ['no subject', signed({ roles: [], exp: now() + 60 }), /no subject/],
    ['no roles claim', signed({}, { subject: 'a', expiresIn: 60 }), /no roles claim/],
    [
      'an unknown role',
      signed({ roles: ['superuser'] }, { subject: 'a', expiresIn: 60 }),
      /unknown role "superuser"/,
    ],
    [
      'the "none" algorithm',
      jwt.sign(
        { roles: ['admin'], sub: 'a', iss: config.issuer, aud: config.audience, exp: now() + 60 },
        null,
        { algorithm: 'none' },
      ),
      /jwt signature is required|invalid algorithm/,
    ],
  ])('refuses %s as invalid', (_case, token, reason) => {
    const { code, reason: detail } = refusal(token);
    expect(code).toBe('AUTH_TOKEN_INVALID');
    expect(detail).toMatch(reason);
  });

  it('reads lifetimes in seconds, minutes, hours and days, and nothing else', () => {
    expect([ttlSeconds('45s'), ttlSeconds('30m'), ttlSeconds('8h'), ttlSeconds('7d')]).toEqual([
      45, 1800, 28_800, 604_800,
    ]);
    for (const ttl of ['8', '0h', '-1h', '1w', '1.5h'])
      expect(() => ttlSeconds(ttl)).toThrow(/invalid ttl/);
  });

  it('refuses a secret too short for HS256', () => {
    expect(() => authConfig({ secret: 'short' })).toThrow(/at least 32 characters/);
  });
});
