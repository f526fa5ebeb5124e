/**
 * Drill d: forged messages on a broker that authenticates and authorises (tools/kafka/kafka.sh:
 * SASL/SCRAM, one principal per service, ACLs from the platform's access table, ADR 0024) and
 * services that sign and verify (ADR 0025):
 *   1. a principal the broker does not know cannot sign in, and a known one (claims) cannot
 *      write enrollment's topic — Kafka refuses both, nothing reaches the topic;
 *   2. the enrollment principal itself (authorised to write enrollment.events, as a stolen
 *      password would be) publishes a forged DeclaredIncomeChanged — signed with a stranger's
 *      key under enrollment's key id, signed with claims' real key, and unsigned — and every
 *      consumer of the topic dead-letters each with its reason (SIGNATURE_INVALID,
 *      SIGNATURE_MISSING) without applying it;
 * then the small scenario runs on the same partitions (the legitimate flow with SASL and
 * signatures on, end to end) and the usual checks follow.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka } from 'kafkajs';
import {
  ALL_TOPICS,
  Topics,
  deadLetterTopic,
  signatureHeaders,
  type EventSigningKey,
} from '@santunan/contracts';
import {
  KafkaMessaging,
  aclsFor,
  eventHash,
  platformAccess,
  type KafkaSasl,
} from '@santunan/platform';
import {
  auditVerifyFindsOnly,
  consumersCaughtUp,
  kafkaClient,
  noPayoutTwice,
  outboxesDrained,
  requireAll,
  type CheckResult,
  type KafkaConnection,
} from './checks';
import type { DrillContext, DrillOutcome } from './drill';
import { DrillPlatform } from './drill-platform';
import type { ServiceName } from './fleet';
import {
  Cleanup,
  DrillFailure,
  ROOT,
  drillDataRoot,
  failedWith,
  freePort,
  log,
  seconds,
  waitFor,
} from './support';

const KAFKA_SH = path.join(ROOT, 'tools/kafka/kafka.sh');
/** The services that consume enrollment.events, each of which must refuse every forgery. */
const ENROLLMENT_CONSUMERS: readonly ServiceName[] = ['contributions', 'claims', 'payouts'];

interface Forgery {
  readonly label: string;
  readonly eventId: string;
  readonly reason: 'SIGNATURE_INVALID' | 'SIGNATURE_MISSING';
}

