import { Client } from 'pg';

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL of another database on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function assertSafeName(database: string): void {
  if (!SAFE_NAME.test(database)) {
    throw new Error(`unsafe database name "${database}"`);
  }
}

/** Creates the database if it does not exist yet (each service owns one). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  assertSafeName(database);
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database "${database}"`);
      } catch (error) {
        // Two processes racing to create it: the loser sees a duplicate, which is fine.
        if (!isDuplicateDatabase(error)) throw error;
      }
    }
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  assertSafeName(database);
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
  } finally {
    await client.end();
  }
}

function isDuplicateDatabase(error: unknown): boolean {
  // 42P04 duplicate_database; 23505 when both passed the catalog check at the same instant.
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
  return code === '42P04' || code === '23505';
}
