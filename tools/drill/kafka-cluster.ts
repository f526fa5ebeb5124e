/**
 * A KRaft cluster of one or three brokers from the jars tools/kafka fetched (the same broker
 * `npm run kafka` runs), with its own generated configuration and data under the drill's
 * folder, on free ports of 127.0.0.1. Each node is broker and controller at once, with a static
 * quorum; with three nodes every topic has replication factor 3 and min.insync.replicas 2, so
 * an acks=all producer keeps writing while one node is down, and loses nothing acknowledged.
 * Nodes are stopped and killed by PID only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaSasl } from '@santunan/platform';
import { ROOT, log, pause, seconds, waitFor } from './support';

const JARS = path.join(ROOT, 'tools/kafka/libs');

export interface KafkaClusterOptions {
  /** 1 or 3 nodes. */
  readonly nodes: 1 | 3;
  /** The cluster's own folder (removed on stop). */
  readonly dir: string;
  /** Free ports: one client and one controller port per node. */
  readonly clientPorts: readonly number[];
  readonly controllerPorts: readonly number[];
  readonly heap?: string;
  /**
   * Clients sign in (SASL/SCRAM-SHA-512, one user per principal, random passwords) and every
   * request needs an ACL, as tools/kafka/kafka.sh runs the developer's broker (ADR 0024).
   */
  readonly secured?: boolean;
}

/** The principals of a secured cluster, as kafka.sh makes them; `admin` is the super user. */
export const CLUSTER_USERS = [
  'admin',
  'enrollment',
  'contributions',
  'claims',
  'payouts',
  'audit',
  'finance',
] as const;

export type ClusterPasswords = Readonly<
  Record<(typeof CLUSTER_USERS)[number] | 'controller', string>
>;

interface Node {
  readonly id: number;
  readonly dir: string;
  readonly clientPort: number;
  process: ChildProcess | undefined;
}

/** A Kafka cluster id: 16 random bytes in base64url (22 characters). */
function clusterId(): string {
  return randomBytes(16).toString('base64url');
}

