// The real platform for the browser tests, in a process of its own (started by global-setup.ts,
// stopped with SIGTERM by global-teardown.ts): the test infrastructure (Kafka, PostgreSQL,
// Keycloak) as the Jest harness provides it, the four services on this run's databases and
// topics verifying Keycloak's tokens through its JWKS, the console signing people in through
// Keycloak, the people who use it, and two JKM death claims lodged by intake. When all is up it
// writes the handle (./handle.ts) to the file named by its first argument.
// With SANTUNAN_SIMULATED_CLOCK_START=<ISO instant> in its environment it runs in simulation
// mode instead (ADR 0016), as `npm run platform -- --simulate-from` does: the services on one
// simulated clock with
// /simulation/clock, the console showing its clock page, an administrator, and no seeded claims:
// the NTT spec plays the scenario on it and writes a SimulationPlatformHandle.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'expect';
import {
  CONSOLE_CLIENT,
  PlatformDatabase,
  SIMULATED_CLOCK_START_VARIABLE,
  clientCredentialsToken,
  jwksAuthConfig,
  type Role,
} from '@santunan/platform';
import { createTestDatabase, freePort, testKeycloak, testRunId } from '@santunan/testing';
import globalSetup from '../../../libs/testing/src/infrastructure/global-setup';
import globalTeardown from '../../../libs/testing/src/infrastructure/global-teardown';
import { createConsoleApp, openConsoleDatabase } from '@santunan/console-service';
import { lodgedJkmDeath, type Worker } from '../../support/jkm-death-flow';
import { startSantunanPlatform, type SantunanPlatform } from '../../support/santunan-platform';
import type {
  BrowserPlatformHandle,
  BrowserUser,
  SeededClaim,
  SimulationPlatformHandle,
} from './handle';

// The shared flows assert with Jest's `expect`; outside Jest the same library stands in.
(globalThis as { expect?: unknown }).expect = expect;

const stops: Array<() => Promise<unknown>> = [];
const log = (line: string): void => void process.stdout.write(`[browser-platform] ${line}\n`);

/** Widows of two fishermen in Kota Kupang; valid NIKs of its kecamatan Oebobo. */
const WORKERS: Readonly<Record<'toApprove' | 'toReject', Worker>> = {
  toApprove: {
    nik: '5371011508900001',
    fullName: 'Yohanes Benu',
    birthDate: '1990-08-15',
    sex: 'male',
    widow: { fullName: 'Maria Bria', birthDate: '1991-03-01' },
    account: { bankCode: '002', accountNumber: '0123456789' },
  },
  toReject: {
    nik: '5371014503920002',
    fullName: 'Agustina Manu',
    birthDate: '1992-03-05',
    sex: 'female',
    widow: { fullName: 'Petrus Lake', birthDate: '1990-01-20' },
    account: { bankCode: '008', accountNumber: '9876543210' },
  },
};

