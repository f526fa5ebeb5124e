import 'reflect-metadata';
import { consoleConfigFromEnvironment } from './config/console-config';
import { createConsoleApp } from './console-app';
import { openConsoleDatabase } from './database/console-database';

/** `npx nx run console:serve` — the claims console on CONSOLE_PORT (3000). */
async function main(): Promise<void> {
  const config = consoleConfigFromEnvironment();
  const database = await openConsoleDatabase(config.databaseUrl);
  const app = await createConsoleApp(config, database);
  app.enableShutdownHooks();
  const host = config.host ?? '127.0.0.1';
  await app.listen(config.port, host);
  process.stdout.write(
    `[console] listening on ${host}:${config.port}, reached at ${config.publicUrl}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[console] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
