/**
 * `npm run -s audit -- <command>`: verify, export, report, explain, as-of, replay (ADR 0015).
 * The logic lives in libs/audit; this file only wires the process to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withLocalKafkaUser } from '../kafka/local-credentials';
import { HELP } from './help';

/** The keyring `npm run platform` keeps in .local/keys, unless EVENT_PUBLIC_KEYS names one (ADR 0025). */
function withLocalKeyring(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const local = path.resolve(__dirname, '../../.local/keys/event-keyring.json');
  return env['EVENT_PUBLIC_KEYS'] || !fs.existsSync(local)
    ? env
    : { ...env, EVENT_PUBLIC_KEYS: local };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Help without loading the library and its database and Kafka clients.
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP['main'] ?? '');
    return command === undefined ? 2 : 0;
  }
  if (
    command !== 'main' &&
    HELP[command] !== undefined &&
    (rest.includes('--help') || rest.includes('-h'))
  ) {
    process.stdout.write(HELP[command] ?? '');
    return 0;
  }
  const { runAudit } = await import('./cli');
  return runAudit(argv, {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    // Against `npm run platform` by default: its keyring and its broker's audit user.
    env: withLocalKafkaUser(withLocalKeyring(process.env), 'audit'),
  });
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`audit failed: ${String(error)}\n`);
    process.exitCode = 4;
  });