/** server.properties of one node: the drill's own, not tools/kafka's (ADR 0027). */
export function nodeProperties(
  options: Pick<KafkaClusterOptions, 'nodes' | 'clientPorts' | 'controllerPorts'>,
  id: number,
  logDir: string,
  passwords?: ClusterPasswords,
): string {
  const replicas = options.nodes;
  const minIsr = options.nodes === 3 ? 2 : 1;
  const voters = options.controllerPorts
    .map((port, index) => `${index + 1}@127.0.0.1:${port}`)
    .join(',');
  const clientPort = options.clientPorts[id - 1];
  const controllerPort = options.controllerPorts[id - 1];
  return [
    'process.roles=broker,controller',
    `node.id=${id}`,
    `controller.quorum.voters=${voters}`,
    ...(passwords === undefined
      ? [
          `listeners=PLAINTEXT://127.0.0.1:${clientPort},CONTROLLER://127.0.0.1:${controllerPort}`,
          `advertised.listeners=PLAINTEXT://127.0.0.1:${clientPort}`,
          'inter.broker.listener.name=PLAINTEXT',
          'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        ]
      : [
          // kafka.sh's settings: SCRAM for clients and between brokers, PLAIN with a fixed
          // login on the controller listener (KRaft's controllers cannot use SCRAM).
          `listeners=CLIENT://127.0.0.1:${clientPort},CONTROLLER://127.0.0.1:${controllerPort}`,
          `advertised.listeners=CLIENT://127.0.0.1:${clientPort}`,
          'inter.broker.listener.name=CLIENT',
          'listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
          'sasl.enabled.mechanisms=SCRAM-SHA-512',
          'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
          `listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${passwords.admin}";`,
          'sasl.mechanism.controller.protocol=PLAIN',
          'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
          `listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="${passwords.controller}" user_controller="${passwords.controller}";`,
          'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
          'allow.everyone.if.no.acl.found=false',
          'super.users=User:admin;User:controller',
        ]),
    'controller.listener.names=CONTROLLER',
    `log.dirs=${logDir}`,
    'num.partitions=3',
    `default.replication.factor=${replicas}`,
    `min.insync.replicas=${minIsr}`,
    `offsets.topic.replication.factor=${replicas}`,
    'offsets.topic.num.partitions=1',
    `transaction.state.log.replication.factor=${replicas}`,
    `transaction.state.log.min.isr=${minIsr}`,
    `share.coordinator.state.topic.replication.factor=${replicas}`,
    `share.coordinator.state.topic.min.isr=${minIsr}`,
    // Never elect a replica that may have missed acknowledged writes.
    'unclean.leader.election.enable=false',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'log.cleaner.dedupe.buffer.size=2097152',
    'log.retention.hours=-1',
    '',
  ].join('\n');
}

export class KafkaCluster {
  private readonly nodes: Node[];
  private readonly admin: Kafka;
  /** Set on a secured cluster: every user's password. */
  readonly passwords: ClusterPasswords | undefined;

  private constructor(private readonly options: KafkaClusterOptions) {
    this.passwords = options.secured
      ? (Object.fromEntries(
          [...CLUSTER_USERS, 'controller'].map((user) => [
            user,
            randomBytes(18).toString('base64url'),
          ]),
        ) as unknown as ClusterPasswords)
      : undefined;
    this.nodes = options.clientPorts.map((clientPort, index) => ({
      id: index + 1,
      dir: path.join(options.dir, `node-${index + 1}`),
      clientPort,
      process: undefined,
    }));
    this.admin = new Kafka({
      clientId: 'santunan-drill-admin',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      ...(this.passwords === undefined
        ? {}
        : {
            sasl: { mechanism: 'scram-sha-512', username: 'admin', password: this.passwords.admin },
          }),
      retry: { retries: 2, initialRetryTime: 200 },
      connectionTimeout: 3_000,
    });
  }

  get brokers(): string[] {
    return this.nodes.map((node) => `127.0.0.1:${node.clientPort}`);
  }

  get size(): number {
    return this.nodes.length;
  }

  /** The admin's SASL login on a secured cluster. */
  get adminSasl(): KafkaSasl | undefined {
    return this.passwords === undefined
      ? undefined
      : { mechanism: 'scram-sha-512', username: 'admin', password: this.passwords.admin };
  }

  /**
   * What `kafka.sh credentials` prints, as an environment: KAFKA_SASL_* (admin) and each
   * principal's `<NAME>_KAFKA_USERNAME/_PASSWORD`; empty for an open cluster.
   */
  credentials(): Record<string, string> {
    const passwords = this.passwords;
    if (passwords === undefined) return {};
    const env: Record<string, string> = {
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'admin',
      KAFKA_SASL_PASSWORD: passwords.admin,
    };
    for (const user of CLUSTER_USERS) {
      if (user === 'admin') continue;
      env[`${user.toUpperCase()}_KAFKA_USERNAME`] = user;
      env[`${user.toUpperCase()}_KAFKA_PASSWORD`] = passwords[user];
    }
    return env;
  }

  /** Formats every node's storage with one cluster id, starts them, waits until all serve. */
  static async start(options: KafkaClusterOptions): Promise<KafkaCluster> {
    if (!fs.existsSync(path.join(JARS, '.complete')))
      throw new Error(
        'no broker jars: run `npm run kafka -- fetch` (bash tools/kafka/kafka.sh fetch)',
      );
    const cluster = new KafkaCluster(options);
    const id = clusterId();
    fs.rmSync(options.dir, { recursive: true, force: true });
    for (const node of cluster.nodes) {
      fs.mkdirSync(path.join(node.dir, 'data'), { recursive: true });
      fs.writeFileSync(
        path.join(node.dir, 'server.properties'),
        nodeProperties(options, node.id, path.join(node.dir, 'data'), cluster.passwords),
      );
      fs.writeFileSync(
        path.join(node.dir, 'log4j2.properties'),
        [
          'status = warn',
          'appender.file.type = File',
          'appender.file.name = file',
          `appender.file.fileName = ${path.join(node.dir, 'server.log')}`,
          'appender.file.layout.type = PatternLayout',
          'appender.file.layout.pattern = [%d] %p %m (%c)%n',
          'rootLogger.level = WARN',
          'rootLogger.appenderRef.file.ref = file',
          'logger.kafka.name = kafka',
          'logger.kafka.level = INFO',
          '',
        ].join('\n'),
      );
      const format = spawnSync(
        'java',
        [
          ...cluster.jvm(node, '256m'),
          'kafka.tools.StorageTool',
          'format',
          `--cluster-id=${id}`,
          '-c',
          path.join(node.dir, 'server.properties'),
          '--ignore-formatted',
          // A secured cluster's users go into the metadata log at format time (as kafka.sh).
          ...CLUSTER_USERS.flatMap((user) =>
            cluster.passwords === undefined
              ? []
              : ['--add-scram', `SCRAM-SHA-512=[name=${user},password=${cluster.passwords[user]}]`],
          ),
        ],
        { encoding: 'utf8' },
      );
      if (format.status !== 0)
        throw new Error(`formatting node ${node.id} failed: ${format.stderr || format.stdout}`);
    }
    try {
      for (const node of cluster.nodes) cluster.launch(node);
      await cluster.waitUntilServing(cluster.nodes.length, 180_000);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private jvm(node: Node, heap: string): string[] {
    return [
      `-Xmx${heap}`,
      '-Xms128m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      `-Dlog4j2.configurationFile=${path.join(node.dir, 'log4j2.properties')}`,
      '-cp',
      `${JARS}/*`,
    ];
  }

  private launch(node: Node): void {
    const out = fs.openSync(path.join(node.dir, 'stdout.log'), 'a');
    const child = spawn(
      'java',
      [
        ...this.jvm(node, this.options.heap ?? '384m'),
        'kafka.Kafka',
        path.join(node.dir, 'server.properties'),
      ],
      { stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    node.process = child;
    fs.writeFileSync(path.join(node.dir, 'broker.pid'), String(child.pid));
    // The drill dying must not leave brokers behind.
    process.once('exit', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
  }

  /** Until `count` brokers are registered and the group coordinator answers. */
  async waitUntilServing(count: number, timeoutMs = 120_000): Promise<void> {
    await waitFor(
      `${count} Kafka broker(s) serving`,
      async () => {
        const admin = this.admin.admin();
        try {
          await admin.connect();
          const cluster = await admin.describeCluster();
          if (cluster.brokers.length < count) return false;
          await admin.listGroups();
          return true;
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  /** Creates the topics with the cluster's replication (skips those that exist). */
  async createTopics(names: readonly string[], partitions = 3): Promise<void> {
    const admin = this.admin.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = names.filter((name) => !existing.has(name));
      if (missing.length > 0) {
        // Creation is the controller's; a broker learns of the new partitions a moment later,
        // and under load kafkajs' own wait can give up with "This server does not host this
        // topic-partition" (seen once at load 20). So create without waiting, then wait here
        // until every partition of every topic has a leader, whichever broker answers.
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: partitions,
            replicationFactor: this.nodes.length,
          })),
        });
      }
      await waitFor(
        'every partition of the platform topics with a leader',
        async () => {
          const metadata = await admin.fetchTopicMetadata({ topics: [...names] });
          return (
            metadata.topics.length === names.length &&
            metadata.topics.every(
              (topic) =>
                topic.partitions.length === partitions &&
                topic.partitions.every((partition) => partition.leader >= 0),
            )
          );
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Partitions whose in-sync replicas are fewer than their replicas, over these topics. */
  async underReplicated(topics: readonly string[]): Promise<number> {
    const admin = this.admin.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      return metadata.topics
        .flatMap((topic) => topic.partitions)
        .filter((partition) => partition.isr.length < partition.replicas.length).length;
    } finally {
      await admin.disconnect();
    }
  }

  /** The node leading most partitions of these topics (the one whose loss moves the most). */
  async busiestLeader(topics: readonly string[]): Promise<number> {
    const admin = this.admin.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const counts = new Map<number, number>();
      for (const partition of metadata.topics.flatMap((topic) => topic.partitions))
        counts.set(partition.leader, (counts.get(partition.leader) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
    } finally {
      await admin.disconnect();
    }
  }

  /** Members per consumer group among clients named `clientId` (a service's instances). */
  async groupMembers(clientId: string): Promise<Map<string, number>> {
    const admin = this.admin.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const described = await admin.describeGroups(groups.map((group) => group.groupId));
      const members = new Map<string, number>();
      for (const group of described.groups) {
        const ours = group.members.filter((member) => member.clientId === clientId).length;
        if (ours > 0) members.set(group.groupId, ours);
      }
      return members;
    } finally {
      await admin.disconnect();
    }
  }

  /** kill -9 one node (by its PID); resolves once the process is gone. */
  async kill(id: number): Promise<void> {
    const node = this.node(id);
    const child = node.process;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    node.process = undefined;
  }

  /** Starts a killed node again on its data, waits until the whole cluster serves. */
  async restart(id: number): Promise<void> {
    this.launch(this.node(id));
    await this.waitUntilServing(this.nodes.length, 180_000);
  }

  /** Stops every node (SIGTERM, SIGKILL after 20 s) and removes the cluster's folder. */
  async stop(): Promise<void> {
    const started = Date.now();
    await Promise.all(
      this.nodes.map(async (node) => {
        const child = node.process;
        if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    log(`Kafka cluster stopped in ${seconds(Date.now() - started)}`);
    // A moment for the JVMs' files to close before their folder goes.
    await pause(200);
    if (!process.env['DRILL_KEEP']) fs.rmSync(this.options.dir, { recursive: true, force: true });
  }

  private node(id: number): Node {
    const node = this.nodes.find((candidate) => candidate.id === id);
    if (node === undefined) throw new Error(`no node ${id} in a ${this.nodes.length}-node cluster`);
    return node;
  }
}
