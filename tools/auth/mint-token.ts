/**
 * `npm run -s token`: an access token for scripts against the local platform.
 *
 *   npm run -s token                                       santunan-machine, client credentials
 *   npm run -s token -- --user klaim.maria --password <pw>   a local user (santunan-local-cli,
 *                                                          which only local runs create)
 *   AUTH_MODE=hs256 npm run -s token -- --sub alice --roles claims-officer[,…] [--ttl 8h]
 *                                                          the test/offline mode: signs with
 *                                                          AUTH_JWT_SECRET or .local/auth-jwt-secret
 *
 * Keycloak is AUTH_ISSUER_URL's, else KEYCLOAK_URL's (default http://127.0.0.1:8180) realm
 * santunan; the machine secret is KEYCLOAK_MACHINE_CLIENT_SECRET or the one `npm run platform`
 * generated into .local/keycloak-machine-client-secret.
 *
 * Prints only the token, so it composes: `curl -H "Authorization: Bearer $(npm run -s token)" …`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  MACHINE_CLIENT,
  ROLES,
  authConfigFromEnvironment,
  clientCredentialsToken,
  isRole,
  keycloakIssuer,
  mintAccessToken,
  mintingConfig,
  passwordGrantToken,
  type Role,
} from '@santunan/platform';
import { localAuthSecret, localSecret } from '../platform/local-auth-secret';
import {
  DEFAULT_KEYCLOAK_URL,
  LOCAL_CLI_CLIENT,
  MACHINE_SECRET_FILE,
} from '../platform/local-identity';

const ROOT = path.resolve(__dirname, '../..');

const USAGE = `usage: npm run -s token [-- --user <username> --password <password>]
       AUTH_MODE=hs256 npm run -s token -- --sub <user id> --roles <role>[,<role>...] [--ttl 8h]
without --user: a santunan-machine token (client credentials, the local secret)
roles (hs256): ${ROLES.join(', ')}`;

function parseRoles(list: string): Role[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new Error('--roles needs at least one role');
  return names.map((name) => {
    if (!isRole(name)) throw new Error(`unknown role "${name}"`);
    return name;
  });
}

function issuer(): string {
  return (
    process.env['AUTH_ISSUER_URL'] ||
    keycloakIssuer(process.env['KEYCLOAK_URL'] || DEFAULT_KEYCLOAK_URL)
  );
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      user: { type: 'string' },
      password: { type: 'string' },
      sub: { type: 'string' },
      roles: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let token: string;
  if (process.env['AUTH_MODE']?.trim().toLowerCase() === 'hs256') {
    if (!values.sub || !values.roles) throw new Error('--sub and --roles are required (hs256)');
    token = mintAccessToken(
      { subject: values.sub, roles: parseRoles(values.roles), ttl: values.ttl },
      mintingConfig(
        authConfigFromEnvironment({ ...process.env, AUTH_JWT_SECRET: localAuthSecret(ROOT) }),
      ),
    );
  } else if (values.sub || values.roles) {
    throw new Error('--sub/--roles mint HS256 tokens: only with AUTH_MODE=hs256');
  } else if (values.user !== undefined) {
    if (!values.password) throw new Error('--user needs --password');
    token = (await passwordGrantToken(issuer(), LOCAL_CLI_CLIENT, values.user, values.password))
      .access_token;
  } else {
    const secret =
      process.env['KEYCLOAK_MACHINE_CLIENT_SECRET'] ||
      localSecret(ROOT, MACHINE_SECRET_FILE, undefined, { create: false });
    if (!secret)
      throw new Error(
        `no secret for ${MACHINE_CLIENT}: start the platform once (npm run platform) or set KEYCLOAK_MACHINE_CLIENT_SECRET`,
      );
    token = (await clientCredentialsToken(issuer(), MACHINE_CLIENT, secret)).access_token;
  }
  process.stdout.write(`${token}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `token: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exitCode = 1;
});
