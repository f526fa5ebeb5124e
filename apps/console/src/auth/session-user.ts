import { ROLES, type Role } from '@santunan/platform';
import { decodeJwt } from 'jose';

/** Who is signed in. Roles only shape navigation: the services decide what each may do. */
export interface SignedInUser {
  /** The token's `sub`: the actor id the services record and compare (maker ≠ checker). */
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly roles: readonly Role[];
}

/** The tokens kept server-side in the session; the browser only ever holds the session id. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly idToken: string | null;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The user from the access token's claims (`sub`, `name`, `preferred_username`, top-level
 * `roles`). The token came straight from the token endpoint over the back channel, so it is
 * decoded here, not verified; the services verify it on every call.
 */
export function signedInUserFromAccessToken(accessToken: string): SignedInUser {
  const claims = decodeJwt(accessToken);
  const id = text(claims.sub);
  if (id === undefined) throw new Error('the access token has no subject');
  const username = text(claims['preferred_username']) ?? id;
  const roles = Array.isArray(claims['roles'])
    ? (claims['roles'] as unknown[]).filter(
        (role): role is Role => typeof role === 'string' && KNOWN_ROLES.has(role),
      )
    : [];
  return { id, name: text(claims['name']) ?? username, username, roles };
}

export function hasAnyRole(user: SignedInUser, roles: readonly Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
