// A service's liveness and readiness (ADR 0030) against real components: PostgreSQL, the
// test broker, Keycloak's key set — and ports where nothing listens, for a broker and an
// identity provider that are down.
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import {
  createTestDatabase,
  eventually,
  freePort,
  testEventSigning,
  testKafkaConnection,
  testKeycloak,
  testMessaging,
  uniqueName,
  type TestDatabase,
} from '@santunan/testing';
import { authConfig, jwksAuthConfig } from '../auth/auth-config';
import { EventStore } from '../event-store/event-store';
import { appendRequest, newEvent } from '../event-store/testing/event-fixtures';
import { openMigratedTestDatabase } from '../event-store/testing/migrated-test-database';
import { KafkaMessaging } from '../messaging/kafka-messaging';
import { bootstrapService } from '../nest/bootstrap-service';
import { connectEventTransport } from '../nest/event-transport';
import { ServicePlatformModule } from '../nest/service-platform.module';
import { publishAllTo } from '../outbox/outbox-message';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { ServiceConfig } from '../service/service-config';

const HS256 = authConfig({ secret: 'a-health-integration-test-secret-0123' });

interface Subject {
  readonly app: INestApplication;
  readonly config: ServiceConfig;
  stop(): Promise<void>;
}

async function serviceConfig(
  label: string,
  overrides: Partial<ServiceConfig>,
): Promise<{ config: ServiceConfig; drop: () => Promise<void> }> {
  const [database, keys]: [TestDatabase, TestDatabase] = await Promise.all([
    createTestDatabase(`health_${label}`),
    createTestDatabase(`health_keys_${label}`),
  ]);
  return {
    config: {
      serviceName: uniqueName(`health-${label}`),
      httpPort: 0,
      databaseUrl: database.url,
      keyDatabaseUrl: keys.url,
      ...testKafkaConnection(),
      ...testEventSigning('testing'),
      auth: HS256,
      ...overrides,
    },
    drop: async () => {
      await Promise.all([database.drop(), keys.drop()]);
    },
  };
}