async function main(handleFile: string, simulatedFrom: string | null): Promise<void> {
  await globalSetup();
  stops.push(() => globalTeardown());
  const keycloak = await testKeycloak();
  const run = testRunId().toLowerCase();
  const issuer = keycloak.issuer();
  if (simulatedFrom !== null) return simulation(handleFile, simulatedFrom, keycloak, run);

  // Intake's machine caller: it registers the workers, takes their payments and lodges claims.
  const intakeClient = `browser-intake-${run}`;
  const intake = await keycloak.admin.createServiceAccountClient({
    clientId: intakeClient,
    roles: ['enrollment-officer', 'finance', 'claims-officer'] satisfies Role[],
  });
  stops.push(() => keycloak.admin.deleteClient(intakeClient));
  const intakeToken = (await clientCredentialsToken(issuer, intakeClient, intake.secret))
    .access_token;

  const platform: SantunanPlatform = await startSantunanPlatform({
    label: 'browser',
    auth: { config: jwksAuthConfig({ issuer }), bearer: () => `Bearer ${intakeToken}` },
  });
  stops.push(() => platform.stop());
  log(`services: ${JSON.stringify(platform.urls)}`);

  const users = {
    // A senior officer: she may check others' proposals too, never her own (maker ≠ checker).
    claimsOfficer: await person(keycloak, `ani-${run}`, 'Ani Lestari', [
      'claims-officer',
      'claims-supervisor',
    ]),
    supervisor: await person(keycloak, `budi-${run}`, 'Budi Santoso', ['claims-supervisor']),
    auditor: await person(keycloak, `citra-${run}`, 'Citra Dewi', ['auditor']),
    // The operations console's people (issue 14): the province's operator, an enrollment
    // officer, two finance officers (a reissue needs a second one's approval), an administrator,
    // and a newcomer with no role yet, whom the administrator grants one.
    sponsorOperator: await person(keycloak, `dewi-${run}`, 'Dewi Kase', ['sponsor-operator']),
    enrollmentOfficer: await person(keycloak, `eko-${run}`, 'Eko Ndun', ['enrollment-officer']),
    financeOfficer: await person(keycloak, `fransiska-${run}`, 'Fransiska Lay', ['finance']),
    financeApprover: await person(keycloak, `gabriel-${run}`, 'Gabriel Tallo', ['finance']),
    admin: await person(keycloak, `hana-${run}`, 'Hana Riwu', ['admin']),
    newcomer: await person(keycloak, `imanuel-${run}`, 'Imanuel Sine', []),
  };

  // The auditor's pages read this run's stores and topics, found as the CLI finds them.
  for (const service of ['enrollment', 'contributions', 'claims', 'payouts'] as const) {
    const upper = service.toUpperCase();
    process.env[`${upper}_DATABASE_URL`] = platform.databases[service];
    process.env[`${upper}_EVENTS_TOPIC`] = platform.topics[`${service}Events`];
  }
  process.env['KEYS_DATABASE_URL'] = platform.databases.keys;

  const consoleUrl = await startConsole(platform, issuer, async () => {
    const clientSecret = randomBytes(24).toString('base64url');
    await keycloak.admin.setClientSecret(CONSOLE_CLIENT, clientSecret);
    return clientSecret;
  });

  const claimsProbe = await new PlatformDatabase({
    url: platform.databases.claims,
    poolSize: 1,
  }).open();
  stops.push(() => claimsProbe.close());
  const lodge = async (worker: Worker): Promise<SeededClaim> => {
    const lodged = await lodgedJkmDeath(platform, claimsProbe, worker, { recordDocuments: false });
    return {
      claimId: lodged.claimId,
      participantId: lodged.participantId,
      participantName: worker.fullName,
      nik: worker.nik,
    };
  };
  const claims = {
    toApprove: await lodge(WORKERS.toApprove),
    toReject: await lodge(WORKERS.toReject),
  };
  log(`claims lodged: ${JSON.stringify(claims)}`);

  const handle: BrowserPlatformHandle = {
    consoleUrl,
    keycloakUrl: keycloak.baseUrl,
    users,
    claims,
    serviceUrls: platform.urls,
    probes: { claimsDatabaseUrl: platform.databases.claims },
    machine: { issuer, clientId: intakeClient, clientSecret: intake.secret },
  };
  fs.writeFileSync(handleFile, JSON.stringify(handle, null, 2), { mode: 0o600 });
  log('up');
}

/**
 * Simulation mode: the services on one simulated clock, the console in simulation mode (its
 * clock page), an administrator; the scenario's own people are created by the test's scenario
 * run, which also needs the infrastructure's connections (Keycloak's admin, Kafka's users).
 */
