import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  authConfig,
  mintAccessToken,
  mountOpenApi,
  type Hs256AuthConfig,
  type Role,
  connectEventTransport,
} from '@santunan/platform';
import {
  createTestDatabase,
  type TestDatabase,
  testEventSigning,
  testKafkaConnection,
  uniqueName,
} from '@santunan/testing';
import request from 'supertest';
import {
  DEFAULT_BULK_CONFIG,
  type BulkEnrollmentConfig,
  type EnrollmentConfig,
} from '../config/enrollment-config';
import { EnrollmentModule } from '../enrollment.module';

/** Databases, topics and keys of one test file; apps started on it share them (restarts). */
export interface EnrollmentTestEnvironment {
  readonly config: EnrollmentConfig;
  readonly auth: Hs256AuthConfig;
  readonly serviceDatabase: TestDatabase;
  readonly keyDatabase: TestDatabase;
  drop(): Promise<void>;
}

export async function createEnrollmentTestEnvironment(
  label: string,
  bulk: Partial<BulkEnrollmentConfig> = {},
): Promise<EnrollmentTestEnvironment> {
  const serviceDatabase = await createTestDatabase(label);
  const keyDatabase = await createTestDatabase(`${label}_keys`);
  const auth = authConfig({ secret: 'an-enrollment-integration-test-secret' });
  return {
    auth,
    serviceDatabase,
    keyDatabase,
    config: {
      service: {
        // Unique: it names the consumer groups, which must not be shared between test runs.
        serviceName: uniqueName(`enrollment-${label}`),
        httpPort: 0,
        databaseUrl: serviceDatabase.url,
        keyDatabaseUrl: keyDatabase.url,
        ...testKafkaConnection(),
        ...testEventSigning('enrollment'),
        auth,
      },
      // The label too: uniqueName's counter starts again in every test file of a run.
      eventsTopic: uniqueName(`int.enrollment.${label}.events`),
      claimsTopic: uniqueName(`int.claims.${label}.events`),
      lookupKey: 'an-enrollment-test-lookup-key-of-enough-length',
      bulk: { ...DEFAULT_BULK_CONFIG, idlePollMs: 100, ...bulk },
    },
    drop: async () => {
      await serviceDatabase.drop();
      await keyDatabase.drop();
    },
  };
}

/** The real root module, with OpenAPI mounted as in production. */
export async function startEnrollmentApp(config: EnrollmentConfig): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [EnrollmentModule.forRoot(config)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  mountOpenApi(app, { serviceName: 'enrollment', title: 'enrollment', description: 'test' });
  await connectEventTransport(app);
  await app.init();
  return app;
}

export function bearer(
  environment: EnrollmentTestEnvironment,
  roles: Role[],
  subject = 'officer-1',
): string {
  return `Bearer ${mintAccessToken({ subject, roles, ttl: '1h' }, environment.auth)}`;
}

export function http(app: INestApplication): ReturnType<typeof request> {
  return request(app.getHttpServer() as Parameters<typeof request>[0]);
}
