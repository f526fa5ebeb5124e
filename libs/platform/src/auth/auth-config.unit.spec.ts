import { authConfig, authConfigFromEnvironment, jwksAuthConfig } from './auth-config';

const ISSUER = 'http://127.0.0.1:8180/realms/santunan';

describe('auth configuration from the environment', () => {
  it('verifies Keycloak tokens by default: JWKS at the realm certs endpoint, audience santunan-api', () => {
    expect(authConfigFromEnvironment({ AUTH_ISSUER_URL: ISSUER })).toEqual({
      mode: 'jwks',
      issuer: ISSUER,
      jwksUrl: `${ISSUER}/protocol/openid-connect/certs`,
      audience: 'santunan-api',
      clockToleranceSeconds: 30,
    });
  });

  it('takes the JWKS URL, audience and clock tolerance when given', () => {
    expect(
      authConfigFromEnvironment({
        AUTH_MODE: 'JWKS',
        AUTH_ISSUER_URL: `${ISSUER}/`,
        AUTH_JWKS_URL: 'http://keycloak:8080/realms/santunan/protocol/openid-connect/certs',
        AUTH_JWT_AUDIENCE: 'other-api',
        AUTH_CLOCK_TOLERANCE_SECONDS: '0',
      }),
    ).toEqual({
      mode: 'jwks',
      // Compared with `iss` verbatim, so not normalised.
      issuer: `${ISSUER}/`,
      jwksUrl: 'http://keycloak:8080/realms/santunan/protocol/openid-connect/certs',
      audience: 'other-api',
      clockToleranceSeconds: 0,
    });
  });

  it('needs an issuer in JWKS mode, and does not fall back to a shared secret', () => {
    expect(() =>
      authConfigFromEnvironment({ AUTH_JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256' }),
    ).toThrow(/AUTH_ISSUER_URL is not set/);
    expect(() => authConfigFromEnvironment({ AUTH_ISSUER_URL: 'keycloak/realms/x' })).toThrow(
      /not a URL/,
    );
    expect(() =>
      authConfigFromEnvironment({ AUTH_ISSUER_URL: 'ftp://127.0.0.1/realms/santunan' }),
    ).toThrow(/http\(s\) URL/);
  });

  it('uses a shared secret only when AUTH_MODE=hs256 says so', () => {
    const secret = 'a-secret-that-is-long-enough-for-hs256';
    expect(authConfigFromEnvironment({ AUTH_MODE: 'hs256', AUTH_JWT_SECRET: secret })).toEqual({
      mode: 'hs256',
      secret,
      issuer: 'santunan',
      audience: 'santunan-api',
      clockToleranceSeconds: 30,
    });
    expect(
      authConfigFromEnvironment({
        AUTH_MODE: 'hs256',
        AUTH_JWT_SECRET: secret,
        AUTH_JWT_ISSUER: 'offline',
        AUTH_CLOCK_TOLERANCE_SECONDS: '5',
      }),
    ).toMatchObject({ issuer: 'offline', clockToleranceSeconds: 5 });
    expect(() => authConfigFromEnvironment({ AUTH_MODE: 'hs256' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() =>
      authConfigFromEnvironment({ AUTH_MODE: 'hs256', AUTH_JWT_SECRET: 'short' }),
    ).toThrow(/at least 32 characters/);
  });

  it('refuses an unknown mode and a clock tolerance that is not whole seconds', () => {
    expect(() => authConfigFromEnvironment({ AUTH_MODE: 'none', AUTH_ISSUER_URL: ISSUER })).toThrow(
      /AUTH_MODE must be jwks or hs256/,
    );
    for (const tolerance of ['-1', '1.5', 'soon'])
      expect(() =>
        authConfigFromEnvironment({
          AUTH_ISSUER_URL: ISSUER,
          AUTH_CLOCK_TOLERANCE_SECONDS: tolerance,
        }),
      ).toThrow(/AUTH_CLOCK_TOLERANCE_SECONDS/);
  });

  it('keeps authConfig({ secret }) meaning HS256 in code', () => {
    expect(authConfig({ secret: 'x'.repeat(32) }).mode).toBe('hs256');
    expect(jwksAuthConfig({ issuer: ISSUER }).mode).toBe('jwks');
  });
});
