/**
 * The harness of the benchmark program (`npm run bench`, santunan-bench.ts): its command line (options, `--help`, environment
 * fallbacks), where PostgreSQL and Kafka are, a run id, the databases and topics it creates and
 * drops, progress on stderr, the report in reports/bench-<name>.json with the machine's
 * description, and the exit code. Also the measuring kit: timing, rates, ratios, percentiles,
 * polling.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  KafkaMessaging,
  LOCAL_POSTGRES_URL,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  kafkaSaslFromEnvironment,
  type KafkaSasl,
} from '@santunan/platform';

const WORKSPACE = path.resolve(__dirname, '../../..');

// ─── the command line ────────────────────────────────────────────────────────────────────────

interface IntegerOption {
  readonly type: 'integer';
  readonly help: string;
  /** Without a default the value is undefined when not given (the program picks one). */
  readonly default?: number;
  /** An environment variable read when the option is not given. */
  readonly env?: string;
  readonly max?: number;
}

interface ChoiceOption {
  readonly type: 'choice';
  readonly help: string;
  readonly choices: readonly string[];
  readonly default: string;
}

interface ListOption {
  readonly type: 'list';
  readonly help: string;
  readonly choices: readonly string[];
  readonly default: readonly string[];
}

export type BenchOption = IntegerOption | ChoiceOption | ListOption;
export type BenchOptions = Readonly<Record<string, BenchOption>>;

export type OptionValues<S extends BenchOptions> = {
  readonly [K in keyof S]: S[K] extends ChoiceOption
    ? string
    : S[K] extends ListOption
      ? readonly string[]
      : S[K] extends { readonly default: number }
        ? number
        : number | undefined;
};

export class UsageError extends Error {}

/**
 * `--name value` or `--name=value`; an integer option not given falls back to its environment
 * variable, then to its default. Unknown options and bad values are a UsageError.
 */
export function parseOptions<S extends BenchOptions>(
  spec: S,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): OptionValues<S> {
  const given = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}`);
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(name in spec)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    given.set(name, value);
  }
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec)) {
    const raw = given.get(name);
    switch (option.type) {
      case 'integer': {
        const fromEnv = option.env === undefined ? undefined : env[option.env];
        const text = raw ?? (fromEnv === '' ? undefined : fromEnv);
        const label = raw === undefined && fromEnv ? option.env : `--${name}`;
        if (text === undefined) {
          values[name] = option.default;
          break;
        }
        const value = Number(text);
        if (!Number.isSafeInteger(value) || value < 1)
          throw new UsageError(`${label} must be a positive integer`);
        if (option.max !== undefined && value > option.max)
          throw new UsageError(`${label} is at most ${option.max}`);
        values[name] = value;
        break;
      }
      case 'choice': {
        const value = raw ?? option.default;
        if (!option.choices.includes(value))
          throw new UsageError(`--${name} is ${option.choices.join(' or ')}; not ${value}`);
        values[name] = value;
        break;
      }
      case 'list': {
        const value = raw === undefined ? option.default : raw.split(',');
        const wrong = value.find((item) => !option.choices.includes(item));
        if (wrong !== undefined)
          throw new UsageError(`--${name} takes ${option.choices.join(',')}; not ${wrong}`);
        values[name] = value;
        break;
      }
      default: {
        const _exhaustive: never = option;
        return _exhaustive;
      }
    }
  }
  return values as OptionValues<S>;
}

/** The options as `--help` lists them. */
export function optionsHelp(spec: BenchOptions): string {
  const rows = Object.entries(spec).map(([name, option]) => {
    const form =
      option.type === 'integer'
        ? `--${name} N`
        : `--${name} ${option.type === 'list' ? 'a,b' : option.choices.join('|')}`;
    const notes = [
      option.type === 'list' ? `of ${option.choices.join(',')}` : undefined,
      option.default === undefined
        ? undefined
        : `default ${Array.isArray(option.default) ? option.default.join(',') : String(option.default)}`,
      option.type === 'integer' && option.env ? `env ${option.env}` : undefined,
    ].filter((note) => note !== undefined);
    return [form, `${option.help}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`] as const;
  });
  const width = Math.max(...rows.map(([form]) => form.length)) + 2;
  return rows.map(([form, text]) => `  ${form.padEnd(width)}${text}`).join('\n');
}

// ─── where the run happens, and what it leaves behind ───────────────────────────────────────

export interface BenchEnvironment {
  /** A server URL (any database on it): the programs create theirs beside it. */
  readonly server: string;
  readonly brokers: readonly string[];
  /** Kafka's admin on a broker that authenticates (KAFKA_SASL_*): the bench runs as it. */
  readonly sasl?: KafkaSasl;
  /** Names this run's databases and topics. */
  readonly run: string;
}

export function benchEnvironment(env: NodeJS.ProcessEnv = process.env): BenchEnvironment {
  const sasl = kafkaSaslFromEnvironment(undefined, env);
  return {
    server: env['DATABASE_URL'] || LOCAL_POSTGRES_URL,
    brokers: (env['KAFKA_BROKERS'] || '127.0.0.1:9092').split(','),
    ...(sasl === undefined ? {} : { sasl }),
    run: `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
  };
}

