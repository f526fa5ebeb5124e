/**
 * `npm run scenario -- [--small] [--seed N] [--no-audit] [--patience S] [--base-url-enrollment URL] …`
 *
 * Runs the NTT 2026 scenario against the platform `npm run platform` started (default URLs
 * http://127.0.0.1:3001–3004). Its people are users of the platform's local Keycloak
 * (KEYCLOAK_URL, default http://127.0.0.1:8180; created on first use) and act with their own
 * tokens; with AUTH_MODE=hs256 (an offline platform) their tokens are signed with
 * AUTH_JWT_SECRET or .local/auth-jwt-secret instead. Exits non-zero when the platform answers
 * otherwise than the regulation says, or the audit does not verify.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { authConfigFromEnvironment, mintAccessToken, mintingConfig } from '@santunan/platform';
import { localAuthSecret } from '../platform/local-auth-secret';
import { localKeycloak } from '../platform/local-identity';
import { SERVICES } from '../platform/services';
import type { BearerFor, ServiceUrls } from './http-client';
import { keycloakBearer } from './keycloak-bearer';
import { simulatedPlatformClock } from './platform-clock';
import { ScenarioFailed, runNttScenario } from './run-ntt-scenario';

const ROOT = path.resolve(__dirname, '../..');

const USAGE = `usage: npm run scenario -- [--small] [--seed N] [--no-audit] [--patience S]
       [--base-url-enrollment URL] [--base-url-contributions URL]
       [--base-url-claims URL] [--base-url-payouts URL]
  --small   ~200 workers in the same six programs, every kind of claim (under two minutes)
  --patience  seconds to wait for what is eventually consistent (default 300 small, 3 h full:
            bounds for a loaded machine or a drill that breaks a broker, not speed targets)
  default   full size: 50,000 workers for the province and 50,000 for five kabupaten/kota`;

function offlineBearer(): BearerFor {
  const auth = mintingConfig(
    authConfigFromEnvironment({ ...process.env, AUTH_JWT_SECRET: localAuthSecret(ROOT) }),
  );
  return (roles, subject) =>
    `Bearer ${mintAccessToken({ subject, roles: [...roles], ttl: '12h' }, auth)}`;
}

function defaultUrl(name: keyof ServiceUrls): string {
  const port = SERVICES.find((service) => service.name === name)?.port;
  return `http://127.0.0.1:${port}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      small: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'no-audit': { type: 'boolean', default: false },
      patience: { type: 'string' },
      'base-url-enrollment': { type: 'string' },
      'base-url-contributions': { type: 'string' },
      'base-url-claims': { type: 'string' },
      'base-url-payouts': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const urls: ServiceUrls = {
    enrollment: values['base-url-enrollment'] ?? defaultUrl('enrollment'),
    contributions: values['base-url-contributions'] ?? defaultUrl('contributions'),
    claims: values['base-url-claims'] ?? defaultUrl('claims'),
    payouts: values['base-url-payouts'] ?? defaultUrl('payouts'),
  };
  const patience = values.patience === undefined ? undefined : Number(values.patience);
  if (patience !== undefined && !(Number.isSafeInteger(patience) && patience > 0))
    throw new Error('--patience must be a whole number of seconds');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new Error('--seed must be an integer');
  const bearer: BearerFor =
    process.env['AUTH_MODE']?.trim().toLowerCase() === 'hs256'
      ? offlineBearer()
      : keycloakBearer(localKeycloak(ROOT));
  // On a platform in simulation mode the scenario acts on the simulated date, not this machine's.
  const simulated = await simulatedPlatformClock(urls, bearer);
  if (simulated !== null) process.stdout.write(`simulated platform date: ${simulated.today}\n`);
  try {
    await runNttScenario({
      size: values.small ? 'small' : 'full',
      urls,
      seed,
      bearer,
      ...(patience === undefined ? {} : { patienceMs: patience * 1000 }),
      // In simulation mode the scenario can move the clock: the history act plays first.
      ...(simulated === null
        ? {}
        : { today: simulated.today, advanceTo: (instant) => simulated.advanceTo(instant) }),
      audit: values['no-audit'] ? false : {},
    });
    process.stdout.write('\nThe NTT 2026 scenario ran as the regulation says.\n');
    return 0;
  } catch (error) {
    if (error instanceof ScenarioFailed) {
      process.stderr.write(`\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `scenario failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
