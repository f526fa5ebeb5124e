import type { DestinationStream } from 'pino';
import { createLogger, loggingFromEnvironment, type PlatformLogger } from '@santunan/platform';

/** How a person at a terminal reads a line: time, level, `[tool or service] message`, extras. */
const PRETTY = {
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,service',
  messageFormat: '[{service}] {msg}',
} as const;

type Prettify = (line: string) => string;

/** pino-pretty is a devDependency, for a person at a terminal only: never CI, a test or a pipe. */
function prettifier(env: NodeJS.ProcessEnv): Prettify | undefined {
  if (!process.stdout.isTTY || env['CI'] || env['JEST_WORKER_ID'] || env['LOG_FORMAT'] === 'json')
    return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as {
      prettyFactory: (options: object) => Prettify;
    };
    return pretty.prettyFactory({ ...PRETTY, colorize: true });
  } catch {
    return undefined;
  }
}

/**
 * The logger of a tool's long run (the platform runner, the drills, the scenario, the example
 * finance consumer): the services' pino lines — level, time, `service` = the tool, message,
 * personal data redacted — written synchronously, so a tool that exits at once loses none;
 * at a terminal the same lines made readable. The tool's report (tables, summaries) stays
 * plain output: it is what the tool answers, not a log.
 */
export function createToolLogger(
  tool: string,
  env: NodeJS.ProcessEnv = process.env,
  write: (text: string) => void = (text) => process.stdout.write(text),
): ToolLogger {
  const prettify = prettifier(env);
  const destination: DestinationStream = {
    write: (line: string) => write(prettify === undefined ? line : prettify(line)),
  };
  const logger = createLogger(tool, { ...loggingFromEnvironment(tool, env), destination });
  return Object.assign(logger, {
    relay(line: string, source: string): void {
      // A child service's line is already one of ours (JSON): pass it on as it is.
      if (line.startsWith('{') && line.endsWith('}')) {
        write(prettify === undefined ? `${line}\n` : prettify(line));
        return;
      }
      logger.info({ source }, line);
    },
  });
}

export type ToolLogger = PlatformLogger & {
  /** Passes on a line a child process wrote: its JSON log lines as they are, anything else as a message. */
  relay(line: string, source: string): void;
};
