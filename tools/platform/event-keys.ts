/**
 * `npm run keys [-- [--shell] <directory>]`: the event signing keys of the four services
 * (ADR 0025), made once into `<directory>` (default .local/keys; private keys mode 0600) with
 * the public keyring beside them, and the environment a service needs to use them (file
 * paths; with `--shell`, `export` lines carrying the PEM and JSON themselves, for
 * `eval "$(npm run -s keys -- --shell)"` before `docker compose up`). `npm run platform` makes
 * the same keys on start.
 */
import path from 'node:path';
import { localEventKeys } from '@santunan/platform';

const ROOT = path.resolve(__dirname, '../..');
const shell = process.argv.includes('--shell');
const [given] = process.argv.slice(2).filter((argument) => argument !== '--shell');
const directory = path.resolve(given ?? path.join(ROOT, '.local/keys'));
const keys = localEventKeys(directory, ['enrollment', 'contributions', 'claims', 'payouts']);
for (const [name, file] of Object.entries(keys.environment)) {
  process.stdout.write(shell ? `export ${name}="$(cat '${file}')"\n` : `${name}=${file}\n`);
}
