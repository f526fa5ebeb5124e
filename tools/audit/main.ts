/**
 * `npm run -s audit -- <command>`: verify, export, report, explain, as-of, replay (ADR 0015).
 * The logic lives in libs/audit; this file only wires the process to it.
 */
import { HELP } from './help';

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
    env: process.env,
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
