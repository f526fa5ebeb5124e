import {
  type KafkaMessaging,
  aclsFor,
  auditAccess,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  kafkaSaslFromEnvironment,
  type KafkaSasl,
} from '@santunan/platform';
import { SigningTestMessaging } from '../event-signing';
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

/** The principals the test broker knows (tools/kafka/kafka.sh creates them; ADR 0024). */
export type TestKafkaPrincipal =
  | 'admin'
  | 'enrollment'
  | 'contributions'
  | 'claims'
  | 'payouts'
  | 'audit'
  | 'finance';

/** Where the test broker is and who to be on it: spread into a ServiceConfig. */
export interface TestKafkaConnection {
  readonly kafkaBrokers: string[];
  readonly kafkaSasl?: KafkaSasl;
}

/**
 * The broker of this run and the credentials of one of its principals (default `admin`, the
 * super user, so tests may create topics and write anywhere). A broker without SASL (no
 * KAFKA_SASL_USERNAME) gives no credentials at all; on one with SASL a principal other than
 * admin must have its own (`<PRINCIPAL>_KAFKA_USERNAME` / `_PASSWORD`, which global setup and
 * `kafka.sh credentials` export) rather than silently be admin.
 */
export function testKafkaConnection(principal: TestKafkaPrincipal = 'admin'): TestKafkaConnection {
  const kafkaBrokers = testKafkaBrokers();
  const admin = kafkaSaslFromEnvironment();
  if (admin === undefined) return { kafkaBrokers };
  if (principal === 'admin') return { kafkaBrokers, kafkaSasl: admin };
  const own = kafkaSaslFromEnvironment(principal);
  if (own === undefined || own.username === admin.username) {
    throw new Error(
      `no Kafka credentials for ${principal}: export ${principal.toUpperCase()}_KAFKA_USERNAME/_PASSWORD (kafka.sh credentials)`,
    );
  }
  return { kafkaBrokers, kafkaSasl: own };
}

/** Whether the test broker authenticates (and so enforces ACLs). */
export function testKafkaSecured(): boolean {
  return testKafkaConnection().kafkaSasl !== undefined;
}

/**
 * On a broker that authenticates, grants the audit principal what production grants it (read
 * every topic, its own throw-away groups): for tests whose audit reads as `audit` (the CLI and
 * the console take AUDIT_KAFKA_* from the environment) without the e2e platform's grants.
 */
export async function grantTestAuditAccess(): Promise<void> {
  if (!testKafkaSecured()) return;
  await testMessaging('santunan-test-audit-access').grantAcls(aclsFor([auditAccess()]));
}

/** Its publishers sign what they publish with the topic owner's test key (ADR 0025). */
export function testMessaging(
  clientId = 'santunan-test',
  principal: TestKafkaPrincipal = 'admin',
): KafkaMessaging {
  const { kafkaBrokers, kafkaSasl } = testKafkaConnection(principal);
  return new SigningTestMessaging({
    brokers: kafkaBrokers,
    clientId,
    logLevel: 'nothing',
    sasl: kafkaSasl,
  });
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
