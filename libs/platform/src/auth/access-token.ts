import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Actor } from '../event-store/envelope';
import type { AuthConfig, Hs256AuthConfig } from './auth-config';
import { isRole, type Role } from './roles';

export type AccessTokenErrorCode = 'AUTH_TOKEN_INVALID' | 'AUTH_TOKEN_EXPIRED';

/** Why a presented token was refused; the reason is safe to show to the caller. */
export class AccessTokenError extends Error {
  constructor(
    readonly code: AccessTokenErrorCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'AccessTokenError';
  }
}

/**
 * HS256 (the test/offline mode): verifies signature, algorithm, issuer, audience and expiry,
 * then the claims we rely on. Tokens from the identity provider go through
 * `accessTokenVerifier` (access-token-verifier.ts), which also covers this mode.
 */
export function verifyAccessToken(token: string, config: Hs256AuthConfig): Actor {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKeyOf(config.secret), {
      // Pinned: never let the token's own header choose the algorithm (alg=none, key confusion).
      algorithms: ['HS256'],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: config.clockToleranceSeconds,
    });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw new AccessTokenError(
        'AUTH_TOKEN_EXPIRED',
        `the token expired at ${error.expiredAt.toISOString()}`,
      );
    }
    const reason = error instanceof Error ? error.message : 'unreadable token';
    throw new AccessTokenError('AUTH_TOKEN_INVALID', `the token was refused: ${reason}`);
  }
  return actorFromClaims(payload);
}

const secretKeys = new Map<string, KeyObject>();

/**
 * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries it as a
 * public key on every call and builds the secret key only after that throws (~3 ms a request,
 * the largest cost of an approval's HTTP path at 50/s). Same key, same checks.
 */
function secretKeyOf(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (key === undefined) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

function actorFromClaims(payload: string | jwt.JwtPayload): Actor {
  if (typeof payload === 'string') throw invalid('the token carries no claims object');
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '')
    throw invalid('the token has no subject (sub)');
  // jsonwebtoken accepts tokens without exp; a token that never expires is not accepted here.
  if (typeof payload.exp !== 'number') throw invalid('the token has no expiry (exp)');
  return { id: payload.sub, kind: 'user', roles: rolesFrom(payload['roles']) };
}

function rolesFrom(claim: unknown): Role[] {
  if (!Array.isArray(claim)) throw invalid('the token has no roles claim (an array of role names)');
  return claim.map((role) => {
    if (typeof role !== 'string' || !isRole(role))
      throw invalid(`unknown role ${JSON.stringify(role)}`);
    return role;
  });
}

export function invalid(reason: string): AccessTokenError {
  return new AccessTokenError('AUTH_TOKEN_INVALID', reason);
}

/** The HS256 settings to mint with; in JWKS mode only the identity provider issues tokens. */
export function mintingConfig(config: AuthConfig): Hs256AuthConfig {
  if (config.mode !== 'hs256')
    throw new Error(
      'tokens can be minted only in AUTH_MODE=hs256; in jwks mode get one from the identity provider (npm run -s token)',
    );
  return config;
}

export interface AccessTokenClaims {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Lifetime such as `45s`, `30m`, `8h`, `7d`. */
  readonly ttl: string;
}

/**
 * Issues a token the services accept in HS256 mode: for tests and offline use, not an
 * identity provider (in JWKS mode only Keycloak issues tokens).
 */
export function mintAccessToken(
  claims: AccessTokenClaims,
  config: Hs256AuthConfig,
  issuedAt: Date = new Date(),
): string {
  if (claims.subject.trim() === '') throw new Error('a token needs a subject');
  return jwt.sign(
    { roles: [...claims.roles], iat: Math.floor(issuedAt.getTime() / 1000) },
    config.secret,
    {
      algorithm: 'HS256',
      subject: claims.subject,
      issuer: config.issuer,
      audience: config.audience,
      // Relative to iat, so a past issuedAt yields an already expired token.
      expiresIn: ttlSeconds(claims.ttl),
    },
  );
}

const TTL_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function ttlSeconds(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl.trim());
  const unit = match?.[2] === undefined ? undefined : TTL_UNITS[match[2]];
  if (!match?.[1] || unit === undefined || Number(match[1]) === 0) {
    throw new Error(`invalid ttl "${ttl}": use a positive number with s, m, h or d (e.g. 8h)`);
  }
  return Number(match[1]) * unit;
}
