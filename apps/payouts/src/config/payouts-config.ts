import { Topics } from '@santunan/contracts';
import {
  serviceConfigFromEnvironment,
  simulatedClockFromEnvironment,
  type Clock,
  type ServiceConfig,
} from '@santunan/platform';

/** Consumer names are stable: each names a consumer group and its inbox rows. */
export interface PayoutsConsumerNames {
  /** `ClaimApproved` and `ScholarshipInstalmentApproved` → payout orders. */
  readonly claimsDecisions: string;
  readonly settlementReports: string;
  /** Kabupaten/kota and sponsor program of participants, for reconciliation. */
  readonly enrollmentRegions: string;
}

export interface PayoutsConfig {
  readonly service: ServiceConfig;
  /** Where this service publishes (`payouts.events`); tests use a topic of their own. */
  readonly eventsTopic: string;
  readonly claimsTopic: string;
  readonly settlementsTopic: string;
  readonly enrollmentTopic: string;
  readonly consumers: PayoutsConsumerNames;
  /** Batch every scheduled payout this often; null: only finance's POST /payout-batches. */
  readonly autoBatchIntervalMs: number | null;
  /**
   * What an automatic batch does (ADR 0035): `host-to-host` (the default) prepares it and marks
   * it instructed, for a bank that collects the files over a direct channel; `prepare` only
   * prepares, and a finance officer marks each batch once its file is uploaded.
   */
  readonly autoBatchMode?: AutoBatchMode;
  /** The source of today and now; the system clock unless a test or a simulation sets one. */
  readonly clock?: Clock;
}

export const AUTO_BATCH_MODES = ['host-to-host', 'prepare'] as const;
export type AutoBatchMode = (typeof AUTO_BATCH_MODES)[number];

export const DEFAULT_CONSUMER_NAMES: PayoutsConsumerNames = {
  claimsDecisions: 'claims-decisions',
  settlementReports: 'settlement-reports',
  enrollmentRegions: 'enrollment-regions',
};

/**
 * The platform's service settings (PAYOUTS_DATABASE_URL, KAFKA_BROKERS, AUTH_JWT_*, …) plus
 * PAYOUTS_EVENTS_TOPIC, PAYOUTS_CLAIMS_TOPIC, PAYOUTS_SETTLEMENTS_TOPIC and
 * PAYOUTS_ENROLLMENT_TOPIC; PAYOUTS_AUTO_BATCH_INTERVAL_MS turns on automatic bank batches,
 * PAYOUTS_AUTO_BATCH_MODE (host-to-host, prepare) says whether they are also marked instructed.
 * PAYOUTS_CLAIMS_CONSUMER renames the claims consumer, which
 * replays every decision from the start under a fresh inbox (payout ids stay the same, so
 * nothing is paid twice). SANTUNAN_SIMULATED_CLOCK_START runs it on a simulated clock.
 */
export function payoutsConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): PayoutsConfig {
  const clock = simulatedClockFromEnvironment(env);
  return {
    service: serviceConfigFromEnvironment('payouts', 3004),
    ...(clock === undefined ? {} : { clock }),
    eventsTopic: env['PAYOUTS_EVENTS_TOPIC'] || Topics.payoutsEvents,
    claimsTopic: env['PAYOUTS_CLAIMS_TOPIC'] || Topics.claimsEvents,
    settlementsTopic: env['PAYOUTS_SETTLEMENTS_TOPIC'] || Topics.payoutSettlements,
    enrollmentTopic: env['PAYOUTS_ENROLLMENT_TOPIC'] || Topics.enrollmentEvents,
    consumers: {
      ...DEFAULT_CONSUMER_NAMES,
      claimsDecisions: env['PAYOUTS_CLAIMS_CONSUMER'] || DEFAULT_CONSUMER_NAMES.claimsDecisions,
    },
    autoBatchIntervalMs: intervalMs(env['PAYOUTS_AUTO_BATCH_INTERVAL_MS']),
    autoBatchMode: autoBatchMode(env['PAYOUTS_AUTO_BATCH_MODE']),
  };
}

function autoBatchMode(raw: string | undefined): AutoBatchMode {
  if (raw === undefined || raw === '') return 'host-to-host';
  const mode = AUTO_BATCH_MODES.find((known) => known === raw);
  if (mode === undefined) {
    throw new Error(`PAYOUTS_AUTO_BATCH_MODE must be one of ${AUTO_BATCH_MODES.join(', ')}`);
  }
  return mode;
}

function intervalMs(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 100) {
    throw new Error(
      'PAYOUTS_AUTO_BATCH_INTERVAL_MS must be a whole number of milliseconds, at least 100',
    );
  }
  return value;
}
