/**
 * What a drill checks after the fault, the same way for every drill: the outboxes drained,
 * every consumer group caught up with its topics, the audit's verify (hash chains, and every
 * stored event on its topic, nothing on a topic that is not stored), no payout settled twice,
 * and — where asked — the read models rebuilt from the events equal to the live ones.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Kafka, logLevel, type Admin, type KafkaConfig } from 'kafkajs';
import { Client } from 'pg';
import { databaseUrl, dropDatabase, ensureDatabase, type KafkaSasl } from '@santunan/platform';
import { SERVICE_NAMES, type ServiceName } from './fleet';
import { DrillFailure, ROOT, log, pause, seconds, waitFor } from './support';
import { typeScriptEntry } from '../platform/services';

/** Where a drill's Kafka is and, on a secured broker, the super user the drill checks as. */
export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly sasl?: KafkaSasl;
}

/** kafkajs's client options for a connection (its SASL type names each mechanism apart). */
export function kafkaClient(connection: KafkaConnection, clientId: string): KafkaConfig {
  const { sasl } = connection;
  return {
    clientId,
    brokers: [...connection.brokers],
    logLevel: logLevel.NOTHING,
    ...(sasl === undefined
      ? {}
      : {
          sasl:
            sasl.mechanism === 'scram-sha-256'
              ? { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password }
              : { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password },
        }),
  };
}

export const POSTGRES_SERVER =
  process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The drill's own databases: `<prefix>_<service>` and `<prefix>_keys`, as the runner names them. */
export class DrillDatabases {
  constructor(readonly prefix: string) {}

  get names(): string[] {
    return [...SERVICE_NAMES, 'keys'].map((name) => `${this.prefix}_${name}`);
  }

  url(service: ServiceName | 'keys'): string {
    return databaseUrl(POSTGRES_SERVER, `${this.prefix}_${service}`);
  }

  async create(): Promise<void> {
    for (const name of this.names) await ensureDatabase(POSTGRES_SERVER, name);
  }

  async drop(): Promise<void> {
    if (process.env['DRILL_KEEP']) return;
    for (const name of this.names) await dropDatabase(POSTGRES_SERVER, name);
  }