async function simulation(
  handleFile: string,
  simulatedFrom: string,
  keycloak: Awaited<ReturnType<typeof testKeycloak>>,
  run: string,
): Promise<void> {
  const issuer = keycloak.issuer();
  const intakeClient = `browser-sim-intake-${run}`;
  const intake = await keycloak.admin.createServiceAccountClient({
    clientId: intakeClient,
    roles: ['enrollment-officer', 'finance', 'claims-officer'] satisfies Role[],
  });
  stops.push(() => keycloak.admin.deleteClient(intakeClient));
  const intakeToken = (await clientCredentialsToken(issuer, intakeClient, intake.secret))
    .access_token;
  const platform = await startSantunanPlatform({
    label: 'browser-sim',
    now: simulatedFrom,
    simulated: true,
    auth: { config: jwksAuthConfig({ issuer }), bearer: () => `Bearer ${intakeToken}` },
  });
  stops.push(() => platform.stop());
  log(`simulation from ${simulatedFrom}; services: ${JSON.stringify(platform.urls)}`);
  const admin = await person(keycloak, `hana-sim-${run}`, 'Hana Riwu', ['admin']);
  // The console client's secret as the browser platform set it: Keycloak may be shared with it
  // (KEYCLOAK_URL in CI), and a new secret would sign its console's people out.
  const consoleUrl = await startConsole(platform, issuer, () =>
    keycloak.admin.clientSecret(CONSOLE_CLIENT),
  );
  const connections = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && /(^|_)KAFKA_|^KEYCLOAK_|^SANTUNAN_TEST_RUN_ID$/.test(entry[0]),
    ),
  );
  const handle: SimulationPlatformHandle = {
    consoleUrl,
    keycloakUrl: keycloak.baseUrl,
    simulatedFrom,
    users: { admin },
    serviceUrls: platform.urls,
    environment: {
      ...connections,
      KEYCLOAK_URL: keycloak.baseUrl,
      KEYCLOAK_ADMIN_USERNAME: keycloak.adminUsername,
      KEYCLOAK_ADMIN_PASSWORD: keycloak.adminPassword,
    },
    stores: {
      databaseUrls: {
        enrollment: platform.databases.enrollment,
        contributions: platform.databases.contributions,
        claims: platform.databases.claims,
        payouts: platform.databases.payouts,
      },
      topics: {
        enrollment: platform.topics.enrollmentEvents,
        contributions: platform.topics.contributionsEvents,
        claims: platform.topics.claimsEvents,
        payouts: platform.topics.payoutsEvents,
      },
      keysDatabaseUrl: platform.databases.keys,
    },
  };
  fs.writeFileSync(handleFile, JSON.stringify(handle, null, 2), { mode: 0o600 });
  log('up (simulation mode)');
}

/** The console on a free port, signing people in through Keycloak; resolves with its URL. */
async function startConsole(
  platform: SantunanPlatform,
  issuer: string,
  secret: () => Promise<string>,
): Promise<string> {
  const consolePort = await freePort();
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const clientSecret = await secret();
  const consoleDatabase = await createTestDatabase('browser_console');
  stops.push(() => consoleDatabase.drop());
  const sessions = await openConsoleDatabase(consoleDatabase.url);
  stops.push(() => sessions.end());
  const consoleApp = await createConsoleApp(
    {
      port: consolePort,
      publicUrl: consoleUrl,
      oidc: { issuerUrl: issuer, clientId: CONSOLE_CLIENT, clientSecret },
      sessionSecret: randomBytes(32).toString('base64url'),
      databaseUrl: consoleDatabase.url,
      services: platform.urls,
    },
    sessions,
  );
  await consoleApp.listen(consolePort, '127.0.0.1');
  stops.push(() => consoleApp.close());
  log(`console: ${consoleUrl}`);
  return consoleUrl;
}

async function person(
  keycloak: Awaited<ReturnType<typeof testKeycloak>>,
  username: string,
  name: string,
  roles: Role[],
): Promise<BrowserUser> {
  const password = randomBytes(12).toString('base64url');
  const [firstName = name, ...lastNames] = name.split(' ');
  const { id } = await keycloak.admin.createUser({
    username,
    password,
    firstName,
    lastName: lastNames.join(' '),
    email: `${username}@santunan.test`,
    roles,
  });
  stops.push(() => keycloak.admin.deleteUser(id));
  return { username, password, id };
}

let stopping: Promise<void> | undefined;
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    for (const step of stops.splice(0).reverse()) {
      await step().catch((error: unknown) => log(`stop failed: ${String(error)}`));
    }
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

// Started by a test process: when that process is gone (killed, crashed), so is the platform.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop(0);
}, 5_000).unref();

const handleFile = process.argv[2];
if (!handleFile) throw new Error('usage: serve-platform.ts <handle file>');
// Read by the console when it loads (its menu), so it must be in the environment from the start.
const simulatedFrom = process.env[SIMULATED_CLOCK_START_VARIABLE] || null;
main(handleFile, simulatedFrom).catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void stop(1);
});
