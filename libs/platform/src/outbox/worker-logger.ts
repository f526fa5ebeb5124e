/** What a background worker (outbox relay, projection runner) reports about itself. */
export interface WorkerLogger {
  info(message: string, context?: Readonly<Record<string, unknown>>): void;
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

/** One JSON line per entry on stderr, until the services bring their own logger. */
export const stderrJsonLogger: WorkerLogger = {
  info: (message, context) => writeLine('info', message, context),
  warn: (message, context) => writeLine('warn', message, context),
};

function writeLine(
  level: string,
  message: string,
  context?: Readonly<Record<string, unknown>>,
): void {
  process.stderr.write(`${JSON.stringify({ level, message, ...context })}\n`);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