  /** The environment the services, the scenario and the audit find these databases by. */
  environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: POSTGRES_SERVER,
      PLATFORM_DATABASE_PREFIX: this.prefix,
      KEYS_DATABASE_URL: this.url('keys'),
    };
    for (const service of SERVICE_NAMES)
      env[`${service.toUpperCase()}_DATABASE_URL`] = this.url(service);
    return env;
  }

  async query<Row>(service: ServiceName, sql: string, values: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: this.url(service) });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  /** Stored events of a service (0 before its migrations ran). */
  async eventCount(service: ServiceName): Promise<number> {
    try {
      const [row] = await this.query<{ count: string }>(service, 'select count(*) from events');
      return Number(row?.count ?? 0);
    } catch {
      return 0;
    }
  }

  async outboxCount(service: ServiceName): Promise<number> {
    const [row] = await this.query<{ count: string }>(service, 'select count(*) from outbox');
    return Number(row?.count ?? 0);
  }
}

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Every outbox empty: whatever was appended has been acknowledged by Kafka. */
export async function outboxesDrained(databases: DrillDatabases): Promise<CheckResult> {
  const started = Date.now();
  try {
    await waitFor(
      'outboxes drained',
      async () => {
        for (const service of SERVICE_NAMES)
          if ((await databases.outboxCount(service)) > 0) return false;
        return true;
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    return { name: 'outboxes drained', ok: true, detail: `after ${seconds(Date.now() - started)}` };
  } catch (error) {
    return { name: 'outboxes drained', ok: false, detail: String(error) };
  }
}

/** Partitions whose group's committed offset is behind the end, as `group topic/p at<end`. */
export async function consumerLag(admin: Admin): Promise<string[]> {
  const { groups } = await admin.listGroups();
  const lagging: string[] = [];
  for (const { groupId } of groups) {
    if (groupId.startsWith('santunan-drill')) continue;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      for (const end of await admin.fetchTopicOffsets(topic)) {
        const committed = partitions.find((p) => p.partition === end.partition)?.offset;
        const at = committed === undefined || committed === '-1' ? 0n : BigInt(committed);
        // An empty partition (or one whose messages are all gone) has nothing to read.
        if (at < BigInt(end.high) && BigInt(end.high) > BigInt(end.low))
          lagging.push(`${groupId} ${topic}/${end.partition} ${at}<${end.high}`);
      }
    }
  }
  return lagging;
}

/**
 * Every few seconds while a drill runs: outbox backlog and events per service, and the
 * consumer partitions behind — written to the drill's monitor log, for the post-mortem.
 */
export function monitor(
  databases: DrillDatabases,
  kafka: KafkaConnection,
  file: string,
  everyMs = 5_000,
): () => Promise<void> {
  const client = new Kafka({
    ...kafkaClient(kafka, 'santunan-drill-monitor'),
    // A second try reaches another seed broker when one is down (drill b).
    retry: { retries: 2, initialRetryTime: 100 },
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
  });
  let running = true;
  const loop = (async () => {
    while (running) {
      const parts: string[] = [];
      for (const service of SERVICE_NAMES) {
        try {
          parts.push(
            `${service} events ${await databases.eventCount(service)} outbox ${await databases.outboxCount(service)}`,
          );
        } catch (error) {
          parts.push(`${service} ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const admin = client.admin();
      try {
        await admin.connect();
        const lag = await consumerLag(admin);
        parts.push(`lagging partitions ${lag.length}: ${lag.slice(0, 8).join(', ')}`);
      } catch (error) {
        parts.push(`lag unknown (${error instanceof Error ? error.message : String(error)})`);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      fs.appendFileSync(file, `${new Date().toISOString()} ${parts.join(' | ')}\n`);
      await pause(everyMs);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Each consumer group's committed offsets at the end of every partition it reads. */
export async function consumersCaughtUp(connection: KafkaConnection): Promise<CheckResult> {
  const kafka = new Kafka(kafkaClient(connection, 'santunan-drill-lag'));
  const admin = kafka.admin();
  await admin.connect();
  const started = Date.now();
  let last = '';
  try {
    await waitFor(
      'consumer groups caught up',
      async () => {
        const lagging = await consumerLag(admin);
        last = lagging.slice(0, 5).join(', ');
        return lagging.length === 0;
      },
      { timeoutMs: 180_000, intervalMs: 1_000 },
    );
    return {
      name: 'consumer groups caught up',
      ok: true,
      detail: `every group at the end of its partitions after ${seconds(Date.now() - started)}`,
    };
  } catch (error) {
    return { name: 'consumer groups caught up', ok: false, detail: `${String(error)} (${last})` };
  } finally {
    await admin.disconnect();
  }
}

/** Runs `npm run audit -- <args>` (tools/audit/main.ts) with the drill's environment. */
export function runAudit(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...typeScriptEntry('tools/audit/main.ts'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

interface VerificationJson {
  readonly ok: boolean;
  readonly stores: readonly {
    service: string;
    eventsVerified: number;
    problems?: readonly unknown[];
  }[];
  readonly topics: readonly {
    service: string;
    matched: number;
    duplicates: number;
    awaitingPublication: number;
    problems: readonly { kind: string; detail: string; eventId?: string | null }[];
  }[];
}

/** `audit verify`: every chain intact, every stored event on its topic and nothing else there. */
export async function auditVerify(env: NodeJS.ProcessEnv): Promise<CheckResult> {
  const started = Date.now();
  const { code, stdout, stderr } = await runAudit(['verify', '--json', '--quiet'], env);
  let parsed: VerificationJson | undefined;
  try {
    parsed = JSON.parse(stdout) as VerificationJson;
  } catch {
    return { name: 'audit verify', ok: false, detail: `exit ${code}: ${stderr.slice(0, 800)}` };
  }
  const events = parsed.stores.reduce((sum, store) => sum + store.eventsVerified, 0);
  const topics = parsed.topics
    .map(
      (topic) =>
        `${topic.service} ${topic.matched} on topic` +
        (topic.duplicates > 0 ? ` (+${topic.duplicates} redelivered)` : '') +
        (topic.problems.length > 0
          ? `, ${topic.problems.length} problem(s): ${topic.problems[0]?.kind} ${topic.problems[0]?.detail}`
          : ''),
    )
    .join('; ');
  return {
    name: 'audit verify',
    ok: code === 0 && parsed.ok,
    detail: `exit ${code}, ${events} events verified; ${topics} (${seconds(Date.now() - started)})`,
  };
}

/**
 * `audit verify` on topics that also carry forged messages (drill d): every chain intact, and
 * the only problems the audit finds are the forgeries, each of them found.
 */
export async function auditVerifyFindsOnly(
  env: NodeJS.ProcessEnv,
  forgedEventIds: readonly string[],
): Promise<CheckResult> {
  const { code, stdout, stderr } = await runAudit(['verify', '--json', '--quiet'], env);
  let parsed: VerificationJson;
  try {
    parsed = JSON.parse(stdout) as VerificationJson;
  } catch {
    return { name: 'audit verify', ok: false, detail: `exit ${code}: ${stderr.slice(0, 800)}` };
  }
  const forged = new Set(forgedEventIds);
  const storeProblems = parsed.stores.flatMap((store) => store.problems ?? []);
  const problems = parsed.topics.flatMap((topic) => topic.problems);
  const unexpected = problems.filter((problem) => !forged.has(problem.eventId ?? ''));
  const found = new Set(problems.map((problem) => problem.eventId));
  const missed = forgedEventIds.filter((id) => !found.has(id));
  const events = parsed.stores.reduce((sum, store) => sum + store.eventsVerified, 0);
  return {
    name: 'audit verify finds the forgeries and nothing else',
    ok: storeProblems.length === 0 && unexpected.length === 0 && missed.length === 0,
    detail:
      `exit ${code}, ${events} events verified, chains intact; ${problems.length} topic problem(s), ` +
      `all about the ${forgedEventIds.length} forged events (${[...new Set(problems.map((problem) => problem.kind))].join(', ')})` +
      (unexpected.length > 0
        ? `; UNEXPECTED: ${unexpected.map((problem) => problem.detail).join('; ')}`
        : '') +
      (missed.length > 0 ? `; not found: ${missed.join(', ')}` : ''),
  };
}

/** `audit replay <service>`: the read models rebuilt from the events equal the live ones. */
export async function auditReplay(
  service: ServiceName,
  env: NodeJS.ProcessEnv,
): Promise<CheckResult> {
  const { code, stdout, stderr } = await runAudit(['replay', service, '--json', '--quiet'], env);
  try {
    const parsed = JSON.parse(stdout) as { ok: boolean; differences: readonly unknown[] };
    return {
      name: `audit replay ${service}`,
      ok: code === 0 && parsed.ok,
      detail: `exit ${code}, ${parsed.differences.length} difference(s)`,
    };
  } catch {
    return {
      name: `audit replay ${service}`,
      ok: false,
      detail: `exit ${code}: ${stderr.slice(0, 500)}`,
    };
  }
}

/**
 * No payout paid twice: at most one PayoutSettled per payout and attempt in the payouts store,
 * at most one benefit payout per decision and beneficiary, and no bank reference reused.
 */
export async function noPayoutTwice(databases: DrillDatabases): Promise<CheckResult> {
  const twiceSettled = await databases.query<{ stream_id: string; n: string }>(
    'payouts',
    `select stream_id, data->>'attempt' as attempt, count(*) as n from events
      where type = 'PayoutSettled' group by 1, 2 having count(*) > 1`,
  );
  const twiceOrdered = await databases.query<{ decision_id: string }>(
    'payouts',
    `select decision_id, beneficiary_id from payout_orders where kind = 'benefit'
      group by 1, 2 having count(*) > 1`,
  );
  const [settled] = await databases.query<{ payouts: string; settlements: string }>(
    'payouts',
    `select count(distinct stream_id) as payouts, count(*) as settlements from events
      where type = 'PayoutSettled'`,
  );
  const ok = twiceSettled.length === 0 && twiceOrdered.length === 0;
  return {
    name: 'no payout twice',
    ok,
    detail: ok
      ? `${settled?.settlements ?? 0} settlements of ${settled?.payouts ?? 0} payouts, none twice`
      : `settled twice: ${twiceSettled.map((row) => row.stream_id).join(', ')}; ordered twice: ${twiceOrdered.map((row) => row.decision_id).join(', ')}`,
  };
}

/** Fails the drill when a check failed, after printing all of them. */
export function requireAll(checks: readonly CheckResult[]): void {
  for (const check of checks) log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  const failed = checks.filter((check) => !check.ok);
  if (failed.length > 0)
    throw new DrillFailure(`${failed.map((check) => check.name).join(', ')} failed`);
}