async function startService(
  label: string,
  overrides: Partial<ServiceConfig>,
  runWorkers: boolean,
): Promise<Subject> {
  const { config, drop } = await serviceConfig(label, overrides);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ServicePlatformModule.forRoot({
        config,
        topic: uniqueName(`int.health.${label}.events`),
        runWorkers,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await connectEventTransport(app);
  await app.init();
  return {
    app,
    config,
    stop: async () => {
      await app.close();
      await drop();
    },
  };
}

const get = (app: INestApplication, path: string) =>
  request(app.getHttpServer() as Parameters<typeof request>[0]).get(path);

type Checks = Record<string, { status: string; reason?: string; role?: string }>;

/** Nothing on the page may tell a stranger where the dependencies are or how to log in. */
function expectNothingSensitive(body: unknown, config: ServiceConfig): void {
  const text = JSON.stringify(body);
  for (const secret of [
    config.databaseUrl,
    new URL(config.databaseUrl).host,
    ...config.kafkaBrokers,
    config.kafkaSasl?.password,
    config.auth.mode === 'jwks' ? config.auth.jwksUrl : config.auth.secret,
  ]) {
    if (secret !== undefined) expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
}

/** A port on this host nothing listens at. */
async function closedAddress(): Promise<string> {
  return `127.0.0.1:${await freePort()}`;
}

describe('service health: every dependency up', () => {
  let subject: Subject;

  beforeAll(async () => {
    const keycloak = await testKeycloak();
    subject = await startService(
      'up',
      { auth: jwksAuthConfig({ issuer: keycloak.issuer() }) },
      true,
    );
  });
  afterAll(async () => subject?.stop());

  it('answers /health/ready and /health with 200 and each check up, without a token', async () => {
    for (const path of ['/health/ready', '/health']) {
      // Polled: on a loaded host one check may miss its timeout now and then.
      const response = await eventually(() => get(subject.app, path).expect(200), {
        timeoutMs: 120_000,
        intervalMs: 1_000,
      });
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.body as { status: string; checks: Checks };
      expect(body.status).toBe('ok');
      expect(body.checks).toEqual({
        database: { status: 'up' },
        keyDatabase: { status: 'up' },
        broker: expect.objectContaining({ status: 'up' }),
        identityProvider: { status: 'up' },
        outboxRelay: { status: 'up', role: expect.stringMatching(/^(leader|follower)$/) },
      });
      expectNothingSensitive(body, subject.config);
    }
  });

  it('answers /health/live with 200', async () => {
    await get(subject.app, '/health/live').expect(200, { status: 'ok' });
  });
});

describe('service health: the broker unreachable', () => {
  let subject: Subject;

  beforeAll(async () => {
    // No workers: they would create topics on the broker before the app even starts.
    subject = await startService('nobroker', { kafkaBrokers: [await closedAddress()] }, false);
  });
  afterAll(async () => subject?.stop());

  it('is not ready (503 NOT_READY naming the broker) while it stays alive', async () => {
    const response = await get(subject.app, '/health/ready')
      .expect(503)
      .expect('Content-Type', /application\/problem\+json/);
    const body = response.body as { code: string; detail: string; checks: Checks };
    expect(body.code).toBe('NOT_READY');
    expect(body.detail).toContain('broker');
    expect(body.checks['broker']).toEqual({ status: 'down', reason: expect.any(String) });
    expect(body.checks['database']).toEqual({ status: 'up' });
    expectNothingSensitive(body, subject.config);

    await get(subject.app, '/health/live').expect(200, { status: 'ok' });
    await get(subject.app, '/health').expect(503);
  });
});

describe('service health: the identity provider’s key set unreachable', () => {
  let subject: Subject;

  beforeAll(async () => {
    const issuer = `http://${await closedAddress()}/realms/santunan`;
    subject = await startService('nojwks', { auth: jwksAuthConfig({ issuer }) }, false);
  });
  afterAll(async () => subject?.stop());

  it('is not ready (503 naming identityProvider); the broker and databases are up', async () => {
    const response = await get(subject.app, '/health/ready').expect(503);
    const body = response.body as { detail: string; checks: Checks };
    expect(body.detail).toContain('identityProvider');
    expect(body.checks).toEqual({
      database: { status: 'up' },
      keyDatabase: { status: 'up' },
      broker: expect.objectContaining({ status: 'up' }),
      identityProvider: { status: 'down', reason: 'ECONNREFUSED' },
    });
    expectNothingSensitive(body, subject.config);
    await get(subject.app, '/health/live').expect(200);
  });
});

describe('service health: while migrations run', () => {
  let locker: Client | undefined;
  let drop: (() => Promise<void>) | undefined;
  let app: INestApplication | undefined;

  afterAll(async () => {
    await locker?.end();
    await app?.close();
    await drop?.();
  });

  it('is alive and not ready (migrations down) on its port until they finish, then ready', async () => {
    const port = await freePort();
    const prepared = await serviceConfig('migrating', { httpPort: port });
    drop = prepared.drop;
    // Another replica migrating: the lock PlatformDatabase.migrate takes first.
    locker = new Client({ connectionString: prepared.config.databaseUrl });
    await locker.connect();
    await locker.query(`select pg_advisory_lock(hashtext('santunan:migrations'))`);

    const starting = bootstrapService(
      ServicePlatformModule.forRoot({
        config: prepared.config,
        topic: uniqueName('int.health.migrating.events'),
        runWorkers: false,
      }),
      { serviceName: 'health-test', title: 'health test', description: 'test', port },
    );
    const url = `http://127.0.0.1:${port}`;
    const notReady = await eventually(
      async () => {
        const response = await fetch(`${url}/health/ready`);
        expect(response.status).toBe(503);
        const body = (await response.json()) as { code: string; checks: Checks };
        expect(body.checks['migrations']).toEqual({ status: 'down', reason: 'running' });
        return body;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(notReady.code).toBe('NOT_READY');
    expect((await fetch(`${url}/health/live`)).status).toBe(200);

    await locker.query(`select pg_advisory_unlock(hashtext('santunan:migrations'))`);
    app = await starting;
    await eventually(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
  });
});

describe('OutboxRelay.canPublish (readiness of the outboxRelay check)', () => {
  it('is false while the leader cannot publish its pending rows, true once a publish goes through', async () => {
    const db = await openMigratedTestDatabase('health_relay');
    const topic = uniqueName('int.health.relay');
    const good = testMessaging('health-relay');
    await good.ensureTopics([{ name: topic, partitions: 1 }]);
    const unreachable = new KafkaMessaging({
      brokers: [await closedAddress()],
      clientId: 'health-relay-down',
      logLevel: 'nothing',
    });
    let brokerBack = false;
    const relay = new OutboxRelay({
      databaseUrl: db.url,
      relayName: uniqueName('health-relay'),
      createPublisher: () => (brokerBack ? good : unreachable).createPublisher(),
      idlePollMs: 50,
      publishTimeoutMs: 5_000,
      backoff: { initialMs: 100, maxMs: 1_000 },
    });
    try {
      relay.start();
      await eventually(() => expect(relay.isLeader).toBe(true), { timeoutMs: 60_000 });
      expect(relay.canPublish).toBe(true);

      const store = new EventStore({ topicFor: publishAllTo(topic) });
      await db.database.transaction((tx) =>
        store.append(tx, appendRequest('claim-1', [newEvent('ClaimStepRecorded', {})], 0)),
      );
      await eventually(() => expect(relay.canPublish).toBe(false), { timeoutMs: 120_000 });
      expect(relay.isLeader).toBe(true);

      brokerBack = true;
      await relay.waitUntilDrained(120_000);
      expect(relay.canPublish).toBe(true);
    } finally {
      await relay.stop();
      await good.deleteTopics([topic]);
      await db.close();
    }
  });
});