/**
 * The run's databases and topics, named after the run and removed at its end whatever
 * happened: `bench[_<scope>]_<part>[_<suffix>]_<run>` and `bench.<part>.<run>.<name>` (with a
 * scope: `bench.<scope>.<run>.<part>.<name>`).
 */
export class BenchResources {
  private readonly databases = new Set<string>();
  private readonly topics = new Set<string>();

  constructor(
    private readonly environment: BenchEnvironment,
    private readonly messaging: KafkaMessaging,
    private readonly scope?: string,
  ) {}

  /** The URL of a database of this run (a service creates its own when it starts). */
  database(part: string, suffix?: string): string {
    return databaseUrl(this.environment.server, this.databaseName(part, suffix));
  }

  /** A database of this run, created now. */
  createDatabase(part: string, suffix?: string): Promise<string> {
    return ensureDatabase(this.environment.server, this.databaseName(part, suffix));
  }

  private databaseName(part: string, suffix?: string): string {
    const name = ['bench', this.scope, part, suffix, this.environment.run]
      .filter((piece) => piece !== undefined)
      .join('_');
    this.databases.add(name);
    return name;
  }

  /** A topic of this run, and its dead-letter topic. */
  topic(part: string, name: string): string {
    const { run } = this.environment;
    const topic =
      this.scope === undefined
        ? `bench.${part}.${run}.${name}`
        : `bench.${this.scope}.${run}.${part}.${name}`;
    this.topics.add(topic);
    this.topics.add(`${topic}.dlq`);
    return topic;
  }

  async drop(): Promise<void> {
    for (const name of this.databases) {
      await dropDatabase(this.environment.server, name).catch((error: unknown) =>
        progress('cleanup', `could not drop ${name}: ${String(error)}`),
      );
    }
    await this.messaging
      .deleteTopics([...this.topics])
      .catch((error: unknown) => progress('cleanup', `could not delete topics: ${String(error)}`));
  }
}

// ─── a benchmark program ─────────────────────────────────────────────────────────────────────

/** What a part of a benchmark runs in. */
export interface BenchRun {
  readonly environment: BenchEnvironment;
  readonly resources: BenchResources;
  readonly messaging: KafkaMessaging;
}

export interface Bench<S extends BenchOptions> extends BenchRun {
  readonly options: OptionValues<S>;
  /** Written to reports/bench-<name>.json at the end, with the machine and the run's length. */
  readonly report: Record<string, unknown>;
}

export interface BenchProgram<S extends BenchOptions> {
  /** `bench-<name>.json`, the Kafka client id, the progress prefix. */
  readonly name: string;
  /** What `--help` prints above the options: the command and what it measures. */
  readonly usage: string;
  readonly options: S;
  /** Names the databases and topics `bench_<scope>_…` (the end-to-end benchmark's `e2e`). */
  readonly scope?: string;
  /** Measures; prints its figures on stdout and adds them to the report. */
  run(bench: Bench<S>): Promise<void>;
}

/**
 * Runs a benchmark program: `--help`, the options, the environment, Kafka, the resources
 * dropped at the end, the report written (errors included), and the process's exit code: 0, 1
 * when the run failed or set `process.exitCode`, 2 for a bad command line.
 */
export function runBench<S extends BenchOptions>(program: BenchProgram<S>): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${program.usage.trim()}\n\nOptions:\n${optionsHelp(program.options)}\n`);
    process.exit(0);
  }
  let options: OptionValues<S>;
  try {
    options = parseOptions(program.options, argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n(--help lists the options)\n`);
    process.exit(2);
  }
  measure(program, options).then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      process.stderr.write(`bench-${program.name} failed: ${describeError(error)}\n`);
      process.exit(1);
    },
  );
}

