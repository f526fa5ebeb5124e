import { ProblemException } from '../http/problem.exception';
import type { AccessTokenError } from './access-token';
import type { Role } from './roles';

const REALM = 'Bearer realm="santunan"';

export function tokenMissing(): ProblemException {
  return new ProblemException(
    401,
    'AUTH_TOKEN_MISSING',
    'Authentication required',
    'Send an access token as "Authorization: Bearer <token>".',
    {},
    { headers: { 'WWW-Authenticate': REALM } },
  );
}

export function tokenRefused(error: AccessTokenError): ProblemException {
  return new ProblemException(
    401,
    error.code,
    error.code === 'AUTH_TOKEN_EXPIRED' ? 'Access token expired' : 'Access token invalid',
    error.reason,
    {},
    // RFC 6750 §3: tell the client what was wrong with the token it sent.
    { headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` } },
  );
}

export function roleForbidden(required: readonly Role[]): ProblemException {
  return new ProblemException(
    403,
    'AUTH_FORBIDDEN_ROLE',
    'Role not permitted',
    `This operation needs one of the roles: ${required.join(', ')}.`,
    { requiredRoles: required },
  );
}

/** The identity provider's keys could not be fetched: a 503 the client may retry. */
export function signingKeysUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'AUTH_KEYS_UNAVAILABLE',
    'Token verification unavailable',
    "The identity provider's signing keys could not be fetched; try again shortly.",
    {},
    { headers: { 'Retry-After': '5' } },
  );
}
