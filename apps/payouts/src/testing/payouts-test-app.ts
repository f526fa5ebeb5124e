import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  authConfig,
  ensureConsumerTopics,
  mintAccessToken,
  mountOpenApi,
  ServiceRuntime,
  type Role,
  type ServiceConfig,
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
import { DEFAULT_CONSUMER_NAMES, type PayoutsConfig } from '../config/payouts-config';
import { PayoutsModule } from '../payouts.module';

const AUTH = authConfig({ secret: 'payouts-integration-test-secret-of-enough-length' });

/** One test file's world: its databases (payouts, claims stub, shared keys) and topics. */
export interface PayoutsTestWorld {
  readonly payoutsDb: TestDatabase;
  readonly claimsDb: TestDatabase;
  readonly keysDb: TestDatabase;
  readonly config: PayoutsConfig;
  readonly claimsService: ServiceConfig;
  drop(): Promise<void>;
}

export async function createPayoutsTestWorld(label: string): Promise<PayoutsTestWorld> {
  const payoutsDb = await createTestDatabase(`${label}_payouts`);
  const claimsDb = await createTestDatabase(`${label}_claims`);
  const keysDb = await createTestDatabase(`${label}_keys`);
  const service = (
    name: string,
    db: TestDatabase,
    context: 'payouts' | 'claims',
  ): ServiceConfig => ({
    serviceName: name,
    httpPort: 0,
    databaseUrl: db.url,
    keyDatabaseUrl: keysDb.url,
    ...testKafkaConnection(),
    ...testEventSigning(context),
    auth: AUTH,
  });
  const config: PayoutsConfig = {
    // Jest gives each file its own uniqueName counter: the label keeps files apart.
    service: service(uniqueName(`payouts-${label}`), payoutsDb, 'payouts'),
    eventsTopic: uniqueName(`int.payouts.${label}.events`),
    claimsTopic: uniqueName(`int.payouts.${label}.claims`),
    settlementsTopic: uniqueName(`int.payouts.${label}.settlements`),
    enrollmentTopic: uniqueName(`int.payouts.${label}.enrollment`),
    consumers: DEFAULT_CONSUMER_NAMES,
    autoBatchIntervalMs: null,
  };
  // Created up front: the claims stub, the payouts service and test publishers start in any order.
  await ensureConsumerTopics(testMessaging('payouts-int-setup'), [
    config.eventsTopic,
    config.claimsTopic,
    config.settlementsTopic,
    config.enrollmentTopic,
  ]);
  return {
    payoutsDb,
    claimsDb,
    keysDb,
    config,
    claimsService: service(uniqueName(`claims-stub-${label}`), claimsDb, 'claims'),
    drop: async () => {
      await payoutsDb.drop();
      await claimsDb.drop();
      await keysDb.drop();
    },
  };
}

/** A running payouts service (HTTP in process, workers against the real broker and database). */
export interface PayoutsApp {
  readonly app: INestApplication;
  readonly runtime: ServiceRuntime;
  /** Supertest against the app with a bearer token for these roles. */
  as(subject: string, ...roles: Role[]): ApiClient;
  close(): Promise<void>;
}

export interface ApiClient {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
}

export async function startPayoutsApp(config: PayoutsConfig): Promise<PayoutsApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [PayoutsModule.forRoot(config)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  mountOpenApi(app, { serviceName: 'payouts', title: 'santunan — payouts', description: 'test' });
  await connectEventTransport(app);
  await app.init();
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  return {
    app,
    runtime: app.get(ServiceRuntime),
    as: (subject, ...roles) => {
      const token = `Bearer ${mintAccessToken({ subject, roles, ttl: '1h' }, AUTH)}`;
      return {
        get: (path) => request(server).get(path).set('Authorization', token),
        post: (path, body) =>
          request(server)
            .post(path)
            .set('Authorization', token)
            .send(body ?? {}),
      };
    },
    close: () => app.close(),
  };
}
