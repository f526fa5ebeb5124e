import { isValidThreshold } from '@santunan/claims-domain';
import { Topics } from '@santunan/contracts';
import {
  serviceConfigFromEnvironment,
  simulatedClockFromEnvironment,
  type Clock,
  type ServiceConfig,
} from '@santunan/platform';
import { indonesianWorkingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';

/** Maker–checker threshold when CLAIMS_CHECKER_THRESHOLD is not set (issue 7): Rp10,000,000. */
export const DEFAULT_CHECKER_THRESHOLD = 10_000_000;

export interface ClaimsConfig {
  readonly service: ServiceConfig;
  /** Where claims publishes (`claims.events`); tests use topics of their own. */
  readonly eventsTopic: string;
  /** Consumed into the local participant projection (`enrollment.events`). */
  readonly enrollmentTopic: string;
  /** Consumed into the local coverage projection (`contributions.events`). */
  readonly contributionsTopic: string;
  /** A proposal at or above this many rupiah needs a checker (integer rupiah). */
  readonly makerCheckerThreshold: number;
  /** Working days for the payment SLA: national holidays plus the configured cuti bersama. */
  readonly calendar: WorkingDayCalendar;
  /** The source of today and now; the system clock unless a test or replay fixes it. */
  readonly clock?: Clock;
}

function threshold(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_CHECKER_THRESHOLD;
  const value = Number(raw);
  if (!isValidThreshold(value)) {
    throw new Error('CLAIMS_CHECKER_THRESHOLD must be a whole positive number of rupiah');
  }
  return value;
}

/** National holidays 2025–2027 plus `extraHolidays` (cuti bersama, YYYY-MM-DD). */
export function claimsCalendar(extraHolidays: readonly string[] = []): WorkingDayCalendar {
  const calendar = indonesianWorkingDayCalendar(extraHolidays);
  if (!calendar.ok) throw new Error(`CLAIMS_EXTRA_HOLIDAYS: ${calendar.error.message}`);
  return calendar.value;
}

/**
 * The platform's service settings (CLAIMS_DATABASE_URL, KAFKA_BROKERS, AUTH_JWT_*, …) plus
 * CLAIMS_EVENTS_TOPIC, CLAIMS_ENROLLMENT_TOPIC, CLAIMS_CONTRIBUTIONS_TOPIC,
 * CLAIMS_CHECKER_THRESHOLD and CLAIMS_EXTRA_HOLIDAYS (comma-separated cuti bersama dates);
 * SANTUNAN_SIMULATED_CLOCK_START runs it on a simulated clock.
 */
export function claimsConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): ClaimsConfig {
  const extra = (env['CLAIMS_EXTRA_HOLIDAYS'] ?? '')
    .split(',')
    .map((day) => day.trim())
    .filter((day) => day !== '');
  const clock = simulatedClockFromEnvironment(env);
  return {
    service: serviceConfigFromEnvironment('claims', 3003),
    ...(clock === undefined ? {} : { clock }),
    eventsTopic: env['CLAIMS_EVENTS_TOPIC'] || Topics.claimsEvents,
    enrollmentTopic: env['CLAIMS_ENROLLMENT_TOPIC'] || Topics.enrollmentEvents,
    contributionsTopic: env['CLAIMS_CONTRIBUTIONS_TOPIC'] || Topics.contributionsEvents,
    makerCheckerThreshold: threshold(env['CLAIMS_CHECKER_THRESHOLD']),
    calendar: claimsCalendar(extra),
  };
}
