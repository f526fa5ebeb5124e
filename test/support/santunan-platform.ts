// The whole platform for an end-to-end test: the four real services, each its own root module
// listening on a real HTTP port, on fresh databases and fresh topics of this run, wired to each
// other through Kafka exactly as in production. See docs/adr/0014-cross-service-e2e-harness.md.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  aclsFor,
  authConfig,
  ensureConsumerTopics,
  platformAccess,
  type KafkaAcl,
  mintAccessToken,
  type AuthConfig,
  type LoggingConfig,
  type Role,
  type ServiceConfig,
  connectEventTransport,
  mountOpenApi,
  SimulatedClock,
} from '@santunan/platform';
import { startTracing } from '@santunan/platform/tracing';
import {
  createTestDatabase,
  type TestDatabase,
  testEventSigning,
  testKafkaConnection,
  testKafkaSecured,
  testMessaging,
  uniqueName,
} from '@santunan/testing';
import { ClaimsModule, DEFAULT_CHECKER_THRESHOLD, claimsCalendar } from '@santunan/claims-service';
import { ContributionsModule, type ContributionsConfig } from '@santunan/contributions-service';
import { TestClock } from '@santunan/contributions-service/testing';
import {
  DEFAULT_BULK_CONFIG,
  EnrollmentModule,
  type EnrollmentConfig,
} from '@santunan/enrollment-service';
import {
  DEFAULT_CONSUMER_NAMES,
  PayoutsModule,
  type PayoutsConfig,
} from '@santunan/payouts-service';

export type ServiceName = 'enrollment' | 'contributions' | 'claims' | 'payouts';
export const SERVICE_NAMES: readonly ServiceName[] = [
  'enrollment',
  'contributions',
  'claims',
  'payouts',
];

/** The clock a test moves by hand: `set(instant)`, `now()`, `today()` (Asia/Jakarta). */
export type PlatformClock = Pick<TestClock, 'set' | 'now' | 'today'>;

export interface SantunanPlatformOptions {
  /** Names this run's databases, topics and consumer groups (letters, digits, `_`, `-`). */
  readonly label: string;
  /**
   * Where the shared clock starts (ISO-8601 with offset); default: the machine's now.
   * All four services read it, so a test can play months or a year by setting it.
   */
  readonly now?: string;
  /**
   * Simulation mode (ADR 0016) instead of a test's clock: the four services share one
   * SimulatedClock starting at `now` and each mounts GET/PUT /simulation/clock (role admin), as
   * under `npm run platform -- --simulate-from`. `clock.set` then refuses to move backwards.
   */
  readonly simulated?: boolean;
  /**
   * Payouts hands every scheduled payout to the bank this often (PAYOUTS_AUTO_BATCH_INTERVAL_MS);
   * default null: only finance's `POST /payout-batches` instructs.
   */
  readonly autoBatchIntervalMs?: number | null;
  /** A proposal at or above this many rupiah needs a checker; default as in production. */
  readonly makerCheckerThreshold?: number;
  /**
   * How the services check tokens; default one HS256 secret of this run, whose tokens
   * `bearer` mints. With another configuration (e.g. Keycloak's JWKS) pass `bearer` too.
   */
  readonly auth?: { readonly config: AuthConfig; readonly bearer: SantunanPlatform['bearer'] };
  /**
   * Keeps every service's log lines (info and up) for `logs(service)`; default: warnings and
   * errors only, written to stdout (SANTUNAN_E2E_LOG=1: info too).
   */
  readonly captureLogs?: boolean;
}

/** One JSON log line a service wrote (ADR 0028). */
export type LogLine = Readonly<Record<string, unknown>>;

/** The topics of this run: each service publishes to its own and consumes the others'. */
export interface PlatformTopics {
  readonly enrollmentEvents: string;
  readonly contributionsEvents: string;
  readonly claimsEvents: string;
  readonly payoutsEvents: string;
  /** Where finance (the bank) reports settlements back to payouts. */
  readonly payoutSettlements: string;
  /** Every topic above with its dead-letter topic (`<topic>.dlq`), all created up front. */
  readonly all: readonly string[];
}

export interface SantunanPlatform {
  /** `http://127.0.0.1:<port>` of each service's HTTP API (no trailing slash). */
  readonly urls: Readonly<Record<ServiceName, string>>;
  /** Each service's own database, and the shared key database for personal data. */
  readonly databases: Readonly<Record<ServiceName | 'keys', string>>;
  readonly topics: PlatformTopics;
  /** The clock all four services run on (see SantunanPlatformOptions.now). */
  readonly clock: PlatformClock;
  /** The one JWT configuration all four services check tokens against. */
  readonly auth: AuthConfig;
  /**
   * The running Nest applications, for what HTTP cannot say (e.g.
   * `app.get(ServiceRuntime).waitUntilPublished()`); drive the platform over HTTP otherwise.
   */
  readonly apps: Readonly<Record<ServiceName, INestApplication>>;
  /**
   * An `Authorization` header value: `Bearer <token>` for `subject` with these roles (1 h);
   * with `options.auth`, whatever its `bearer` gives.
   */
  bearer(roles: readonly Role[], subject?: string): string;
  /** The lines a service logged so far, parsed (with `captureLogs`; else none). */
  logs(service: ServiceName): readonly LogLine[];
  /** Closes the four services (HTTP, consumers, relays) and drops this run's databases. */
  stop(): Promise<void>;
}

