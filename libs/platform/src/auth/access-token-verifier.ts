import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '../event-store/envelope';
import { AccessTokenError, invalid, verifyAccessToken } from './access-token';
import type { AuthConfig, JwksAuthConfig } from './auth-config';
import { isRole, type Role } from './roles';

/** Turns a bearer token into the acting user, or throws `AccessTokenError` (a 401). */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Actor>;
}

/**
 * The identity provider's key set could not be fetched: not the caller's fault, so not a 401
 * (the guard answers 503 and the client may retry).
 */
export class SigningKeysUnavailableError extends Error {
  constructor(
    readonly jwksUrl: string,
    cause: unknown,
  ) {
    super(
      `the signing keys at ${jwksUrl} could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'SigningKeysUnavailableError';
  }
}

// Pinned: the token's header never chooses the algorithm; both are asymmetric, so a key from
// the key set can never be misused as an HMAC secret (key confusion).
export const JWKS_ALGORITHMS = ['RS256', 'ES256'] as const;

/** One verifier per service: the JWKS keys are fetched once and cached across requests. */
export function accessTokenVerifier(config: AuthConfig): AccessTokenVerifier {
  if (config.mode === 'hs256') {
    return { verify: (token) => Promise.resolve(verifyAccessToken(token, config)) };
  }
  const keys = signingKeys(config);
  return { verify: (token) => verifyWithKeySet(token, config, keys) };
}

function signingKeys(config: JwksAuthConfig): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(config.jwksUrl), {
    timeoutDuration: 5_000,
    // After a key rotation an unknown kid refetches the set, at most every 30 s.
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // No key for this kid (another issuer's token, a forged kid) is the token's fault.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      )
        throw error;
      throw new SigningKeysUnavailableError(config.jwksUrl, error);
    }
  };
}

async function verifyWithKeySet(
  token: string,
  config: JwksAuthConfig,
  keys: JWTVerifyGetKey,
): Promise<Actor> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: [...JWKS_ALGORITHMS],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: config.clockToleranceSeconds,
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    if (error instanceof SigningKeysUnavailableError) throw error;
    if (error instanceof errors.JWTExpired) {
      const exp = error.payload.exp;
      const when = typeof exp === 'number' ? new Date(exp * 1000).toISOString() : 'its exp';
      throw new AccessTokenError('AUTH_TOKEN_EXPIRED', `the token expired at ${when}`);
    }
    throw new AccessTokenError('AUTH_TOKEN_INVALID', `the token was refused: ${refusal(error)}`);
  }
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '')
    throw invalid('the token has no subject (sub)');
  return { id: payload.sub, kind: 'user', roles: santunanRoles(payload['roles']) };
}

/** What the caller may read about why: jose's messages name the failed check, not the key. */
function refusal(error: unknown): string {
  if (error instanceof errors.JWKSNoMatchingKey) return 'no signing key of the issuer matches';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return `the algorithm is not allowed (only ${JWKS_ALGORITHMS.join(', ')})`;
  if (error instanceof errors.JOSEError) return error.message;
  return 'unreadable token';
}

/**
 * Keycloak adds roles of its own (`default-roles-santunan`, `offline_access`, …): only
 * santunan's roles count, and a user without any is authenticated with none (routes with
 * `@Roles` refuse them with 403). A roles claim that is not an array is refused.
 */
function santunanRoles(claim: unknown): Role[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim)) throw invalid('the roles claim is not an array of role names');
  return [
    ...new Set(claim.filter((role): role is Role => typeof role === 'string' && isRole(role))),
  ];
}
