/**
 * What every part of the end-to-end benchmark shares: where PostgreSQL and Kafka are, a run
 * id, progress on stderr, timing, rates, ratios, percentiles and the machine's description.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  LOCAL_POSTGRES_URL,
  databaseUrl,
  dropDatabase,
  type KafkaMessaging,
} from '@santunan/platform';

export interface BenchEnvironment {
  /** A server URL (any database on it): the parts create theirs beside it. */
  readonly server: string;
  readonly brokers: readonly string[];
  /** Names this run's databases and topics. */
  readonly run: string;
}

export function benchEnvironment(): BenchEnvironment {
  return {
    server: process.env['DATABASE_URL'] || LOCAL_POSTGRES_URL,
    brokers: (process.env['KAFKA_BROKERS'] || '127.0.0.1:9092').split(','),
    run: `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
  };
}

/** Progress goes to stderr; stdout carries the figures only. */
export function progress(part: string, line: string): void {
  process.stderr.write(`[bench:${part}] ${line}\n`);
}

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

/** Everything a run creates, removed at its end whatever happened. */
export class Cleanup {
  private readonly databases = new Set<string>();
  private readonly topics = new Set<string>();

  constructor(
    private readonly environment: BenchEnvironment,
    private readonly messaging: KafkaMessaging,
  ) {}

  database(name: string): string {
    this.databases.add(name);
    return databaseUrl(this.environment.server, name);
  }

  /** The topic and its dead-letter topic. */
  topic(name: string): string {
    this.topics.add(name);
    this.topics.add(`${name}.dlq`);
    return name;
  }

  async run(): Promise<void> {
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
    const libs = path.resolve(__dirname, '../../kafka/libs');
    const jar = fs.readdirSync(libs).find((name) => /^kafka_[\d.]+-[\d.]+\.jar$/.test(name));
    const version = jar?.match(/^kafka_[\d.]+-([\d.]+)\.jar$/)?.[1];
    return version ? `${version} (jars in tools/kafka/libs)` : 'unknown';
  } catch {
    return 'unknown';
  }
}