const TOKEN_SECRET = 'santunan-e2e-platform-secret-of-sufficient-length';

function logLevels(): LogLevel[] {
  // SANTUNAN_E2E_LOG=1 shows the services' warnings and logs too.
  return process.env['SANTUNAN_E2E_LOG'] ? ['error', 'warn', 'log'] : ['error'];
}

async function listen(
  name: ServiceName,
  module: Parameters<typeof NestFactory.create>[0],
): Promise<INestApplication> {
  // abortOnError off: a service that fails to start must fail the test, not kill Jest.
  const app = await NestFactory.create(module, { logger: logLevels(), abortOnError: false });
  try {
    // As main.ts does: /docs and /docs-json, the Kafka consumers, then HTTP.
    mountOpenApi(app, { serviceName: name, title: `santunan — ${name}`, description: 'e2e' });
    await connectEventTransport(app);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** A simulated clock the test can also set, forward only, as the platform's admin would. */
function settable(clock: SimulatedClock): SimulatedClock & PlatformClock {
  return Object.assign(clock, {
    set(instant: string): void {
      const moved = clock.moveTo(instant);
      if (!moved.ok) throw new Error(`the simulated clock refused ${instant} (${moved.reason})`);
    },
  });
}

function urlOf(app: INestApplication): string {
  const address = (app.getHttpServer() as { address(): AddressInfo | string | null }).address();
  if (address === null || typeof address === 'string') {
    throw new Error('a service is not listening on a TCP port');
  }
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Starts enrollment, contributions, claims and payouts from their own root modules (as their
 * main.ts does), on one database each plus one shared key database, with topics of this run
 * and one JWT secret. Resolves once all four listen; their consumers read every topic from its
 * beginning, so nothing published before a consumer group settles is missed.
 */
export async function startSantunanPlatform(
  options: SantunanPlatformOptions,
): Promise<SantunanPlatform> {
  const label = options.label.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
  // As each main.ts does (instrumentation.ts), but without the http hooks, which cannot reach
  // Jest's module registry: the services' HTTP edge starts the request spans itself.
  startTracing('santunan-e2e', { instrumentHttp: false });
  const captured: Record<ServiceName, LogLine[]> = {
    enrollment: [],
    contributions: [],
    claims: [],
    payouts: [],
  };
  const logging = (name: ServiceName): LoggingConfig =>
    options.captureLogs === true
      ? {
          level: 'info',
          destination: {
            write: (line: string) => void captured[name].push(JSON.parse(line) as LogLine),
          },
        }
      : { level: process.env['SANTUNAN_E2E_LOG'] ? 'info' : 'warn' };
  const databases: TestDatabase[] = [];
  const apps: Partial<Record<ServiceName, INestApplication>> = {};
  let granted: readonly KafkaAcl[] = [];
  const cleanUp = async (): Promise<void> => {
    await Promise.allSettled(Object.values(apps).map((app) => app.close()));
    await Promise.allSettled(databases.map((database) => database.drop()));
    await testMessaging(`e2e-${label}-teardown`)
      .revokeAcls(granted)
      .catch(() => undefined);
  };

  try {
    const [keys, enrollmentDb, contributionsDb, claimsDb, payoutsDb] = await Promise.all(
      ['keys', 'enrol', 'contrib', 'claims', 'payouts'].map(async (name) => {
        const database = await createTestDatabase(`e2e_${label}_${name}`);
        databases.push(database);
        return database;
      }),
    );
    if (!keys || !enrollmentDb || !contributionsDb || !claimsDb || !payoutsDb) {
      throw new Error('a test database was not created');
    }

    const topic = (name: string): string => uniqueName(`e2e.${label}.${name}`);
    const named = {
      enrollmentEvents: topic('enrollment.events'),
      contributionsEvents: topic('contributions.events'),
      claimsEvents: topic('claims.events'),
      payoutsEvents: topic('payouts.events'),
      payoutSettlements: topic('payouts.settlements'),
    };
    const topics: PlatformTopics = {
      ...named,
      all: Object.values(named).flatMap((name) => [name, `${name}.dlq`]),
    };
    // Up front, so the services (started in parallel) and test publishers meet the same topics.
    const setup = testMessaging(`e2e-${label}-setup`);
    await ensureConsumerTopics(setup, Object.values(named));
    // Unique: they name the consumer groups, which must not be shared with another run.
    const serviceNames = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, uniqueName(`${name}-${label}`)]),
    ) as Record<ServiceName, string>;
    // A broker that authenticates: each service is its own principal, allowed what production
    // allows it on this run's topics and groups (ADR 0024). The run revokes what is its own;
    // the audit's and finance's grants on every run's topics are shared, and stay.
    const principal = (name: ServiceName) => (testKafkaSecured() ? name : 'admin');
    if (testKafkaSecured()) {
      const acls = aclsFor(
        platformAccess(named, {
          groupPrefixes: Object.fromEntries(
            SERVICE_NAMES.map((name) => [name, `${serviceNames[name]}.`]),
          ),
        }),
      );
      await setup.grantAcls(acls);
      const own = new Set([
        ...topics.all,
        ...SERVICE_NAMES.map((name) => `${serviceNames[name]}.`),
      ]);
      granted = acls.filter((acl) => own.has(acl.name));
    }

    const ownSecret = authConfig({ secret: TOKEN_SECRET });
    const auth = options.auth?.config ?? ownSecret;
    const bearer: SantunanPlatform['bearer'] =
      options.auth?.bearer ??
      ((roles, subject = 'e2e-user') =>
        `Bearer ${mintAccessToken({ subject, roles: [...roles], ttl: '1h' }, ownSecret)}`);
    const start = options.now ?? new Date().toISOString();
    const clock =
      options.simulated === true ? settable(new SimulatedClock(start)) : new TestClock(start);
    const service = (name: ServiceName, database: TestDatabase): ServiceConfig => ({
      serviceName: serviceNames[name],
      httpPort: 0,
      databaseUrl: database.url,
      keyDatabaseUrl: keys.url,
      ...testKafkaConnection(principal(name)),
      ...testEventSigning(name),
      auth,
      logging: logging(name),
    });

    const enrollment: EnrollmentConfig = {
      service: service('enrollment', enrollmentDb),
      eventsTopic: named.enrollmentEvents,
      claimsTopic: named.claimsEvents,
      lookupKey: 'santunan-e2e-nik-lookup-key-of-enough-length',
      bulk: { ...DEFAULT_BULK_CONFIG, idlePollMs: 100 },
      clock,
    };
    const contributions: ContributionsConfig = {
      service: service('contributions', contributionsDb),
      eventsTopic: named.contributionsEvents,
      enrollmentTopic: named.enrollmentEvents,
      claimsTopic: named.claimsEvents,
      // Tests run the scheduler's months through POST /scheduler/runs as the clock says.
      schedulerIntervalMs: null,
      batchSize: 50,
      batchConcurrency: 2,
      programCacheSize: 10,
      coverageCacheSize: 1_000,
    };
    const payouts: PayoutsConfig = {
      service: service('payouts', payoutsDb),
      eventsTopic: named.payoutsEvents,
      claimsTopic: named.claimsEvents,
      settlementsTopic: named.payoutSettlements,
      enrollmentTopic: named.enrollmentEvents,
      consumers: DEFAULT_CONSUMER_NAMES,
      autoBatchIntervalMs: options.autoBatchIntervalMs ?? null,
      clock,
    };

    // In parallel: each waits mostly on PostgreSQL and the broker (migrations take turns
    // under their advisory lock, consumers join their groups concurrently).
    const started = await Promise.allSettled([
      listen('enrollment', EnrollmentModule.forRoot(enrollment)).then(
        (app) => (apps.enrollment = app),
      ),
      listen('contributions', ContributionsModule.forRoot({ config: contributions, clock })).then(
        (app) => (apps.contributions = app),
      ),
      listen(
        'claims',
        ClaimsModule.forRoot({
          service: service('claims', claimsDb),
          eventsTopic: named.claimsEvents,
          enrollmentTopic: named.enrollmentEvents,
          contributionsTopic: named.contributionsEvents,
          makerCheckerThreshold: options.makerCheckerThreshold ?? DEFAULT_CHECKER_THRESHOLD,
          calendar: claimsCalendar(),
          clock,
        }),
      ).then((app) => (apps.claims = app)),
      listen('payouts', PayoutsModule.forRoot(payouts)).then((app) => (apps.payouts = app)),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const running = apps as Record<ServiceName, INestApplication>;

    let stopped: Promise<void> | undefined;
    return {
      urls: {
        enrollment: urlOf(running.enrollment),
        contributions: urlOf(running.contributions),
        claims: urlOf(running.claims),
        payouts: urlOf(running.payouts),
      },
      databases: {
        enrollment: enrollmentDb.url,
        contributions: contributionsDb.url,
        claims: claimsDb.url,
        payouts: payoutsDb.url,
        keys: keys.url,
      },
      topics,
      clock,
      auth,
      apps: running,
      bearer,
      logs: (name) => captured[name],
      stop: () => (stopped ??= cleanUp()),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
