import { randomBytes } from 'node:crypto';
import { passwordGrantToken, type Role } from '@santunan/platform';
import { LOCAL_CLI_CLIENT, type LocalKeycloak } from '../platform/local-identity';
import type { BearerFor } from './http-client';

interface HeldToken {
  readonly header: string;
  readonly renewAt: number;
}

/**
 * The scenario's people as real users of the local Keycloak: each user id becomes a username
 * (created on first use, with this run's password and the user's roles), and every call
 * carries that user's own token. The services then see Keycloak's user ids as actors, so the
 * maker and the checker are different people exactly as the scenario says.
 * Local runs only, like the demo users (tools/platform/local-identity.ts).
 */
export function keycloakBearer(
  keycloak: Pick<LocalKeycloak, 'issuer' | 'admin'>,
  options: {
    /** Every user's password; default one drawn for this run (nobody signs in by hand). */
    readonly password?: string;
    /** The username of a scenario user id; default the id in lower case. */
    readonly usernameOf?: (subject: string) => string;
  } = {},
): BearerFor {
  const password = options.password ?? randomBytes(18).toString('base64url');
  const usernameOf = options.usernameOf ?? ((subject: string) => subject.toLowerCase());
  const held = new Map<string, Promise<HeldToken>>();
  let cliClient: Promise<void> | undefined;

  const ensureCliClient = (): Promise<void> =>
    (cliClient ??= (async () => {
      if (!(await keycloak.admin.clientExists(LOCAL_CLI_CLIENT)))
        await keycloak.admin.createDirectGrantClient(LOCAL_CLI_CLIENT);
    })());

  const ensured = new Map<string, Promise<void>>();
  const ensureUser = (username: string, roles: readonly Role[]): Promise<void> => {
    const key = `${username}|${[...roles].sort().join(',')}`;
    let done = ensured.get(key);
    if (done === undefined) {
      done = keycloak.admin
        .ensureUser({
          username,
          password,
          firstName: username,
          lastName: 'skenario',
          // Keycloak's user profile wants an email, or the account is "not fully set up".
          email: `${username}@skenario.santunan.invalid`,
          roles,
        })
        .then(() => undefined);
      ensured.set(key, done);
    }
    return done;
  };

  const fetchToken = async (username: string, roles: readonly Role[]): Promise<HeldToken> => {
    await ensureCliClient();
    await ensureUser(username, roles);
    const token = await passwordGrantToken(keycloak.issuer, LOCAL_CLI_CLIENT, username, password);
    // Renewed a minute before it expires, so a slow call never carries an expired token.
    return {
      header: `Bearer ${token.access_token}`,
      renewAt: Date.now() + Math.max(10, token.expires_in - 60) * 1000,
    };
  };

  return async (roles, subject) => {
    const username = usernameOf(subject);
    const key = `${username}|${[...roles].sort().join(',')}`;
    let current = held.get(key);
    if (current !== undefined) {
      const token = await current.catch(() => undefined);
      if (token !== undefined && Date.now() < token.renewAt) return token.header;
    }
    current = fetchToken(username, roles);
    held.set(key, current);
    return (await current).header;
  };
}
