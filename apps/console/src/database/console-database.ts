import { databaseUrl, ensureDatabase } from '@santunan/platform';
import { Pool } from 'pg';

/** The console's own database (`santunan_console`): sessions here; the auditor's reveal log too. */
export const CONSOLE_DATABASE = Symbol('CONSOLE_DATABASE');

export const SESSION_TABLE = 'console_sessions';

/**
 * The session table connect-pg-simple expects (sid, sess, expire), created here rather than by
 * the package's `createTableIfMissing`, which reads an SQL file from its install path.
 */
const SESSION_TABLE_SQL = `
  create table if not exists ${SESSION_TABLE} (
    sid varchar not null primary key,
    sess json not null,
    expire timestamp(6) not null
  );
  create index if not exists ${SESSION_TABLE}_expire on ${SESSION_TABLE} (expire);
`;

/** Creates the database if needed, connects, and makes sure the session table exists. */
export async function openConsoleDatabase(
  url: string,
  onIdleClientLost: (error: Error) => void = () => undefined,
): Promise<Pool> {
  const { pathname } = new URL(url);
  await ensureDatabase(databaseUrl(url, 'postgres'), pathname.replace(/^\//, ''));
  const pool = new Pool({ connectionString: url, max: 5 });
  // An idle connection the server ends (a restart, a terminated backend) is emitted on the pool;
  // unheard, that event would end the process. The pool drops the client and opens another
  // when next asked; requests in flight get their own error.
  pool.on('error', onIdleClientLost);
  try {
    await pool.query(SESSION_TABLE_SQL);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
