// Issue 17, scale-out (the small version of `npm run drill -- a`, ADR 0027): two instances of
// the contributions service, each a real process, share one database and one set of consumer
// groups; enrollment registers participants (its real write path, relay and signatures) and
// contributions bills them through Kafka. Instance 1 — the first up, so the outbox relay's
// leader — is killed with SIGKILL while the second wave of registrations is on its way. The
// survivor takes over the relay (the session advisory lock died with the killed process's
// connection) and, once the broker drops the dead member, its partitions; every participant
// is billed exactly once and every event contributions stored is on its topic.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { auditTargets, verifyPlatform } from '@santunan/audit';
import {
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  type EnrollmentEvent,
} from '@santunan/contracts';
import {
  decide,
  evolve,
  initialState,
  kemendagriRegions,
  type EnrollmentContext,
  type ParticipantCommand,
  type RegisterParticipant,
} from '@santunan/enrollment-domain';
import {
  authConfig,
  ensureConsumerTopics,
  eventSigningFromEnvironment,
  localEventKeys,
  ServiceRuntime,
  type BoundDecider,
  type StreamDefinition,
} from '@santunan/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  testKafkaConnection,
  testMessaging,
  uniqueName,
  type TestDatabase,
} from '@santunan/testing';

const ROOT = path.resolve(__dirname, '..');
/** Starting a service from TypeScript on a loaded 2-core machine. */
const START_BOUND_MS = 180_000;
/** A killed consumer's partitions wait for its session to time out (30 s) before moving. */
const TAKEOVER_BOUND_MS = 180_000;
const WAVE = 12;

const PARTICIPANT_STREAM: StreamDefinition<EnrollmentEvent> = {
  streamType: 'participant',
  schemaVersions: ENROLLMENT_SCHEMA_VERSIONS,
  personalDataPaths: ENROLLMENT_PERSONAL_DATA_PATHS,
};

interface Instance {
  readonly label: string;
  readonly url: string;
  readonly process: ChildProcess;
  readonly output: string[];
}

