/**
 * What every drill needs: where it keeps its files, a log line, waiting on a condition with a
 * bound (never a fixed sleep for correctness), free ports, and the failure a drill raises.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { createToolLogger } from '../log/tool-logger';

export const ROOT = path.resolve(__dirname, '../..');

/** Where drills keep brokers' data and service logs: DRILL_DATA_DIR, else .local/drill. */
export function drillDataRoot(): string {
  return process.env['DRILL_DATA_DIR'] || path.join(ROOT, '.local/drill');
}

/** A drill's expectation that did not hold: the drill fails with this message. */
export class DrillFailure extends Error {
  override readonly name = 'DrillFailure';
  /** What was measured before it failed (recorded with the failure). */
  timings: Readonly<Record<string, string>> = {};
}

/** The error as a DrillFailure carrying the timings measured so far. */
export function failedWith(
  error: unknown,
  timings: Readonly<Record<string, string>>,
): DrillFailure {
  const failure =
    error instanceof DrillFailure
      ? error
      : new DrillFailure(error instanceof Error ? error.message : String(error));
  failure.timings = { ...timings, ...failure.timings };
  return failure;
}

// The drills' lines are pino's, like the services' (ADR 0028); readable at a terminal.
const logger = createToolLogger('drill');

export function log(line: string): void {
  logger.info(line);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A short id for this run's databases and folders: letters and digits only. */
export function runId(): string {
  return `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

export const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `probe` until it returns something other than undefined/false, pausing `intervalMs`;
 * throws a DrillFailure naming `what` after `timeoutMs` (with the probe's last error).
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: { readonly timeoutMs?: number; readonly intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new DrillFailure(
        `${what}: not within ${seconds(options.timeoutMs ?? 120_000)}${reason}`,
      );
    }
    await pause(options.intervalMs ?? 250);
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the stops in reverse order, each once, reporting (not throwing) what fails. */
export class Cleanup {
  private readonly stops: Array<{ what: string; stop: () => unknown }> = [];

  add(what: string, stop: () => unknown): void {
    this.stops.push({ what, stop });
  }

  async run(): Promise<void> {
    while (this.stops.length > 0) {
      const next = this.stops.pop();
      if (next === undefined) break;
      try {
        await next.stop();
      } catch (error) {
        log(
          `cleanup: ${next.what} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
