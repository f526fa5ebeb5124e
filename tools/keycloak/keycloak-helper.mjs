// Small steps of keycloak.sh that are easier in Node than in bash:
//   keycloak-helper.mjs wait <base url> <timeout s> [pid]
//       until <base url>/realms/santunan/.well-known/openid-configuration answers 200;
//       gives up early when the pid (Keycloak's launcher) has exited
//   keycloak-helper.mjs ensure-database <jdbc url> <user> [password]
//       creates the PostgreSQL database named in the JDBC URL when it does not exist
import pg from 'pg';

const [command, ...args] = process.argv.slice(2);

function alive(pid) {
  if (!pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

async function waitReady(baseUrl, timeoutSeconds, pid) {
  const discovery = `${baseUrl}/realms/santunan/.well-known/openid-configuration`;
  const deadline = Date.now() + Number(timeoutSeconds) * 1000;
  while (Date.now() < deadline) {
    if (!alive(pid)) {
      console.error(`[keycloak] process ${pid} exited before ${discovery} answered`);
      return 1;
    }
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return 0;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`[keycloak] ${discovery} did not answer within ${timeoutSeconds} s`);
  return 1;
}

async function ensureDatabase(jdbcUrl, user, password) {
  const match = /^jdbc:postgresql:\/\/([^/:?]+)(?::(\d+))?\/([^?]+)/.exec(jdbcUrl);
  if (!match) throw new Error(`not a PostgreSQL JDBC URL: ${jdbcUrl}`);
  const [, host, port = '5432', database] = match;
  const client = new pg.Client({ host, port: Number(port), user, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      // An identifier cannot be a bind parameter; quote it instead.
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
      console.error(`[keycloak] created database ${database} on ${host}:${port}`);
    }
  } finally {
    await client.end();
  }
  return 0;
}

try {
  if (command === 'wait') process.exitCode = await waitReady(args[0], args[1] ?? '180', args[2]);
  else if (command === 'ensure-database')
    process.exitCode = await ensureDatabase(args[0], args[1], args[2] || undefined);
  else {
    console.error('usage: keycloak-helper.mjs wait|ensure-database ...');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`[keycloak] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
