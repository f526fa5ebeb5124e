import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
// Relative imports only: global-teardown loads this outside Jest's moduleNameMapper.
import { testRunId } from '../run-id';
import { freePort } from './free-port';
import { WORKSPACE_ROOT } from './local-kafka-broker';

const run = promisify(execFile);
const KEYCLOAK_SCRIPT = path.join(WORKSPACE_ROOT, 'tools/keycloak/keycloak.sh');

/** Where this run's own Keycloak (if it starts one) keeps its pid file, logs and connection. */
export function testKeycloakDataDir(runId: string = testRunId()): string {
  return path.join(WORKSPACE_ROOT, '.local/test-keycloak', runId);
}

export interface TestKeycloakConnection {
  readonly baseUrl: string;
  readonly adminUsername: string;
  readonly adminPassword: string;
}

/**
 * This run's own Keycloak, started by tools/keycloak/keycloak.sh on a free port with its own
 * database, once per Jest run however many workers ask.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/*
 * Test files may run in several workers at once: the first to take the lock (an atomic
 * mkdir) starts Keycloak and writes connection.json; the others wait for that file.
 */
export async function startedForThisRun(): Promise<TestKeycloakConnection> {
  const dataDir = testKeycloakDataDir();
  const connectionFile = path.join(dataDir, 'connection.json');
  const failedFile = path.join(dataDir, 'failed');
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  let starter = true;
  try {
    await fs.mkdir(dataDir);
  } catch {
    starter = false;
  }
  if (starter) {
    try {
      const connection = await startLocalKeycloak(dataDir);
      await fs.writeFile(connectionFile, JSON.stringify(connection), { mode: 0o600 });
      return connection;
    } catch (error) {
      await fs.writeFile(failedFile, String(error));
      throw error;
    }
  }
  const deadline = Date.now() + 400_000;
  while (Date.now() < deadline) {
    const written = await fs.readFile(connectionFile, 'utf8').catch(() => undefined);
    if (written !== undefined) return JSON.parse(written) as TestKeycloakConnection;
    if (await fs.stat(failedFile).catch(() => undefined))
      throw new Error(`another test worker could not start Keycloak (see ${dataDir})`);
    await sleep(500);
  }
  throw new Error(`Keycloak for this run did not start in time (see ${dataDir})`);
}

function keycloakEnvironment(dataDir: string, port: number, jdbcUrl: string, password: string) {
  const server = new URL(required('TEST_DATABASE_ADMIN_URL'));
  return {
    ...process.env,
    KEYCLOAK_DATA_DIR: dataDir,
    KEYCLOAK_PORT: String(port),
    KEYCLOAK_DB_URL: jdbcUrl,
    KEYCLOAK_DB_USERNAME: decodeURIComponent(server.username || 'postgres'),
    KEYCLOAK_DB_PASSWORD: decodeURIComponent(server.password),
    KEYCLOAK_ADMIN_USERNAME: 'admin',
    KEYCLOAK_ADMIN_PASSWORD: password,
  };
}

async function startLocalKeycloak(dataDir: string): Promise<TestKeycloakConnection> {
  const server = new URL(required('TEST_DATABASE_ADMIN_URL'));
  const database = `t_${testRunId()}_keycloak`.toLowerCase();
  const jdbcUrl = `jdbc:postgresql://${server.hostname}:${server.port || '5432'}/${database}`;
  const port = await freePort();
  const password = randomBytes(18).toString('base64url');
  const settings = { port, jdbcUrl, password, database };
  // What global-teardown needs to stop it and drop its database.
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings), {
    mode: 0o600,
  });
  process.stderr.write(`[test-infra] starting Keycloak on 127.0.0.1:${port} (${dataDir})\n`);
  await run('bash', [KEYCLOAK_SCRIPT, 'start'], {
    env: keycloakEnvironment(dataDir, port, jdbcUrl, password),
    timeout: 400_000,
  });
  return { baseUrl: `http://127.0.0.1:${port}`, adminUsername: 'admin', adminPassword: password };
}

/** global-teardown: stops the Keycloak this run started (if any) and drops its database. */
export async function stopTestKeycloak(
  runId: string,
  dropDatabase: (name: string) => Promise<void>,
): Promise<void> {
  const dataDir = testKeycloakDataDir(runId);
  const written = await fs
    .readFile(path.join(dataDir, 'settings.json'), 'utf8')
    .catch(() => undefined);
  if (written === undefined) return;
  const settings = JSON.parse(written) as {
    port: number;
    jdbcUrl: string;
    password: string;
    database: string;
  };
  await run('bash', [KEYCLOAK_SCRIPT, 'stop'], {
    env: keycloakEnvironment(dataDir, settings.port, settings.jdbcUrl, settings.password),
    timeout: 60_000,
  });
  await dropDatabase(settings.database);
  await fs.rm(dataDir, { recursive: true, force: true });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run integration tests through jest's int/e2e projects`);
  return value;
}
