/**
 * How access tokens are checked (ADR 0017):
 *   - `jwks`: asymmetric tokens (RS256/ES256) from the identity provider (Keycloak), verified
 *     with the public keys it publishes; the mode every deployment runs.
 *   - `hs256`: a shared secret, for tests and offline work only; chosen explicitly.
 */
export type AuthConfig = JwksAuthConfig | Hs256AuthConfig;

interface TokenChecks {
  /** The `iss` every token must carry. */
  readonly issuer: string;
  /** One of the token's `aud` values. */
  readonly audience: string;
  /** Slack for clocks that disagree between the issuer and a service. */
  readonly clockToleranceSeconds: number;
}

export interface JwksAuthConfig extends TokenChecks {
  readonly mode: 'jwks';
  /** Where the issuer publishes its signing keys (a JSON Web Key Set). */
  readonly jwksUrl: string;
}

export interface Hs256AuthConfig extends TokenChecks {
  readonly mode: 'hs256';
  readonly secret: string;
}

export const DEFAULT_ISSUER = 'santunan';
export const DEFAULT_AUDIENCE = 'santunan-api';
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits). */
const MIN_SECRET_LENGTH = 32;

type Hs256Options = Partial<Omit<Hs256AuthConfig, 'mode'>> & Pick<Hs256AuthConfig, 'secret'>;

/** The shared-secret mode (tests, offline): `authConfig({ secret })`. */
export function authConfig(config: Hs256Options): Hs256AuthConfig {
  if (config.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the JWT secret must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  return {
    mode: 'hs256',
    secret: config.secret,
    issuer: config.issuer ?? DEFAULT_ISSUER,
    audience: config.audience ?? DEFAULT_AUDIENCE,
    clockToleranceSeconds: config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
  };
}

type JwksOptions = Partial<Omit<JwksAuthConfig, 'mode'>> & Pick<JwksAuthConfig, 'issuer'>;

/** Keycloak publishes a realm's keys at `<issuer>/protocol/openid-connect/certs`. */
export function keycloakJwksUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/certs`;
}

/** The identity-provider mode: `jwksAuthConfig({ issuer })`. */
export function jwksAuthConfig(config: JwksOptions): JwksAuthConfig {
  const issuer = httpUrl('the issuer', config.issuer);
  const tolerance = config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance < 0)
    throw new Error(`the clock tolerance must be a whole number of seconds ≥ 0, not ${tolerance}`);
  return {
    mode: 'jwks',
    // Compared with `iss` as a string, so kept exactly as the issuer writes it.
    issuer: config.issuer,
    jwksUrl: httpUrl('the JWKS URL', config.jwksUrl ?? keycloakJwksUrl(issuer)),
    audience: config.audience ?? DEFAULT_AUDIENCE,
    clockToleranceSeconds: tolerance,
  };
}

function httpUrl(what: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${what} must be an http(s) URL: ${JSON.stringify(value)}`);
  return value;
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function toleranceFrom(env: NodeJS.ProcessEnv): number | undefined {
  const raw = setting(env, 'AUTH_CLOCK_TOLERANCE_SECONDS');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw))
    throw new Error(`AUTH_CLOCK_TOLERANCE_SECONDS must be whole seconds ≥ 0, not "${raw}"`);
  return Number(raw);
}

/**
 * `AUTH_MODE` = `jwks` (the default): `AUTH_ISSUER_URL` (required), `AUTH_JWKS_URL` (default
 * `<issuer>/protocol/openid-connect/certs`), `AUTH_JWT_AUDIENCE` (default santunan-api).
 * `AUTH_MODE` = `hs256` (explicit only): `AUTH_JWT_SECRET` (required), `AUTH_JWT_ISSUER`
 * (default santunan), `AUTH_JWT_AUDIENCE`. Both: `AUTH_CLOCK_TOLERANCE_SECONDS` (default 30).
 */
export function authConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = setting(env, 'AUTH_MODE')?.toLowerCase() ?? 'jwks';
  const audience = setting(env, 'AUTH_JWT_AUDIENCE');
  const clockToleranceSeconds = toleranceFrom(env);
  if (mode === 'jwks') {
    const issuer = setting(env, 'AUTH_ISSUER_URL');
    if (!issuer)
      throw new Error(
        'AUTH_ISSUER_URL is not set (the identity provider, e.g. http://127.0.0.1:8180/realms/santunan); ' +
          'AUTH_MODE=hs256 with AUTH_JWT_SECRET is the test/offline alternative',
      );
    return jwksAuthConfig({
      issuer,
      jwksUrl: setting(env, 'AUTH_JWKS_URL'),
      audience,
      clockToleranceSeconds,
    });
  }
  if (mode === 'hs256') {
    const secret = setting(env, 'AUTH_JWT_SECRET');
    if (!secret) throw new Error('AUTH_MODE=hs256 needs AUTH_JWT_SECRET');
    return authConfig({
      secret,
      issuer: setting(env, 'AUTH_JWT_ISSUER'),
      audience,
      clockToleranceSeconds,
    });
  }
  throw new Error(`AUTH_MODE must be jwks or hs256, not "${mode}"`);
}
