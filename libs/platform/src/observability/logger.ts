import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentLogContext } from './log-context';
import { LOG_REDACTED, REDACTED_PATHS } from './log-redaction';
import { activeTraceFields } from './trace-context';

/** The one structured logger of a process (pino): what every platform component takes. */
export type PlatformLogger = Logger;

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface LoggingConfig {
  readonly level: LogLevel;
  /** Where the lines go; stdout unless given (the e2e harness collects them). */
  readonly destination?: DestinationStream;
}

function isLevel(value: string): value is LogLevel {
  return (LEVELS as readonly string[]).includes(value);
}

/**
 * `<SERVICE>_LOG_LEVEL`, else `LOG_LEVEL`, else `info` — `warn` inside Jest, whose output
 * would otherwise drown in every service's request and event lines.
 */
export function loggingFromEnvironment(
  serviceName?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): LoggingConfig {
  const own = serviceName === undefined ? undefined : env[`${serviceName.toUpperCase()}_LOG_LEVEL`];
  const level = own || env['LOG_LEVEL'] || (env['JEST_WORKER_ID'] ? 'warn' : 'info');
  if (!isLevel(level)) throw new Error(`log level "${level}" is not one of ${LEVELS.join(', ')}`);
  return { level };
}

/** pino-pretty is a devDependency: only a person at a terminal gets it, never CI or a test. */
function prettyTarget(env: NodeJS.ProcessEnv): string | undefined {
  if (!process.stdout.isTTY || env['CI'] || env['JEST_WORKER_ID'] || env['LOG_FORMAT'] === 'json')
    return undefined;
  const target = 'pino-pretty';
  try {
    require.resolve(target);
    return target;
  } catch {
    return undefined; // a production image: JSON it is
  }
}

/**
 * JSON lines: `level` (its name), `time`, `service`, `msg`, the unit of work's context
 * (correlation id, actor, the consumer and event — log-context.ts) and the active span's
 * `trace_id` / `span_id`, with personal data redacted (log-redaction.ts).
 */
export function createLogger(
  service: string,
  config: LoggingConfig = loggingFromEnvironment(service),
): PlatformLogger {
  const options: LoggerOptions = {
    level: config.level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACTED_PATHS], censor: LOG_REDACTED },
    mixin: () => ({ ...currentLogContext(), ...activeTraceFields() }),
    serializers: { err: pino.stdSerializers.err },
  };
  if (config.destination !== undefined) return pino(withLevelNames(options), config.destination);
  const pretty = prettyTarget(process.env);
  if (pretty !== undefined)
    return pino({
      ...options,
      transport: { target: pretty, options: { translateTime: 'SYS:HH:MM:ss.l' } },
    });
  return pino(withLevelNames(options));
}

function withLevelNames(options: LoggerOptions): LoggerOptions {
  return { ...options, formatters: { level: (label) => ({ level: label }) } };
}

let processLogger: PlatformLogger | undefined;

/**
 * The process's logger for a component nobody gave one (a tool, a spec): named by
 * OTEL_SERVICE_NAME, else `santunan`. Services pass theirs (ServicePlatformModule).
 */
export function defaultLogger(): PlatformLogger {
  processLogger ??= createLogger(process.env['OTEL_SERVICE_NAME'] || 'santunan');
  return processLogger;
}

/** An error as a log's `err` member (pino serialises its type, message and stack). */
export function errorFields(error: unknown): { err: Error } {
  return { err: error instanceof Error ? error : new Error(String(error)) };
}
