// Stops the platform process the global setup started; it drops this run's databases. Its
// handle (people's passwords for this run) goes with it.
import fs from 'node:fs';
import { stopPlatformProcess } from './platform-process';

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env['BROWSER_PLATFORM_PID']);
  if (!Number.isInteger(pid) || pid <= 0) return;
  await stopPlatformProcess(pid);
  const handle = process.env['BROWSER_PLATFORM_HANDLE'];
  if (handle) fs.rmSync(handle, { force: true });
}
