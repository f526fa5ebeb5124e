import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import {
  createTestDatabase,
  eventually,
  LocalKafkaBroker,
  testEventSigning,
  testKafkaConnection,
  uniqueName,
} from '@santunan/testing';
import request from 'supertest';
import { mintAccessToken } from '../auth/access-token';
import { authConfig } from '../auth/auth-config';
import { Public } from '../auth/auth.decorators';
import { appendRequest, newEvent } from '../event-store/testing/event-fixtures';
import { KafkaMessaging } from '../messaging/kafka-messaging';
import { connectEventTransport } from '../nest/event-transport';
import { ServicePlatformModule } from '../nest/service-platform.module';
import type { ServiceConfig } from '../service/service-config';
import { ServiceRuntime } from '../service/service-runtime';
import { sampleValue } from './testing/exposition';

const SERVICE = 'metricstest';
const SCRAPE_TOKEN = 'a-scrape-token-only-this-spec-knows';
const AUTH = authConfig({ secret: 'the-metrics-integration-spec-jwt-secret' });

@Controller('probes')
class ProbeController {
  @Public()
  @Get(':probeId')
  probe(@Param('probeId') probeId: string): { probeId: string } {
    return { probeId };
  }
}

/** The consumer group's handler: the spec only sends what never reaches it. */
@Controller()
class SinkController {
  @EventPattern('MetricsProbeRecorded')
  recorded(): void {
    return undefined;
  }
}

interface Subject {
  readonly app: INestApplication;
  readonly runtime: ServiceRuntime;
  scrape(): Promise<string>;
  stop(): Promise<void>;
}

