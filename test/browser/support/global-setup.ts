// Starts the real platform for the browser tests in a process of its own (serve-platform.ts:
// Keycloak, the four services on this run's databases and topics, the console, the seeded
// claims and users) and waits until it has written its handle: the URLs and credentials the
// tests use. Playwright's workers inherit the environment set here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';

const ROOT = path.resolve(__dirname, '../../..');
/** Starting Keycloak, four services and the console on a loaded 2-core machine. */
const START_BOUND_MS = 600_000;

export default async function globalSetup(_config: FullConfig): Promise<void> {
  // While writing tests: a platform started by hand (serve-platform.ts <file>) is reused.
  const given = process.env['BROWSER_PLATFORM_HANDLE'];
  if (given && fs.existsSync(given)) return;
  const handleFile = path.join(ROOT, '.local', `browser-platform-${process.pid}.json`);
  fs.mkdirSync(path.dirname(handleFile), { recursive: true });
  fs.rmSync(handleFile, { force: true });
  const logFile = path.join(ROOT, 'reports', 'browser-platform.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'test/browser/support/serve-platform.ts',
      handleFile,
    ],
    { cwd: ROOT, env: process.env, stdio: ['ignore', log, log] },
  );
  process.env['BROWSER_PLATFORM_PID'] = String(child.pid);
  process.env['BROWSER_PLATFORM_HANDLE'] = handleFile;

  const deadline = Date.now() + START_BOUND_MS;
  while (!fs.existsSync(handleFile)) {
    if (child.exitCode !== null) {
      throw new Error(
        `the browser platform exited (${child.exitCode}) before it was up; see ${logFile}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the browser platform was not up within ${START_BOUND_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
