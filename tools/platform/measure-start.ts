/**
 * Start-up time and memory of each app, run from its build (`node dist/apps/<app>/main.js`,
 * what `npm run platform` and the image run) and from TypeScript (ts-node, the `serve` targets):
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     tools/platform/measure-start.ts [--runs 3] [--from dist,ts-node] [--apps enrollment,…]
 * Start-up: from spawning the process to the first 200 from GET /health (polled every 25 ms),
 * and the CPU time the process had used by then (steadier than wall time on a busy machine).
 * Memory: the process's resident set (VmRSS) at that moment and 5 s later. Stop: SIGTERM to
 * exit. Each app starts once first, uncounted (its migrations run then), and the two ways of
 * running alternate, so both see the same machine. Build first (`npm run build`).
 * It uses DATABASE_URL (else the local server) and KAFKA_BROKERS (else 127.0.0.1:9092), creates
 * `<PLATFORM_DATABASE_PREFIX, default santunan_measure>_<app>` databases and the topics, and
 * listens from MEASURE_PORT (3201) up. Auth is HS256 with a throwaway secret and the console's
 * identity provider is only discovered at sign-in, so no Keycloak is needed. Medians go to
 * stdout and reports/start-and-memory.json.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_TOPICS, Topics, deadLetterTopic } from '@santunan/contracts';
import {
  KafkaMessaging,
  LOCAL_POSTGRES_URL,
  aclsFor,
  databaseUrl,
  ensureDatabase,
  kafkaSaslFromEnvironment,
  platformAccess,
} from '@santunan/platform';
import { builtEntry } from './build';
import { platformDatabases } from './databases';
import {
  CONSOLE,
  SERVICES,
  startService,
  stopService,
  type RunFrom,
  localSigningEnvironment,
} from './services';

const ROOT = path.resolve(__dirname, '../..');
const ALL_APPS = [...SERVICES.map((service) => service.name), CONSOLE.name];

interface Sample {
  readonly app: string;
  readonly from: RunFrom;
  readonly startMs: number;
  /** CPU time (user + system) the process had used by then: less at the mercy of the load. */
  readonly cpuMs: number;
  readonly rssAtReadyMb: number;
  readonly rssSettledMb: number;
  readonly stopMs: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

