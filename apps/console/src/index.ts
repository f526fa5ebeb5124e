// The console's public entry point, `@santunan/console-service`: what the tools and the
// browser tests that run it in-process may use. The console starts from main.ts; nothing in it
// imports this file.
export { createConsoleApp } from './console-app';
export { openConsoleDatabase } from './database/console-database';
export { consoleConfigFromEnvironment, type ConsoleConfig } from './config/console-config';
