/**
 * A whole platform for one drill, on 127.0.0.1 only: its own Kafka cluster (1 or 3 nodes),
 * its own databases on the machine's PostgreSQL, the four services (one or two instances
 * each) with HS256 tokens of a secret made for the run, and the scenario played against the
 * services' proxies. Everything is stopped and removed afterwards (DRILL_KEEP=1 keeps data).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ALL_TOPICS, Topics, deadLetterTopic } from '@santunan/contracts';
import { KafkaMessaging, aclsFor, localEventKeys, platformAccess } from '@santunan/platform';
import { typeScriptEntry, type RunFrom } from '../platform/services';
import { DrillDatabases, monitor, type KafkaConnection } from './checks';
import { Fleet, SERVICE_NAMES, type ServiceName } from './fleet';
import { KafkaCluster } from './kafka-cluster';
import { Cleanup, ROOT, drillDataRoot, freePort, log, pause, seconds } from './support';

/** Variables a drill's processes must not inherit: its brokers and their users are its own. */
const INHERITED_KAFKA =
  /^(KAFKA_|[A-Z]+_KAFKA_(USERNAME|PASSWORD)$|[A-Z]+_EVENT_SIGNING_KEY$|EVENT_PUBLIC_KEYS$)/;

/** How long a fault waits for its service to get busy in the chosen step before striking. */
const BUSY_BOUND_MS = 20_000;

export interface ScenarioRun {
  /** Its output lines so far (steps begin with "▶ "). */
  readonly output: string[];
  finished: boolean;
  readonly startedAt: number;
  readonly done: Promise<{ code: number; ms: number }>;
}

/** A broker the drill did not start (drill d's secured one): how to reach it, and the env. */
export interface ExternalKafka {
  readonly connection: KafkaConnection;
  /** What the services need to sign in (each its own principal). */
  readonly env: Readonly<Record<string, string>>;
}

export interface DrillPlatformOptions {
  readonly drill: string;
  /** The drill's own cluster of 1 or 3 nodes, or a broker given to it. */
  readonly brokers: 1 | 3 | ExternalKafka;
  readonly instances: number;
  readonly from: RunFrom;
}

export class DrillPlatform {
  readonly cleanup = new Cleanup();
  readonly dir: string;
  readonly databases: DrillDatabases;
  cluster!: KafkaCluster;
  kafka!: KafkaConnection;
  fleet!: Fleet;
  env: NodeJS.ProcessEnv = {};

  constructor(
    readonly options: DrillPlatformOptions,
    readonly run: string,
  ) {
    this.dir = path.join(drillDataRoot(), `${options.drill}-${run}`);
    this.databases = new DrillDatabases(`drill_${options.drill}_${run}`);
  }

  get topics(): string[] {
    return ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]);
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    const started = Date.now();
    let kafkaEnv: Readonly<Record<string, string>> = {};
    const brokers = this.options.brokers;
    if (typeof brokers === 'number') {
      const ports = await Promise.all(Array.from({ length: brokers * 2 }, () => freePort()));
      this.cluster = await KafkaCluster.start({
        nodes: brokers,
        dir: path.join(this.dir, 'kafka'),
        clientPorts: ports.slice(0, brokers),
        controllerPorts: ports.slice(brokers),
        secured: true,
      });
      this.cleanup.add('Kafka cluster', () => this.cluster.stop());
      await this.cluster.createTopics(this.topics);
      const sasl = this.cluster.adminSasl;
      this.kafka = { brokers: this.cluster.brokers, ...(sasl === undefined ? {} : { sasl }) };
      // Each service signs in as itself and may do only what the platform's table grants.
      await new KafkaMessaging({
        brokers: this.cluster.brokers,
        clientId: 'santunan-drill-admin',
        sasl,
        logLevel: 'nothing',
      }).grantAcls(aclsFor(platformAccess(Topics)));
      kafkaEnv = this.cluster.credentials();
      log(
        `Kafka: ${brokers} broker(s) at ${this.cluster.brokers.join(',')} (SASL/SCRAM, ACLs) in ${seconds(Date.now() - started)}`,
      );
    } else {
      this.kafka = brokers.connection;
      kafkaEnv = brokers.env;
    }

    await this.databases.create();
    this.cleanup.add('databases', () => this.databases.drop());
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !INHERITED_KAFKA.test(name)),
    );
    this.env = {
      ...inherited,
      ...this.databases.environment(),
      KAFKA_BROKERS: this.kafka.brokers.join(','),
      ...kafkaEnv,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      AUTH_MODE: 'hs256',
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      // Each service signs what it publishes with a key of this run (issue 17).
      ...localEventKeys(path.join(this.dir, 'keys'), SERVICE_NAMES).environment,
      NX_DAEMON: 'false',
    };
    this.fleet = await Fleet.start({
      instances: this.options.instances,
      env: this.env,
      from: this.options.from,
      logPath: path.join(this.dir, 'services.log'),
    });
    this.cleanup.add('services', () => this.fleet.stop());
    const stopMonitor = monitor(this.databases, this.kafka, path.join(this.dir, 'monitor.log'));
    this.cleanup.add('monitor', stopMonitor);
  }

  /**
   * `npm run scenario -- --small` against the proxies; `done` gives its exit code and time.
   * `patienceS`: how long the scenario waits for what is eventually consistent — longer than
   * its default (90 s), since the fault stalls the flow on purpose (a broker's failover, a
   * consumer session timing out).
   */
  scenario(patienceS = 240, extra: readonly string[] = []): ScenarioRun {
    const urls = this.fleet.urls();
    const output: string[] = [];
    const logFile = fs.openSync(path.join(this.dir, 'scenario.log'), 'a');
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        ...typeScriptEntry('tools/scenario/main.ts'),
        '--small',
        '--patience',
        String(patienceS),
        ...extra,
        ...SERVICE_NAMES.flatMap((service) => [`--base-url-${service}`, urls[service]]),
      ],
      { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer): void => {
      fs.writeSync(logFile, chunk);
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') output.push(line);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    this.cleanup.add('scenario', () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    });
    const run: ScenarioRun = {
      output,
      finished: false,
      startedAt: started,
      done: new Promise((resolve) => {
        child.once('exit', (code) => {
          fs.closeSync(logFile);
          run.finished = true;
          resolve({ code: code ?? 1, ms: Date.now() - started });
        });
      }),
    };
    return run;
  }

  /**
   * Resolves once the scenario has begun `step` and `service` has appended `events` more
   * events since (busy in it), or BUSY_BOUND_MS after the step began; false if the scenario
   * ended before the step.
   */
  async busyIn(
    scenario: ScenarioRun,
    step: string,
    service: ServiceName,
    events: number,
  ): Promise<boolean> {
    while (!scenario.output.some((line) => line.includes(`▶ ${step}`))) {
      if (scenario.finished) return false;
      await pause(200);
    }
    const before = await this.databases.eventCount(service);
    const bound = Date.now() + BUSY_BOUND_MS;
    while (Date.now() < bound && !scenario.finished) {
      if ((await this.databases.eventCount(service)) - before >= events) break;
      await pause(100);
    }
    return true;
  }

  async stop(): Promise<void> {
    await this.cleanup.run();
  }
}