async function measure<S extends BenchOptions>(
  program: BenchProgram<S>,
  options: OptionValues<S>,
): Promise<void> {
  const environment = benchEnvironment();
  const messaging = new KafkaMessaging({
    brokers: environment.brokers,
    sasl: environment.sasl,
    clientId: `bench-${program.name}`,
    logLevel: 'nothing',
  });
  const resources = new BenchResources(environment, messaging, program.scope);
  const report: Record<string, unknown> = {
    benchmark: program.name,
    command: ['node', ...process.execArgv, ...process.argv.slice(1)]
      .map((arg) => path.relative(WORKSPACE, arg) || arg)
      .join(' '),
    run: environment.run,
    startedAt: new Date().toISOString(),
    options,
  };
  const startedAt = now();
  let failure: Error | undefined;
  try {
    await program.run({ options, environment, resources, messaging, report });
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    report['error'] = describeError(error);
  } finally {
    progress(program.name, 'dropping databases and topics');
    await resources.drop();
  }
  report['totalSeconds'] = Math.round(secondsSince(startedAt));
  report['machine'] = await describeMachine(environment).catch(() => undefined);
  const file = path.join(WORKSPACE, 'reports', `bench-${program.name}.json`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${path.relative(process.cwd(), file)}`);
  if (failure !== undefined) throw failure;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Progress goes to stderr; stdout carries the figures only. */
export function progress(part: string, line: string): void {
  process.stderr.write(`[bench:${part}] ${line}\n`);
}

/** Thousands separated, for the figures' lines. */
export const n = (value: number): string => value.toLocaleString('en-US');

// ─── measuring ───────────────────────────────────────────────────────────────────────────────

export const now = (): number => performance.now();
export const secondsSince = (from: number, to = performance.now()): number => (to - from) / 1000;

export interface Rate {
  readonly count: number;
  readonly seconds: number;
  readonly perSecond: number;
}

export function rate(count: number, from: number, to = performance.now()): Rate {
  const seconds = secondsSince(from, to);
  return { count, seconds: round(seconds, 3), perSecond: Math.round(count / seconds) };
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** ours / baseline for throughputs (higher is better), baseline / ours for latencies. */
export function ratio(ours: number, baseline: number): number {
  return baseline === 0 ? 0 : round(ours / baseline, 4);
}

export interface LatencySummary {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function latencySummary(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    samples: sorted.length,
    p50Ms: round(at(50), 1),
    p99Ms: round(at(99), 1),
    meanMs: round(mean, 1),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 1),
  };
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 3_600_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs `work` over the items with at most `concurrency` in flight, in order of start. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    for (let index = next++; index < items.length; index = next++) {
      await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}

export async function countRows(
  url: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql, parameters);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

// ─── the machine ─────────────────────────────────────────────────────────────────────────────

export interface MachineDescription {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly loadAverageAtEnd: readonly number[];
  readonly platform: string;
  readonly node: string;
  readonly postgres: string;
  readonly kafka: string;
  readonly kafkaBrokers: readonly string[];
}

export async function describeMachine(environment: BenchEnvironment): Promise<MachineDescription> {
  const client = new Client({ connectionString: databaseUrl(environment.server, 'postgres') });
  await client.connect();
  const [server] = (await client.query<{ server_version: string }>('show server_version')).rows;
  await client.end();
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: server?.server_version ?? 'unknown',
    kafka: kafkaVersion(),
    kafkaBrokers: environment.brokers,
  };
}

/** The broker's version: KAFKA_VERSION, else the jars `tools/kafka` fetched (kafka_2.13-X.jar). */
function kafkaVersion(): string {
  if (process.env['KAFKA_VERSION']) return process.env['KAFKA_VERSION'];
  try {
    const libs = path.join(WORKSPACE, 'tools/kafka/libs');
    const jar = fs.readdirSync(libs).find((name) => /^kafka_[\d.]+-[\d.]+\.jar$/.test(name));
    const version = jar?.match(/^kafka_[\d.]+-([\d.]+)\.jar$/)?.[1];
    return version ? `${version} (jars in tools/kafka/libs)` : 'unknown';
  } catch {
    return 'unknown';
  }
}
