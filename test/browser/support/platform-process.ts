// Starts serve-platform.ts in a process of its own and waits until it has written its handle;
// stops it again with SIGTERM (it drops its databases). The global setup starts the browser
// tests' platform this way, the NTT spec a second one in simulation mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
/** Starting Keycloak, four services and the console on a loaded 2-core machine. */
const START_BOUND_MS = 600_000;

/** As `npm run platform -- --simulate-from` gives it to every process (ADR 0016). */
const SIMULATED_CLOCK_START = 'SANTUNAN_SIMULATED_CLOCK_START';

/**
 * Resolves with the process id once `handleFile` exists; its output goes to `logFile`. With
 * `simulatedFrom` (an ISO instant) the platform runs in simulation mode from there: the
 * variable is in its environment from the start, as the console reads it when it loads.
 */
export async function startPlatformProcess(
  handleFile: string,
  logFile: string,
  simulatedFrom: string | null = null,
): Promise<number> {
  const env = { ...process.env };
  delete env[SIMULATED_CLOCK_START];
  if (simulatedFrom !== null) env[SIMULATED_CLOCK_START] = simulatedFrom;
  fs.mkdirSync(path.dirname(handleFile), { recursive: true });
  fs.rmSync(handleFile, { force: true });
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
    { cwd: ROOT, env, stdio: ['ignore', log, log] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('the browser platform process did not start');
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
  return pid;
}

/** SIGTERM, then SIGKILL if it has not stopped within a minute. */
export async function stopPlatformProcess(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(pid, 'SIGKILL');
}
