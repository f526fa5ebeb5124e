import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  authConfig,
  mintAccessToken,
  type EventEnvelope,
  type MessagePublisher,
  type Role,
  connectEventTransport,
} from '@santunan/platform';
import {
  createTestDatabase,
  type TestDatabase,
  testEventSigning,
  testKafkaConnection,
  testMessaging,
  uniqueName,
} from '@santunan/testing';
import request from 'supertest';
import type { ContributionsConfig } from '../config/contributions-config';
import { ContributionsModule } from '../contributions.module';
import { ContributionsServices } from '../contributions.services';
import { asMessage } from './enrollment-envelopes';
import { TestClock } from './test-clock';

const AUTH = authConfig({ secret: 'contributions-integration-test-secret-of-length' });

export interface ContributionsTestApp {
  readonly app: INestApplication;
  readonly services: ContributionsServices;
  readonly clock: TestClock;
  readonly config: ContributionsConfig;
  /** supertest against the real HTTP stack (auth, validation, problem details). */
  http(): ReturnType<typeof request>;
  /** `Bearer …` for a user with these roles. */
  bearer(roles: readonly Role[], subject?: string): string;
  publishEnrollment(...events: EventEnvelope[]): Promise<void>;
  publishClaims(...events: EventEnvelope[]): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Names the databases and topics. */
  readonly label: string;
  /** Where the test's time starts (ISO-8601 with offset). */
  readonly now: string;
  readonly keyDatabase?: TestDatabase;
  readonly enrollmentTopic?: string;
  readonly batchSize?: number;
}

/**
 * The real contributions root module on a fresh database and fresh topics, with the
 * scheduler's interval job off (tests tick it) and a clock the test moves.
 */
export async function startContributionsApp(
  options: TestAppOptions,
): Promise<ContributionsTestApp> {
  const database = await createTestDatabase(`contrib_${options.label}`);
  const ownKeys = options.keyDatabase === undefined;
  const keys = options.keyDatabase ?? (await createTestDatabase(`contrib_keys_${options.label}`));
  const clock = new TestClock(options.now);
  const config: ContributionsConfig = {
    service: {
      serviceName: 'contributions',
      httpPort: 0,
      databaseUrl: database.url,
      keyDatabaseUrl: keys.url,
      ...testKafkaConnection(),
      ...testEventSigning('contributions'),
      auth: AUTH,
    },
    eventsTopic: uniqueName(`int.contributions.${options.label}.events`),
    enrollmentTopic:
      options.enrollmentTopic ?? uniqueName(`int.contributions.${options.label}.enrollment`),
    claimsTopic: uniqueName(`int.contributions.${options.label}.claims`),
    schedulerIntervalMs: null,
    batchSize: options.batchSize ?? 50,
    batchConcurrency: 2,
    programCacheSize: 10,
    coverageCacheSize: 1_000,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [ContributionsModule.forRoot({ config, clock })],
  }).compile();
  // CONTRIBUTIONS_TEST_LOG=1 shows the consumers' and the filter's errors.
  const app = moduleRef.createNestApplication({
    logger: process.env['CONTRIBUTIONS_TEST_LOG'] ? ['error', 'warn'] : false,
  });
  await connectEventTransport(app);
  await app.init();
  const services = app.get(ContributionsServices);
  let publisher: MessagePublisher | undefined;
  const publish = async (topic: string, events: EventEnvelope[]): Promise<void> => {
    publisher ??= await testMessaging('contributions-int').createPublisher();
    await publisher.publish(topic, events.map(asMessage));
  };
  return {
    app,
    services,
    clock,
    config,
    http: () => request(app.getHttpServer() as Parameters<typeof request>[0]),
    bearer: (roles, subject = 'user-1') =>
      `Bearer ${mintAccessToken({ subject, roles: [...roles], ttl: '1h' }, AUTH)}`,
    publishEnrollment: (...events) => publish(config.enrollmentTopic, events),
    publishClaims: (...events) => publish(config.claimsTopic, events),
    stop: async () => {
      await publisher?.close();
      await app.close();
      await database.drop();
      if (ownKeys) await keys.drop();
    },
  };
}
