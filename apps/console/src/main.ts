import './instrumentation';
import 'reflect-metadata';
import { PLATFORM_LOGGER, type PlatformLogger } from '@santunan/platform';
import { consoleConfigFromEnvironment } from './config/console-config';
import { createConsoleApp } from './console-app';
import { openConsoleDatabase } from './database/console-database';

/** `npx nx run console:serve` — the claims console on CONSOLE_PORT (3000). */
async function main(): Promise<void> {
  const config = consoleConfigFromEnvironment();
  // The pool exists before the app (and its logger): a lost connection is logged once both do.
  const late: { logger?: PlatformLogger } = {};
  const database = await openConsoleDatabase(config.databaseUrl, (error) =>
    late.logger?.warn({ error: error.message }, 'console database: an idle connection was lost'),
  );
  const app = await createConsoleApp(config, database);
  const logger = (late.logger = app.get<PlatformLogger>(PLATFORM_LOGGER));
  app.enableShutdownHooks();
  const host = config.host ?? '127.0.0.1';
  await app.listen(config.port, host);
  logger.info(`listening on ${host}:${config.port}, reached at ${config.publicUrl}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[console] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
