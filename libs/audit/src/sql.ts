import { Client } from 'pg';
import type { SqlExecutor } from '@santunan/platform';

/** One read-only connection to a service database, as the platform's SqlExecutor. */
export interface AuditConnection extends SqlExecutor {
  close(): Promise<void>;
}

export async function connect(
  url: string,
  applicationName = 'santunan-audit',
): Promise<AuditConnection> {
  const client = new Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  return {
    query: async <Row>(sql: string, parameters?: readonly unknown[]) =>
      (await client.query(sql, parameters ? [...parameters] : undefined)).rows as Row[],
    close: () => client.end(),
  };
}

/**
 * Runs `work` in one REPEATABLE READ, READ ONLY transaction: one consistent snapshot of the
 * store while the services keep writing, and a guarantee the auditor changes nothing.
 */
export async function inSnapshot<T>(
  url: string,
  work: (db: SqlExecutor) => Promise<T>,
): Promise<T> {
  const connection = await connect(url);
  try {
    await connection.query('begin isolation level repeatable read read only');
    try {
      const result = await work(connection);
      await connection.query('commit');
      return result;
    } catch (error) {
      await connection.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    await connection.close();
  }
}

export async function withConnection<T>(
  url: string,
  work: (db: AuditConnection) => Promise<T>,
): Promise<T> {
  const connection = await connect(url);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