/** kafka.sh with the drill's own data folder and ports (never the developer's broker). */
function kafkaSh(command: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync('bash', [KAFKA_SH, command], {
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0)
    throw new DrillFailure(`kafka.sh ${command} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** `export NAME=value` lines (kafka.sh credentials) as a record. */
function exportsOf(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = match[2];
  }
  return values;
}

function principal(credentials: Record<string, string>, name: string): KafkaSasl {
  const upper = name.toUpperCase();
  const username =
    name === 'admin' ? credentials['KAFKA_SASL_USERNAME'] : credentials[`${upper}_KAFKA_USERNAME`];
  const password =
    name === 'admin' ? credentials['KAFKA_SASL_PASSWORD'] : credentials[`${upper}_KAFKA_PASSWORD`];
  if (!username || !password) throw new DrillFailure(`kafka.sh gave no credentials for ${name}`);
  return { mechanism: 'scram-sha-512', username, password };
}

/** A DeclaredIncomeChanged as enrollment would publish it, hash and all — only not enrollment's. */
function forgedIncomeChange(): { eventId: string; value: Buffer } {
  const eventId = randomUUID();
  const participantId = randomUUID();
  const now = new Date().toISOString();
  const fields = {
    eventId,
    streamId: `participant-${participantId}`,
    streamType: 'participant',
    version: 2,
    type: 'DeclaredIncomeChanged',
    schemaVersion: 1,
    data: { participantId, declaredIncome: 3_000_000, effectiveFrom: '2026-12' },
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { id: 'intruder', kind: 'user', roles: ['enrollment-officer'] },
    },
    occurredAt: now,
    recordedAt: now,
    previousHash: null,
  } as const;
  const envelope = { ...fields, globalPosition: '2', hash: eventHash(fields) };
  return { eventId, value: Buffer.from(JSON.stringify(envelope), 'utf8') };
}

/** The error a refused client gets, as text (kafkajs names the broker's error code). */
async function refusal(attempt: () => Promise<unknown>): Promise<string | null> {
  try {
    await attempt();
    return null;
  } catch (error) {
    const type = (error as { type?: unknown }).type;
    return `${error instanceof Error ? error.name : 'Error'}${typeof type === 'string' ? ` ${type}` : ''}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function drillD(context: DrillContext): Promise<DrillOutcome> {
  if (!fs.readFileSync(KAFKA_SH, 'utf8').includes('credentials'))
    throw new DrillFailure('pending: tools/kafka/kafka.sh has no SASL/ACLs yet (issue 17)');
  const cleanup = new Cleanup();
  const timings: Record<string, string> = {};
  const dir = path.join(drillDataRoot(), `d-${context.run}`);
  try {
    const [port, controllerPort] = [await freePort(), await freePort()];
    const shEnv: NodeJS.ProcessEnv = {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('KAFKA_')),
      ),
      KAFKA_DATA_DIR: path.join(dir, 'kafka'),
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      KAFKA_SASL: 'on',
    };
    const started = Date.now();
    kafkaSh('start', shEnv);
    cleanup.add('secured broker', () => {
      kafkaSh('stop', shEnv);
      if (!process.env['DRILL_KEEP'])
        fs.rmSync(path.join(dir, 'kafka'), { recursive: true, force: true });
    });
    timings['secured broker start (kafka.sh, SASL/SCRAM + ACLs)'] = seconds(Date.now() - started);
    const credentials = exportsOf(kafkaSh('credentials', shEnv));
    const brokers = [`127.0.0.1:${port}`];
    const admin: KafkaConnection = { brokers, sasl: principal(credentials, 'admin') };
    const adminMessaging = new KafkaMessaging({
      brokers,
      clientId: 'santunan-drill-admin',
      sasl: admin.sasl,
      logLevel: 'nothing',
    });
    await adminMessaging.ensureTopics(
      ALL_TOPICS.flatMap((topic) => [{ name: topic }, { name: deadLetterTopic(topic) }]),
    );
    await adminMessaging.grantAcls(aclsFor(platformAccess(Topics)));
    log(`secured broker at ${brokers[0]}: topics and the platform's ACLs in place`);

    const platform = new DrillPlatform(
      {
        drill: 'd',
        brokers: { connection: admin, env: credentials },
        instances: 1,
        from: context.from,
      },
      context.run,
    );
    cleanup.add('platform', () => platform.stop());
    await platform.start();
    const checks: CheckResult[] = [];

    // 1. Kafka refuses who may not write.
    const { value: strangerValue } = forgedIncomeChange();
    const intruder = await refusal(async () => {
      const messaging = new KafkaMessaging({
        brokers,
        clientId: 'intruder',
        sasl: { mechanism: 'scram-sha-512', username: 'intruder', password: randomUUID() },
        logLevel: 'nothing',
      });
      const publisher = await messaging.createPublisher();
      await publisher.publish(Topics.enrollmentEvents, [{ key: 'x', value: strangerValue }]);
    });
    checks.push({
      name: 'unknown principal refused by the broker',
      ok: intruder !== null,
      detail: intruder ?? 'the produce was accepted',
    });
    const claimsWrites = await refusal(async () => {
      const messaging = new KafkaMessaging({
        brokers,
        clientId: 'claims-forger',
        sasl: principal(credentials, 'claims'),
        logLevel: 'nothing',
      });
      const publisher = await messaging.createPublisher();
      try {
        await publisher.publish(Topics.enrollmentEvents, [{ key: 'x', value: strangerValue }]);
      } finally {
        await publisher.close();
      }
    });
    checks.push({
      name: "claims' principal refused on enrollment.events",
      ok: claimsWrites !== null && /AUTHORIZATION/i.test(claimsWrites),
      detail: claimsWrites ?? 'the produce was accepted',
    });
    const ends = async (): Promise<number> => {
      const client = new Kafka(kafkaClient(admin, 'santunan-drill-offsets')).admin();
      await client.connect();
      try {
        const offsets = await client.fetchTopicOffsets(Topics.enrollmentEvents);
        return offsets.reduce((sum, offset) => sum + Number(offset.high), 0);
      } finally {
        await client.disconnect();
      }
    };
    const before = await ends();
    checks.push({
      name: 'nothing refused reached the topic',
      ok: before === 0,
      detail: `enrollment.events holds ${before} message(s) before anyone legitimate wrote`,
    });

    // 2. The enrollment principal (authorised) publishes what enrollment did not sign.
    const keysDir = path.join(platform.dir, 'keys');
    const claimsKey: EventSigningKey = {
      keyId: 'claims-local',
      privateKey: createPrivateKey(fs.readFileSync(path.join(keysDir, 'claims.event-signing.pem'))),
    };
    const strangerKey: EventSigningKey = {
      keyId: 'enrollment-local',
      privateKey: generateKeyPairSync('ed25519').privateKey,
    };
    const forgeries: Forgery[] = [];
    const forger = await new KafkaMessaging({
      brokers,
      clientId: 'enrollment-forger',
      sasl: principal(credentials, 'enrollment'),
      logLevel: 'nothing',
    }).createPublisher();
    try {
      for (const [label, key, reason] of [
        ["a stranger's key under enrollment's key id", strangerKey, 'SIGNATURE_INVALID'],
        ["claims' own key", claimsKey, 'SIGNATURE_INVALID'],
        ['no signature', null, 'SIGNATURE_MISSING'],
      ] as const) {
        const { eventId, value } = forgedIncomeChange();
        await forger.publish(Topics.enrollmentEvents, [
          {
            key: `participant-${eventId}`,
            value,
            headers:
              key === null
                ? { 'event-id': eventId }
                : { 'event-id': eventId, ...signatureHeaders(key, Topics.enrollmentEvents, value) },
          },
        ]);
        forgeries.push({ label, eventId, reason });
      }
    } finally {
      await forger.close();
    }
    log(`published ${forgeries.length} forged events as the enrollment principal`);
    const forgedAt = Date.now();
    const dead = await waitFor(
      'every consumer of enrollment.events dead-lettered every forgery',
      async () => {
        const letters = await readAll(admin, deadLetterTopic(Topics.enrollmentEvents));
        return letters.length >= forgeries.length * ENROLLMENT_CONSUMERS.length ? letters : false;
      },
      { timeoutMs: 180_000, intervalMs: 2_000 },
    );
    timings['forgeries dead-lettered by all consumers after'] = seconds(Date.now() - forgedAt);
    for (const forgery of forgeries) {
      const letters = dead.filter((letter) => letter.value.includes(forgery.eventId));
      const reasons = letters.map((letter) => letter.headers['dlq-reason-code'] ?? '?');
      const consumers = letters.map((letter) => letter.headers['dlq-consumer'] ?? '?');
      checks.push({
        name: `forgery with ${forgery.label}`,
        ok:
          letters.length === ENROLLMENT_CONSUMERS.length &&
          reasons.every((reason) => reason === forgery.reason),
        detail: `dead-lettered by ${consumers.join(', ')} as ${[...new Set(reasons)].join(', ')}`,
      });
    }
    let applied = 0;
    for (const service of ENROLLMENT_CONSUMERS) {
      const [row] = await platform.databases.query<{ n: string }>(
        service,
        'select count(*) as n from inbox where event_id = any($1::text[])',
        [forgeries.map((forgery) => forgery.eventId)],
      );
      applied += Number(row?.n ?? 0);
    }
    checks.push({
      name: 'no forgery applied',
      ok: applied === 0,
      detail: `${applied} inbox row(s) for the forged event ids in ${ENROLLMENT_CONSUMERS.join(', ')}`,
    });

    // Then the legitimate flow, on the same partitions, with SASL and signatures on. Its own
    // audit would rightly fail on the forgeries left on the topic: the drill's audit below
    // checks that they are all it finds.
    const scenario = platform.scenario(240, ['--no-audit']);
    const finished = await scenario.done;
    timings['scenario --small after the forgeries'] = seconds(finished.ms);
    checks.push({
      name: 'the scenario passes after the forgeries (partitions moved on)',
      ok: finished.code === 0,
      detail:
        finished.code === 0
          ? 'every step as the regulation says'
          : scenario.output.slice(-8).join(' / '),
    });
    checks.push(
      await outboxesDrained(platform.databases),
      await consumersCaughtUp(admin),
      await auditVerifyFindsOnly(
        platform.env,
        forgeries.map((forgery) => forgery.eventId),
      ),
      await noPayoutTwice(platform.databases),
    );
    requireAll(checks);
    return { checks, timings };
  } catch (error) {
    throw failedWith(error, timings);
  } finally {
    await cleanup.run();
  }
}

interface Letter {
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Every message on a topic so far (as the admin, with a throw-away group). */
async function readAll(connection: KafkaConnection, topic: string): Promise<Letter[]> {
  const kafka = new Kafka(kafkaClient(connection, 'santunan-drill-reader'));
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = offsets.reduce((sum, offset) => sum + Number(offset.high) - Number(offset.low), 0);
  if (total === 0) return [];
  const groupId = `santunan-drill-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  const letters: Letter[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} took too long`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {}))
            if (value !== undefined) headers[name] = value.toString();
          letters.push({ value: message.value?.toString('utf8') ?? '', headers });
          if (letters.length >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
    const cleaner = kafka.admin();
    await cleaner.connect();
    await cleaner.deleteGroups([groupId]).catch(() => undefined);
    await cleaner.disconnect();
  }
  return letters;
}
