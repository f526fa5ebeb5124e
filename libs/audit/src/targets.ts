import { Topics, type EventKeyring } from '@santunan/contracts';
import {
  databaseUrl,
  eventKeyringFromEnvironment,
  kafkaSaslFromEnvironment,
  LOCAL_POSTGRES_URL,
  type KafkaSasl,
} from '@santunan/platform';

/** The four services whose event stores and topics the auditor reads. */
export const AUDITED_SERVICES = ['enrollment', 'contributions', 'claims', 'payouts'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

export function isAuditedService(name: string): name is AuditedService {
  return (AUDITED_SERVICES as readonly string[]).includes(name);
}

export interface ServiceTarget {
  readonly service: AuditedService;
  /** The service's own database (its event store). */
  readonly databaseUrl: string;
  /** Where its outbox relay publishes (`<context>.events`). */
  readonly topic: string;
}

/** Everything the auditor connects to: one entry per service, the key database and Kafka. */
export interface AuditTargets {
  readonly services: readonly ServiceTarget[];
  /** The shared personal-data key database; null: personal data stays masked. */
  readonly keysDatabaseUrl: string | null;
  readonly kafkaBrokers: readonly string[];
  /** The `audit` principal: reads every topic, writes none (ADR 0024); none: no SASL. */
  readonly kafkaSasl?: KafkaSasl;
  /** The published public keys: each topic's messages must be signed by its owner (ADR 0025). */
  readonly keyring?: EventKeyring;
}

const DEFAULT_TOPICS: Readonly<Record<AuditedService, string>> = {
  enrollment: Topics.enrollmentEvents,
  contributions: Topics.contributionsEvents,
  claims: Topics.claimsEvents,
  payouts: Topics.payoutsEvents,
};

export interface TargetOverrides {
  /** Server URL the `santunan_<service>` databases live on. */
  readonly databaseServerUrl?: string;
  /** Per service: a full database URL (wins over the server URL). */
  readonly databaseUrls?: Partial<Record<AuditedService, string>>;
  readonly topics?: Partial<Record<AuditedService, string>>;
  readonly keysDatabaseUrl?: string | null;
  readonly kafkaBrokers?: readonly string[];
  readonly kafkaSasl?: KafkaSasl;
  readonly keyring?: EventKeyring;
  /** Only these services (all four by default). */
  readonly only?: readonly AuditedService[];
}

/** The events topic each service publishes to, as the service itself reads it from the environment. */
const TOPIC_VARIABLES: Readonly<Record<AuditedService, string>> = {
  enrollment: 'ENROLLMENT_EVENTS_TOPIC',
  contributions: 'CONTRIBUTIONS_EVENTS_TOPIC',
  claims: 'CLAIMS_EVENTS_TOPIC',
  payouts: 'PAYOUTS_EVENTS_TOPIC',
};

/** Names every platform database: `<prefix>_<service>`, `<prefix>_keys` (default `santunan`). */
export function platformDatabasePrefix(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = nonEmpty(env['PLATFORM_DATABASE_PREFIX']) ?? 'santunan';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) {
    throw new Error(`PLATFORM_DATABASE_PREFIX "${prefix}" is not a safe database name prefix`);
  }
  return prefix;
}

/**
 * What `npm run platform` runs, found the way the services find it: each service's database is
 * `<SERVICE>_DATABASE_URL`, else `<prefix>_<service>` on the server of DATABASE_URL (default the
 * local server; prefix PLATFORM_DATABASE_PREFIX, default `santunan`); the key database
 * `KEYS_DATABASE_URL`, else `<prefix>_keys` there; topics `<SERVICE>_EVENTS_TOPIC`, else the
 * contracts' names; brokers KAFKA_BROKERS (default 127.0.0.1:9092), as the principal
 * AUDIT_KAFKA_USERNAME / _PASSWORD (else KAFKA_SASL_*; none: no SASL); the public keyring
 * EVENT_PUBLIC_KEYS (none: signatures are not checked, and the verification says so).
 * Overrides win over all.
 * The CLI and the console's audit pages both build their targets here.
 */
export function auditTargets(
  overrides: TargetOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): AuditTargets {
  const server = overrides.databaseServerUrl ?? nonEmpty(env['DATABASE_URL']) ?? LOCAL_POSTGRES_URL;
  // An explicit server names the databases itself; per-service variables then do not apply.
  const fromEnvironment = overrides.databaseServerUrl === undefined;
  const prefix = platformDatabasePrefix(env);
  const chosen = overrides.only ?? AUDITED_SERVICES;
  const keysFromEnvironment = fromEnvironment ? nonEmpty(env['KEYS_DATABASE_URL']) : undefined;
  const kafkaSasl = overrides.kafkaSasl ?? kafkaSaslFromEnvironment('audit', env);
  const keyring = overrides.keyring ?? eventKeyringFromEnvironment(env);
  return {
    services: AUDITED_SERVICES.filter((service) => chosen.includes(service)).map((service) => ({
      service,
      databaseUrl:
        overrides.databaseUrls?.[service] ??
        (fromEnvironment ? nonEmpty(env[`${service.toUpperCase()}_DATABASE_URL`]) : undefined) ??
        databaseUrl(server, `${prefix}_${service}`),
      topic:
        overrides.topics?.[service] ??
        nonEmpty(env[TOPIC_VARIABLES[service]]) ??
        DEFAULT_TOPICS[service],
    })),
    keysDatabaseUrl:
      overrides.keysDatabaseUrl === undefined
        ? (keysFromEnvironment ?? databaseUrl(server, `${prefix}_keys`))
        : overrides.keysDatabaseUrl,
    kafkaBrokers:
      overrides.kafkaBrokers ?? (nonEmpty(env['KAFKA_BROKERS']) ?? '127.0.0.1:9092').split(','),
    ...(kafkaSasl === undefined ? {} : { kafkaSasl }),
    ...(keyring === undefined ? {} : { keyring }),
  };
}

export function targetOf(targets: AuditTargets, service: AuditedService): ServiceTarget {
  const found = targets.services.find((target) => target.service === service);
  if (found === undefined) throw new Error(`service ${service} is not among the audit targets`);
  return found;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