/** A service on the platform module: its own database, `topic`, and maybe one consumer group. */
async function startService(
  label: string,
  kafka: Pick<ServiceConfig, 'kafkaBrokers' | 'kafkaSasl'>,
  topics: { readonly events: string; readonly consumed?: string },
): Promise<Subject> {
  const [database, keys] = await Promise.all([
    createTestDatabase(`metrics_${label}`),
    createTestDatabase(`metrics_keys_${label}`),
  ]);
  const config: ServiceConfig = {
    serviceName: SERVICE,
    httpPort: 0,
    databaseUrl: database.url,
    keyDatabaseUrl: keys.url,
    ...kafka,
    ...testEventSigning('testing'),
    auth: AUTH,
    metricsScrapeToken: SCRAPE_TOKEN,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [
      ServicePlatformModule.forRoot({
        config,
        topic: topics.events,
        consumers:
          topics.consumed === undefined ? [] : [{ name: 'sink', topics: [topics.consumed] }],
      }),
    ],
    controllers: [ProbeController, SinkController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await connectEventTransport(app);
  await app.init();
  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  return {
    app,
    runtime: app.get(ServiceRuntime),
    scrape: async () =>
      (await http().get('/metrics').set('Authorization', `Bearer ${SCRAPE_TOKEN}`).expect(200))
        .text,
    stop: async () => {
      await app.close();
      await Promise.all([database.drop(), keys.drop()]);
    },
  };
}

const http = (app: INestApplication) =>
  request(app.getHttpServer() as Parameters<typeof request>[0]);

describe('/metrics on the dev broker', () => {
  const events = uniqueName('int.metrics.events');
  const consumed = uniqueName('int.metrics.in');
  let subject: Subject;

  beforeAll(async () => {
    subject = await startService('dlq', testKafkaConnection(), { events, consumed });
  });
  afterAll(async () => subject?.stop());

  it('refuses a scrape without the scrape token, a wrong one, and a user’s access token', async () => {
    const userToken = mintAccessToken({ subject: 'ops', roles: ['admin'], ttl: '1h' }, AUTH);
    for (const authorization of [
      undefined,
      'Bearer not-the-scrape-token-at-all',
      `Bearer ${userToken}`,
      `Basic ${Buffer.from(`prometheus:${SCRAPE_TOKEN}`).toString('base64')}`,
    ]) {
      const scrape = http(subject.app).get('/metrics');
      if (authorization !== undefined) scrape.set('Authorization', authorization);
      const response = await scrape.expect(401);
      expect(response.text).not.toContain('santunan_');
      expect(response.body).toMatchObject({ code: 'METRICS_SCRAPE_TOKEN_REFUSED' });
    }
  });

  it('times requests by route template and status, never by raw URL', async () => {
    await http(subject.app).get('/probes/probe-4711').expect(200);
    await http(subject.app).get('/nowhere/0815').expect(404);
    await http(subject.app).get('/metrics').expect(401);
    const text = await subject.scrape();
    const count = (route: string, status: string) =>
      sampleValue(text, 'santunan_http_request_duration_seconds_count', {
        method: 'GET',
        route,
        status_code: status,
      });
    expect(count('/probes/:probeId', '200')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    // A refused scrape is routed too: the guard answers it, not the 404 handler.
    expect(count('/metrics', '401')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('probe-4711');
    expect(text).not.toContain('0815');
  });

  it('counts a message sent to the DLQ with its reason, and shows the DLQ holding it', async () => {
    // Unsigned: the consumer dead-letters it as SIGNATURE_MISSING (ADR 0025).
    const plain = new KafkaMessaging({
      brokers: testKafkaConnection().kafkaBrokers,
      sasl: testKafkaConnection().kafkaSasl,
      clientId: 'metrics-int-forger',
      logLevel: 'nothing',
    });
    const publisher = await plain.createPublisher();
    try {
      await publisher.publish(consumed, [{ key: 'probe-1', value: '{"type":"MetricsProbe"}' }]);
    } finally {
      await publisher.close();
    }
    const group = `${SERVICE}.sink`;
    await eventually(
      async () => {
        const text = await subject.scrape();
        expect(
          sampleValue(text, 'santunan_consumer_dead_lettered_messages_total', {
            consumer: group,
            topic: consumed,
            reason: 'SIGNATURE_MISSING',
          }),
        ).toBe(1);
        expect(
          sampleValue(text, 'santunan_consumer_messages_total', {
            consumer: group,
            outcome: 'dead-lettered',
          }),
        ).toBe(1);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    // Scrape-time reads from the broker: the DLQ holds it, and the group has moved past it.
    await eventually(
      async () => {
        const text = await subject.scrape();
        expect(
          sampleValue(text, 'santunan_dead_letter_topic_messages', { topic: `${consumed}.dlq` }),
        ).toBe(1);
        const lag = [0, 1, 2].map((partition) =>
          sampleValue(text, 'santunan_consumer_lag_messages', {
            group,
            topic: consumed,
            partition: String(partition),
          }),
        );
        expect(lag).toEqual([0, 0, 0]);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  });

  it('shows the relay leading and an empty outbox, in names promtool accepts', async () => {
    await subject.runtime.database.transaction((tx) =>
      subject.runtime.store.append(tx, appendRequest('probe-stream', [newEvent('Probed', {})])),
    );
    await eventually(
      async () => {
        const text = await subject.scrape();
        expect(sampleValue(text, 'santunan_outbox_relay_leader')).toBe(1);
        expect(sampleValue(text, 'santunan_outbox_messages')).toBe(0);
        expect(
          sampleValue(text, 'santunan_outbox_relay_published_messages_total', { topic: events }),
        ).toBe(1);
        expect(sampleValue(text, 'santunan_event_store_append_duration_seconds_count')).toBe(1);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    // promtool's linter checks our names against Prometheus's conventions (prom-client's own
    // process metrics are not ours to rename: nodejs_active_handles_total is a gauge).
    const ours = (await subject.scrape())
      .split('\n')
      .filter((line) => line.includes('santunan_'))
      .join('\n');
    const lint = spawnSync('promtool', ['check', 'metrics'], {
      input: `${ours}\n`,
      encoding: 'utf8',
    });
    if (lint.error)
      throw new Error(`promtool not runnable (apt-get install prometheus): ${lint.error.message}`);
    expect(`${lint.stdout}${lint.stderr}`.trim()).toBe('');
    expect(lint.status).toBe(0);
  });
});

// Its own broker (own ports and data folder), so stopping it disturbs no other test.
describe('/metrics across a broker restart', () => {
  let dataDir: string;
  let broker: LocalKafkaBroker;
  let subject: Subject | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'santunan-metrics-restart-'));
    broker = await LocalKafkaBroker.onFreePorts(dataDir);
    await broker.start();
  }, 200_000);

  afterAll(async () => {
    await subject?.stop();
    await broker.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 300_000);

  it('shows the outbox depth rise while the broker is down and fall once it is back', async () => {
    subject = await startService(
      'restart',
      { kafkaBrokers: [broker.bootstrap], kafkaSasl: await broker.sasl() },
      { events: uniqueName('int.metrics.restart') },
    );
    const { runtime } = subject;
    let version = 0;
    const append = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i += 1) {
        await runtime.database.transaction((tx) =>
          runtime.store.append(
            tx,
            appendRequest('restart-stream', [newEvent('Probed', { i })], version),
          ),
        );
        version += 1;
      }
    };
    const outbox = async (): Promise<{ messages?: number; age?: number }> => {
      const text = await subject!.scrape();
      return {
        messages: sampleValue(text, 'santunan_outbox_messages'),
        age: sampleValue(text, 'santunan_outbox_oldest_message_age_seconds'),
      };
    };

    await append(3);
    await eventually(async () => expect((await outbox()).messages).toBe(0), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });

    await broker.stop();
    await append(5);
    await eventually(
      async () => {
        const { messages, age } = await outbox();
        expect(messages).toBe(5);
        expect(age).toBeGreaterThan(0);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    await append(5);
    await eventually(async () => expect((await outbox()).messages).toBe(10), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    await eventually(
      async () =>
        expect(
          sampleValue(await subject!.scrape(), 'santunan_outbox_relay_publish_failures_total'),
        ).toBeGreaterThan(0),
      { timeoutMs: 180_000, intervalMs: 500 },
    );

    await broker.start();
    await eventually(
      async () => {
        const { messages, age } = await outbox();
        expect(messages).toBe(0);
        expect(age).toBe(0);
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
  }, 900_000);
});
