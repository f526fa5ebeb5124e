/**
 * Mints an access token for local use (the services verify it with the same AUTH_JWT_SECRET):
 *
 *   npm run -s token -- --sub alice --roles claims-officer,claims-supervisor [--ttl 8h]
 *
 * Without AUTH_JWT_SECRET it signs with the local platform's secret (.local/auth-jwt-secret).
 *
 * Prints only the token, so it composes: `curl -H "Authorization: Bearer $(npm run -s token -- ...)"`.
 * Issuer and audience follow AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE like the services do.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ROLES,
  authConfigFromEnvironment,
  isRole,
  mintAccessToken,
  mintingConfig,
  type Role,
} from '@santunan/platform';
import { localAuthSecret } from '../platform/local-auth-secret';

const USAGE = `usage: mint-token --sub <user id> --roles <role>[,<role>...] [--ttl 8h]
roles: ${ROLES.join(', ')}
signs with AUTH_JWT_SECRET, or the local platform's secret in .local/auth-jwt-secret`;

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

function main(argv: readonly string[]): void {
  const { values } = parseArgs({
    args: [...argv],
    options: {
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
  if (!values.sub || !values.roles) throw new Error('--sub and --roles are required');
  const token = mintAccessToken(
    { subject: values.sub, roles: parseRoles(values.roles), ttl: values.ttl },
    mintingConfig(
      authConfigFromEnvironment({
        ...process.env,
        AUTH_MODE: 'hs256',
        AUTH_JWT_SECRET: localAuthSecret(path.resolve(__dirname, '../..')),
      }),
    ),
  );
  process.stdout.write(`${token}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `mint-token: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exitCode = 1;
}
