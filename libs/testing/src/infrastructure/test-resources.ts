import { KafkaMessaging, databaseUrl, dropDatabase, ensureDatabase } from '@santunan/platform';
import { testRunId } from '../run-id';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run integration tests through jest's int/e2e projects (global setup)`,
    );
  }
  return value;
}

export function testKafkaBrokers(): string[] {
  return required('KAFKA_BROKERS').split(',');
}

export function testMessaging(clientId = 'santunan-test'): KafkaMessaging {
  return new KafkaMessaging({ brokers: testKafkaBrokers(), clientId, logLevel: 'nothing' });
}

export function testDatabaseServerUrl(): string {
  return required('TEST_DATABASE_ADMIN_URL');
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

let databases = 0;

/** A fresh database for one test file, named after this run so parallel runs never meet. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  databases += 1;
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 20);
  const name = `t_${testRunId()}_${process.pid}_${databases}_${safeLabel}`
    .toLowerCase()
    .slice(0, 63);
  const server = testDatabaseServerUrl();
  await ensureDatabase(server, name);
  return { name, url: databaseUrl(server, name), drop: () => dropDatabase(server, name) };
}