/** utime + stime from /proc/<pid>/stat, in ms (clock ticks of 10 ms on Linux). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 10) / 10;
}

async function measure(
  app: string,
  from: RunFrom,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<Sample> {
  const output: string[] = [];
  const started = performance.now();
  const service = startService(
    ROOT,
    { name: app, port },
    { ...env, [`${app.toUpperCase()}_PORT`]: String(port) },
    (line) => output.push(line),
    from,
  );
  const pid = service.process.pid!;
  let startMs = NaN;
  while (Number.isNaN(startMs)) {
    if (service.process.exitCode !== null || performance.now() - started > 120_000) {
      throw new Error(`${app} (${from}) did not become healthy:\n${output.slice(-20).join('\n')}`);
    }
    try {
      if ((await fetch(`${service.url}/health`)).ok) startMs = performance.now() - started;
    } catch {
      // not listening yet
    }
    if (Number.isNaN(startMs)) await sleep(25);
  }
  const rssAtReadyMb = residentMb(pid);
  const cpuAtReady = cpuMs(pid);
  await sleep(5000);
  const rssSettledMb = residentMb(pid);
  const stopping = performance.now();
  await stopService(service);
  return {
    app,
    from,
    startMs: Math.round(startMs),
    cpuMs: cpuAtReady,
    rssAtReadyMb,
    rssSettledMb,
    stopMs: Math.round(performance.now() - stopping),
  };
}

async function main(): Promise<void> {
  const runs = Number(option('runs', '3'));
  const modes = option('from', 'dist,ts-node').split(',') as RunFrom[];
  const apps = option('apps', ALL_APPS.join(',')).split(',');
  for (const app of apps) {
    if (!ALL_APPS.includes(app)) throw new Error(`unknown app ${app}`);
    if (modes.includes('dist') && !fs.existsSync(builtEntry(ROOT, app)))
      throw new Error(`${builtEntry(ROOT, app)} is missing: npm run build first`);
  }
  const server = process.env['DATABASE_URL'] || LOCAL_POSTGRES_URL;
  const databases = platformDatabases(
    process.env['PLATFORM_DATABASE_PREFIX'] || 'santunan_measure',
  );
  const { keycloak: _unused, ...ours } = databases;
  for (const database of Object.values(ours)) await ensureDatabase(server, database);
  const brokers = process.env['KAFKA_BROKERS'] || '127.0.0.1:9092';
  const messaging = new KafkaMessaging({
    brokers: brokers.split(','),
    clientId: 'measure-start',
    sasl: kafkaSaslFromEnvironment(),
  });
  await messaging.ensureTopics(
    ALL_TOPICS.flatMap((topic) => [{ name: topic }, { name: deadLetterTopic(topic) }]),
  );
  // On a broker that authenticates the services sign in as themselves (<SERVICE>_KAFKA_*).
  if (messaging.principal !== undefined) await messaging.grantAcls(aclsFor(platformAccess(Topics)));
  const basePort = Number(process.env['MEASURE_PORT'] || 3201);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: server,
    ENROLLMENT_DATABASE_URL: databaseUrl(server, databases.enrollment),
    CONTRIBUTIONS_DATABASE_URL: databaseUrl(server, databases.contributions),
    CLAIMS_DATABASE_URL: databaseUrl(server, databases.claims),
    PAYOUTS_DATABASE_URL: databaseUrl(server, databases.payouts),
    KEYS_DATABASE_URL: databaseUrl(server, databases.keys),
    CONSOLE_DATABASE_URL: databaseUrl(server, databases.console),
    KAFKA_BROKERS: brokers,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    // The services refuse to start without their event signing keys (ADR 0025).
    ...localSigningEnvironment(ROOT),
    AUTH_MODE: 'hs256',
    AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
    OIDC_ISSUER_URL: process.env['OIDC_ISSUER_URL'] || 'http://127.0.0.1:8180/realms/santunan',
    OIDC_CLIENT_SECRET: randomBytes(24).toString('base64url'),
    CONSOLE_SESSION_SECRET: randomBytes(32).toString('base64url'),
  };

  const samples: Sample[] = [];
  for (const [index, app] of apps.entries()) {
    const port = basePort + index;
    const warmUp = await measure(app, modes[0]!, port, env);
    process.stdout.write(`${app}: warm-up ${warmUp.startMs} ms\n`);
    for (let run = 0; run < runs; run++) {
      for (const from of run % 2 === 0 ? modes : [...modes].reverse()) {
        const sample = await measure(app, from, port, env);
        samples.push(sample);
        process.stdout.write(
          `${app} ${from}: ${sample.startMs} ms to /health (${sample.cpuMs} ms CPU), ` +
            `${sample.rssAtReadyMb} MB then, ` +
            `${sample.rssSettledMb} MB 5 s later, ${sample.stopMs} ms to stop\n`,
        );
      }
    }
  }

  const rows = apps.flatMap((app) =>
    modes.map((from) => {
      const of = samples.filter((sample) => sample.app === app && sample.from === from);
      return {
        app,
        from,
        startMs: median(of.map((sample) => sample.startMs)),
        cpuMs: median(of.map((sample) => sample.cpuMs)),
        rssAtReadyMb: median(of.map((sample) => sample.rssAtReadyMb)),
        rssSettledMb: median(of.map((sample) => sample.rssSettledMb)),
        stopMs: median(of.map((sample) => sample.stopMs)),
      };
    }),
  );
  process.stdout.write(
    `\nmedians of ${runs} runs (Node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(
        ' ',
      )})\n| app | from | start → /health | CPU used by then | RSS at ready | RSS 5 s later | stop |\n|---|---|---|---|---|---|---|\n`,
  );
  for (const row of rows) {
    process.stdout.write(
      `| ${row.app} | ${row.from} | ${row.startMs} ms | ${row.cpuMs} ms | ${row.rssAtReadyMb} MB | ${row.rssSettledMb} MB | ${row.stopMs} ms |\n`,
    );
  }
  fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'reports/start-and-memory.json'),
    `${JSON.stringify({ runs, node: process.version, samples, medians: rows }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
