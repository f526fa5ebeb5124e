import { Topics } from '@santunan/contracts';
import { databaseUrl, LOCAL_POSTGRES_URL } from '@santunan/platform';

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
  /** Only these services (all four by default). */
  readonly only?: readonly AuditedService[];
}

/**
 * What `npm run platform` runs: databases `santunan_<service>` and `santunan_keys` on the
 * server of DATABASE_URL (default the local server), topics from the contracts, brokers from
 * KAFKA_BROKERS (default 127.0.0.1:9092). Every part can be overridden.
 */
export function auditTargets(
  overrides: TargetOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): AuditTargets {
  const server = overrides.databaseServerUrl ?? nonEmpty(env['DATABASE_URL']) ?? LOCAL_POSTGRES_URL;
  const chosen = overrides.only ?? AUDITED_SERVICES;
  return {
    services: AUDITED_SERVICES.filter((service) => chosen.includes(service)).map((service) => ({
      service,
      databaseUrl: overrides.databaseUrls?.[service] ?? databaseUrl(server, `santunan_${service}`),
      topic: overrides.topics?.[service] ?? DEFAULT_TOPICS[service],
    })),
    keysDatabaseUrl:
      overrides.keysDatabaseUrl === undefined
        ? databaseUrl(server, 'santunan_keys')
        : overrides.keysDatabaseUrl,
    kafkaBrokers:
      overrides.kafkaBrokers ?? (nonEmpty(env['KAFKA_BROKERS']) ?? '127.0.0.1:9092').split(','),
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