describe('two contributions instances, one killed with SIGKILL mid-flow', () => {
  const run = uniqueName('scale-out').replace(/[^a-z0-9-]/gi, '-');
  const topics = {
    enrollment: uniqueName('e2e.scale.enrollment.events'),
    contributions: uniqueName('e2e.scale.contributions.events'),
    claims: uniqueName('e2e.scale.claims.events'),
  };
  const context: EnrollmentContext = {
    today: '2026-01-05',
    incomeFloor: 1_000_000,
    regions: kemendagriRegions(),
  };
  const participants: BoundDecider<
    ParticipantCommand,
    EnrollmentEvent,
    ReturnType<typeof initialState>
  > = { decide: (command, state) => decide(command, state, context), evolve, initialState };
  let keysDir: string;
  let keys: TestDatabase;
  let enrollmentDb: TestDatabase;
  let contributionsDb: TestDatabase;
  let enrollment: ServiceRuntime;
  let probe: Client;
  const instances: Instance[] = [];

  async function startInstance(label: string, env: NodeJS.ProcessEnv): Promise<Instance> {
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'test/support/contributions-process.ts',
      ],
      {
        cwd: ROOT,
        env: { ...env, CONTRIBUTIONS_PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer): void => {
      output.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const instance = { label, url: `http://127.0.0.1:${port}`, process: child, output };
    instances.push(instance);
    await eventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`${label} exited (${child.exitCode}): ${output.slice(-10).join('\n')}`);
        expect((await fetch(`${instance.url}/health`)).ok).toBe(true);
      },
      { timeoutMs: START_BOUND_MS },
    );
    return instance;
  }

  const count = async (sql: string, values: unknown[] = []): Promise<number> =>
    Number((await probe.query<{ n: string }>(sql, values)).rows[0]?.n ?? 0);

  /**
   * Registrations contributions has applied: its inbox rows, written in the transaction that
   * opened and billed the account, so their events are stored by then.
   */
  const registrationsApplied = (): Promise<number> =>
    count(
      `select count(distinct event_id) as n from inbox
        where event_type = 'ParticipantRegistered' and outcome = 'applied'`,
    );

  async function registerWave(first: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = first; index < first + WAVE; index += 1) {
      const participantId = randomUUID();
      ids.push(participantId);
      const command: RegisterParticipant = {
        type: 'RegisterParticipant',
        participantId,
        nik: `53710115089${String(index + 1).padStart(5, '0')}`,
        fullName: `Peserta ${index + 1}`,
        birthDate: '1990-08-15',
        sex: 'male',
        address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
        phone: '+6281234567890',
        occupation: 'nelayan',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
        membership: { kind: 'self-paying' },
      };
      const result = await enrollment.repository(PARTICIPANT_STREAM).handle({
        streamId: `participant-${participantId}`,
        decider: participants,
        command,
        actor: { id: 'officer-kupang', kind: 'user', roles: ['enrollment-officer'] },
        correlationId: randomUUID(),
        dataSubjectId: participantId,
      });
      expect(result).toMatchObject({ ok: true });
    }
    return ids;
  }

  beforeAll(async () => {
    keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'santunan-scale-out-'));
    const signing = localEventKeys(keysDir, ['enrollment', 'contributions']);
    [keys, enrollmentDb, contributionsDb] = await Promise.all([
      createTestDatabase('scale_keys'),
      createTestDatabase('scale_enrollment'),
      createTestDatabase('scale_contributions'),
    ]);
    await ensureConsumerTopics(testMessaging('e2e-scale-out-setup'), Object.values(topics));
    enrollment = await ServiceRuntime.start({
      config: {
        serviceName: `enrollment-${run}`,
        httpPort: 0,
        databaseUrl: enrollmentDb.url,
        keyDatabaseUrl: keys.url,
        ...testKafkaConnection(),
        eventSigning: eventSigningFromEnvironment('enrollment', signing.environment),
        auth: authConfig({ secret: 'e2e-scale-out-secret-of-sufficient-length' }),
      },
      topic: topics.enrollment,
    });
    // As the in-process test services do, the processes connect as the test broker's admin
    // (testKafkaConnection): the per-service principals' ACLs name the real topics only.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^[A-Z]+_KAFKA_(USERNAME|PASSWORD)$/.test(name),
      ),
    );
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      ...signing.environment,
      SPEC_SERVICE_NAME: `contributions-${run}`,
      CONTRIBUTIONS_DATABASE_URL: contributionsDb.url,
      KEYS_DATABASE_URL: keys.url,
      CONTRIBUTIONS_EVENTS_TOPIC: topics.contributions,
      CONTRIBUTIONS_ENROLLMENT_TOPIC: topics.enrollment,
      CONTRIBUTIONS_CLAIMS_TOPIC: topics.claims,
      // Billing follows registrations alone: no interval job in this spec.
      CONTRIBUTIONS_SCHEDULER_INTERVAL_MS: '0',
      SANTUNAN_SIMULATED_CLOCK_START: '2026-01-05T02:00:00Z',
      AUTH_MODE: 'hs256',
      AUTH_JWT_SECRET: 'e2e-scale-out-secret-of-sufficient-length',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      // The spec reads the relay's info line; a process Jest started would log warnings only.
      LOG_LEVEL: 'info',
    };
    // One after the other: the first takes the relay's leadership, the one the spec kills.
    await startInstance('contributions#1', env);
    await startInstance('contributions#2', env);
    probe = new Client({ connectionString: contributionsDb.url });
    await probe.connect();
  });

  afterAll(async () => {
    for (const instance of instances) {
      if (instance.process.exitCode === null && instance.process.signalCode === null) {
        const exited = new Promise((resolve) => instance.process.once('exit', resolve));
        instance.process.kill('SIGTERM');
        const timer = setTimeout(() => instance.process.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    }
    await probe?.end();
    await enrollment?.stop();
    await Promise.allSettled([keys?.drop(), enrollmentDb?.drop(), contributionsDb?.drop()]);
    if (keysDir) fs.rmSync(keysDir, { recursive: true, force: true });
    await testMessaging('e2e-scale-out-teardown')
      .deleteTopics(Object.values(topics).flatMap((topic) => [topic, `${topic}.dlq`]))
      .catch(() => undefined);
  });

  it('completes the flow on the survivor: nothing doubled, nothing lost', async () => {
    const [first, second] = instances;
    if (first === undefined || second === undefined) throw new Error('instances not started');

    const firstWave = await registerWave(0);
    await eventually(async () => expect(await registrationsApplied()).toBe(WAVE), {
      timeoutMs: TAKEOVER_BOUND_MS,
    });
    // What one registration makes contributions store (an account, its first bill): the
    // same for every self-paying participant.
    const perParticipant = (await count(`select count(*) as n from events`)) / WAVE;
    expect(Number.isInteger(perParticipant) && perParticipant > 0).toBe(true);

    const secondWave = await registerWave(WAVE);
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;

    await eventually(
      async () => {
        expect(await registrationsApplied()).toBe(2 * WAVE);
        expect(await count('select count(*) as n from outbox')).toBe(0);
      },
      { timeoutMs: TAKEOVER_BOUND_MS },
    );
    // The survivor leads the relay now (it published the second wave's events).
    expect(second.output.some((line) => line.includes('outbox relay: became leader'))).toBe(true);
    expect(second.process.exitCode).toBeNull();

    // Nothing doubled, nothing missing: every participant's account holds exactly what one
    // registration makes, the killed instance's half-done work included.
    const everyone = [...firstWave, ...secondWave];
    expect(await count('select count(*) as n from events')).toBe(perParticipant * everyone.length);
    for (const participantId of everyone) {
      const mentioning = await count(
        `select count(*) as n from events where data->>'participantId' = $1`,
        [participantId],
      );
      expect({ participantId, events: mentioning }).toEqual({
        participantId,
        events: perParticipant,
      });
    }

    // Nothing lost: every stored event is on the topic, and nothing else is.
    const verification = await verifyPlatform(
      auditTargets({
        only: ['contributions'],
        databaseUrls: { contributions: contributionsDb.url },
        topics: { contributions: topics.contributions },
        keysDatabaseUrl: null,
        ...testKafkaConnection(),
      }),
      { checkTopics: true },
    );
    expect(verification.topics.flatMap((topic) => topic.problems)).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.topics[0]?.matched).toBe(perParticipant * everyone.length);
  });
});
