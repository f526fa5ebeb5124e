// Starts the real platform for the browser tests in a process of its own (serve-platform.ts:
// Keycloak, the four services on this run's databases and topics, the console, the seeded
// claims and users) and waits until it has written its handle: the URLs and credentials the
// tests use. Playwright's workers inherit the environment set here.
import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { ROOT, startPlatformProcess } from './platform-process';

export default async function globalSetup(_config: FullConfig): Promise<void> {
  // While writing tests: a platform started by hand (serve-platform.ts <file>) is reused.
  const given = process.env['BROWSER_PLATFORM_HANDLE'];
  if (given && fs.existsSync(given)) return;
  const handleFile = path.join(ROOT, '.local', `browser-platform-${process.pid}.json`);
  const logFile = path.join(ROOT, 'reports', 'browser-platform.log');
  process.env['BROWSER_PLATFORM_HANDLE'] = handleFile;
  const pid = await startPlatformProcess(handleFile, logFile);
  process.env['BROWSER_PLATFORM_PID'] = String(pid);
}
