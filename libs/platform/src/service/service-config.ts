import { authConfigFromEnvironment, type AuthConfig } from '../auth/auth-config';
import { databaseUrl } from '../database/databases';
import { LOCAL_POSTGRES_URL } from '../database/postgres-location';
import { eventSigningFromEnvironment, type EventSigningConfig } from './event-signing';
import { kafkaSaslFromEnvironment, type KafkaSasl } from '../messaging/kafka-sasl';
import { metricsScrapeTokenFromEnvironment } from '../metrics/scrape-token';
import { loggingFromEnvironment, type LoggingConfig } from '../observability/logger';

/** What every service process needs to run, read once from the environment at start. */
export interface ServiceConfig {
  /** The bounded context: names the database, the topic and the consumer groups. */
  readonly serviceName: string;
  readonly httpPort: number;
  /** The address the HTTP server listens on: 127.0.0.1 unless set (0.0.0.0 in a container). */
  readonly httpHost?: string;
  /** The service's own database. */
  readonly databaseUrl: string;
  /** The shared key database for personal-data keys (crypto-shredding). */
  readonly keyDatabaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** The service's own Kafka principal (ADR 0024); none: the broker does not authenticate. */
  readonly kafkaSasl?: KafkaSasl;
  readonly auth: AuthConfig;
  /** Signs what the service publishes, verifies what it consumes (ADR 0025); required. */
  readonly eventSigning: EventSigningConfig;
  /** The bearer token Prometheus sends to read `/metrics` (ADR 0029); none: every scrape refused. */
  readonly metricsScrapeToken?: string;
  /** The log level (and, in tests, where lines go); `LOG_LEVEL` when unset (ADR 0028). */
  readonly logging?: LoggingConfig;
}

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * `<SERVICE>_DATABASE_URL` or `santunan_<service>` on the server of `DATABASE_URL` (default
 * the local server); `KEYS_DATABASE_URL` or `santunan_keys` on the same server;
 * `KAFKA_BROKERS` (default 127.0.0.1:9092); the Kafka principal `<SERVICE>_KAFKA_USERNAME` /
 * `_PASSWORD`, else `KAFKA_SASL_USERNAME` / `_PASSWORD` (none: no SASL); `<SERVICE>_PORT` or `PORT`; `<SERVICE>_HOST` or
 * `HOST` (default 127.0.0.1, this machine only); `AUTH_JWT_*`; the metrics scrape token
 * (metricsScrapeTokenFromEnvironment); `<SERVICE>_LOG_LEVEL` or `LOG_LEVEL` (default info).
 */
export function serviceConfigFromEnvironment(
  serviceName: string,
  defaultPort: number,
): ServiceConfig {
  const upper = serviceName.toUpperCase();
  const server = env('DATABASE_URL') ?? LOCAL_POSTGRES_URL;
  const kafkaSasl = kafkaSaslFromEnvironment(serviceName);
  const port = Number(env(`${upper}_PORT`) ?? env('PORT') ?? defaultPort);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`invalid port for ${serviceName}`);
  return {
    serviceName,
    httpPort: port,
    httpHost: env(`${upper}_HOST`) ?? env('HOST') ?? '127.0.0.1',
    databaseUrl: env(`${upper}_DATABASE_URL`) ?? databaseUrl(server, `santunan_${serviceName}`),
    keyDatabaseUrl: env('KEYS_DATABASE_URL') ?? databaseUrl(server, 'santunan_keys'),
    kafkaBrokers: (env('KAFKA_BROKERS') ?? '127.0.0.1:9092').split(','),
    ...(kafkaSasl === undefined ? {} : { kafkaSasl }),
    auth: authConfigFromEnvironment(),
    eventSigning: eventSigningFromEnvironment(serviceName),
    metricsScrapeToken: metricsScrapeTokenFromEnvironment(serviceName),
    logging: loggingFromEnvironment(serviceName),
  };
}
