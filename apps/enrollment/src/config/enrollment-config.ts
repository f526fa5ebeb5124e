import { Topics } from '@santunan/contracts';
import {
  serviceConfigFromEnvironment,
  simulatedClockFromEnvironment,
  type Clock,
  type ServiceConfig,
} from '@santunan/platform';

export interface EnrollmentConfig {
  readonly service: ServiceConfig;
  /** Where this service publishes (`enrollment.events`); tests use a topic of their own. */
  readonly eventsTopic: string;
  /** Where claims publishes deaths (`claims.events`). */
  readonly claimsTopic: string;
  /** Key of the keyed hashes (HMAC-SHA256) that let us find a NIK or a name without storing it. */
  readonly lookupKey: string;
  readonly bulk: BulkEnrollmentConfig;
  /** The source of today and now; the system clock unless a test or a simulation sets one. */
  readonly clock?: Clock;
}

export interface BulkEnrollmentConfig {
  /** Largest CSV accepted in one upload. */
  readonly maxUploadBytes: number;
  /** Rows enrolled per database transaction. */
  readonly batchSize: number;
  /** Batches in flight at once: one commits while the next are prepared and appended. */
  readonly batchesInFlight: number;
  /** How often an idle worker looks for queued jobs (an upload on this replica wakes it at once). */
  readonly idlePollMs: number;
}

/**
 * For development and tests only: anyone who knows it can test NIK guesses against the index.
 * Production sets ENROLLMENT_NIK_HMAC_KEY (refused when NODE_ENV=production and unset).
 */
export const DEVELOPMENT_LOOKUP_KEY = 'santunan-development-only-nik-lookup-key-not-secret';

export const DEFAULT_BULK_CONFIG: BulkEnrollmentConfig = {
  maxUploadBytes: 256 * 1024 * 1024,
  batchSize: 250,
  batchesInFlight: 3,
  idlePollMs: 500,
};

const MIN_KEY_LENGTH = 32;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer`);
  return value;
}

/**
 * The platform's service settings (ENROLLMENT_DATABASE_URL, KAFKA_BROKERS, AUTH_JWT_*, …) plus
 * ENROLLMENT_NIK_HMAC_KEY, ENROLLMENT_EVENTS_TOPIC, ENROLLMENT_CLAIMS_TOPIC,
 * ENROLLMENT_MAX_UPLOAD_BYTES, ENROLLMENT_BULK_BATCH_SIZE and
 * ENROLLMENT_BULK_BATCHES_IN_FLIGHT; SANTUNAN_SIMULATED_CLOCK_START runs it on a simulated clock.
 */
export function enrollmentConfigFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): EnrollmentConfig {
  const key = env['ENROLLMENT_NIK_HMAC_KEY'] || undefined;
  if (key === undefined && env['NODE_ENV'] === 'production') {
    throw new Error('ENROLLMENT_NIK_HMAC_KEY must be set in production');
  }
  const clock = simulatedClockFromEnvironment(env);
  return {
    service: serviceConfigFromEnvironment('enrollment', 3001),
    ...(clock === undefined ? {} : { clock }),
    eventsTopic: env['ENROLLMENT_EVENTS_TOPIC'] || Topics.enrollmentEvents,
    claimsTopic: env['ENROLLMENT_CLAIMS_TOPIC'] || Topics.claimsEvents,
    lookupKey: checkedLookupKey(key ?? DEVELOPMENT_LOOKUP_KEY),
    bulk: {
      maxUploadBytes: positiveInteger(
        env,
        'ENROLLMENT_MAX_UPLOAD_BYTES',
        DEFAULT_BULK_CONFIG.maxUploadBytes,
      ),
      batchSize: positiveInteger(env, 'ENROLLMENT_BULK_BATCH_SIZE', DEFAULT_BULK_CONFIG.batchSize),
      batchesInFlight: positiveInteger(
        env,
        'ENROLLMENT_BULK_BATCHES_IN_FLIGHT',
        DEFAULT_BULK_CONFIG.batchesInFlight,
      ),
      idlePollMs: DEFAULT_BULK_CONFIG.idlePollMs,
    },
  };
}

export function checkedLookupKey(key: string): string {
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(`ENROLLMENT_NIK_HMAC_KEY must be at least ${MIN_KEY_LENGTH} characters long`);
  }
  return key;
}
