import { Topics } from '@santunan/contracts';
import { serviceConfigFromEnvironment, type ServiceConfig } from '@santunan/platform';

export interface ContributionsConfig {
  readonly service: ServiceConfig;
  /** Where this service publishes (`contributions.events`); tests use a topic of their own. */
  readonly eventsTopic: string;
  /** Registrations, income changes and deaths (`enrollment.events`). */
  readonly enrollmentTopic: string;
  /** Deaths recorded by claims (`claims.events`). */
  readonly claimsTopic: string;
  /** Milliseconds between scheduler ticks; null runs no interval job (tests drive it). */
  readonly schedulerIntervalMs: number | null;
  /** Accounts per transaction for the scheduler and the payment fan-out. */
  readonly batchSize: number;
  /** Such transactions in flight at once. */
  readonly batchConcurrency: number;
  /** Sponsor programs whose folded state is kept in memory. */
  readonly programCacheSize: number;
  /** Accounts whose fold the coverage projection keeps in memory (about 9 kB each). */
  readonly coverageCacheSize: number;
  /**
   * Accounts whose fold the write side keeps in memory (about 9 kB each), so a monthly run
   * reads only each account's new events; DEFAULT_CONTRIBUTIONS_SETTINGS' when not given.
   */
  readonly accountCacheSize?: number;
}

export const DEFAULT_CONTRIBUTIONS_SETTINGS = {
  schedulerIntervalMs: 60 * 60 * 1000,
  batchSize: 200,
  batchConcurrency: 2,
  programCacheSize: 100,
  coverageCacheSize: 10_000,
  accountCacheSize: 10_000,
} as const;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

/**
 * The platform's settings (CONTRIBUTIONS_DATABASE_URL, KAFKA_BROKERS, AUTH_JWT_*, …) plus
 * CONTRIBUTIONS_EVENTS_TOPIC, CONTRIBUTIONS_ENROLLMENT_TOPIC, CONTRIBUTIONS_CLAIMS_TOPIC,
 * CONTRIBUTIONS_SCHEDULER_INTERVAL_MS (0: no interval job), CONTRIBUTIONS_BATCH_SIZE,
 * CONTRIBUTIONS_BATCH_CONCURRENCY, CONTRIBUTIONS_PROGRAM_CACHE_SIZE,
 * CONTRIBUTIONS_COVERAGE_CACHE_SIZE and CONTRIBUTIONS_ACCOUNT_CACHE_SIZE.
 */
export function contributionsConfigFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): ContributionsConfig {
  const interval = positiveInteger(
    env,
    'CONTRIBUTIONS_SCHEDULER_INTERVAL_MS',
    DEFAULT_CONTRIBUTIONS_SETTINGS.schedulerIntervalMs,
  );
  return {
    service: serviceConfigFromEnvironment('contributions', 3002),
    eventsTopic: env['CONTRIBUTIONS_EVENTS_TOPIC'] || Topics.contributionsEvents,
    enrollmentTopic: env['CONTRIBUTIONS_ENROLLMENT_TOPIC'] || Topics.enrollmentEvents,
    claimsTopic: env['CONTRIBUTIONS_CLAIMS_TOPIC'] || Topics.claimsEvents,
    schedulerIntervalMs: interval === 0 ? null : interval,
    batchSize: Math.max(
      1,
      positiveInteger(env, 'CONTRIBUTIONS_BATCH_SIZE', DEFAULT_CONTRIBUTIONS_SETTINGS.batchSize),
    ),
    batchConcurrency: Math.max(
      1,
      positiveInteger(
        env,
        'CONTRIBUTIONS_BATCH_CONCURRENCY',
        DEFAULT_CONTRIBUTIONS_SETTINGS.batchConcurrency,
      ),
    ),
    programCacheSize: Math.max(
      1,
      positiveInteger(
        env,
        'CONTRIBUTIONS_PROGRAM_CACHE_SIZE',
        DEFAULT_CONTRIBUTIONS_SETTINGS.programCacheSize,
      ),
    ),
    coverageCacheSize: Math.max(
      1,
      positiveInteger(
        env,
        'CONTRIBUTIONS_COVERAGE_CACHE_SIZE',
        DEFAULT_CONTRIBUTIONS_SETTINGS.coverageCacheSize,
      ),
    ),
    accountCacheSize: Math.max(
      1,
      positiveInteger(
        env,
        'CONTRIBUTIONS_ACCOUNT_CACHE_SIZE',
        DEFAULT_CONTRIBUTIONS_SETTINGS.accountCacheSize,
      ),
    ),
  };
}
