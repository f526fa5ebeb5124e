/**
 * The auditor's closing word: the audit library (`@santunan/audit`, also `npm run audit`)
 * verifies every service's hash chains and its topic against its store, and reports the
 * benefits paid in the period. It reads the event stores and topics directly, as an auditor
 * does — the only part of the scenario that is not HTTP.
 */
import path from 'node:path';
import { eventKeyringFromEnvironment } from '@santunan/platform';
import {
  auditTargets,
  benefitsReport,
  renderReport,
  renderVerification,
  verifyPlatform,
  type AuditTargets,
  type TargetOverrides,
} from '@santunan/audit';
import { withLocalKafkaUser } from '../kafka/local-credentials';
import type { Log } from './context';

export interface AuditSummary {
  readonly verified: boolean;
  readonly eventsVerified: number;
  readonly verification: string;
  readonly report: string;
}

/**
 * The single integration point with the audit library: verify, then the benefits report of
 * `period` (a year `2026` or a month `2026-11`). Where the audit reads from defaults to what
 * `npm run platform` runs (DATABASE_URL's server, the contracts' topics, KAFKA_BROKERS).
 */
export async function printAuditSummary(options: {
  readonly period: string;
  readonly targets?: TargetOverrides;
  readonly log: Log;
}): Promise<AuditSummary> {
  // Against `npm run platform`: its keyring in .local/keys, unless EVENT_PUBLIC_KEYS names one.
  const keyring =
    options.targets?.keyring === undefined
      ? eventKeyringFromEnvironment(
          process.env,
          path.resolve(__dirname, '../../.local/keys/event-keyring.json'),
        )
      : undefined;
  // …and its broker's audit user, unless the environment names a broker or a user.
  const targets: AuditTargets = auditTargets(
    {
      ...(keyring === undefined ? {} : { keyring }),
      ...options.targets,
    },
    withLocalKafkaUser(process.env, 'audit'),
  );
  const verification = await verifyPlatform(targets, { checkTopics: true });
  const renderedVerification = renderVerification(verification);
  const report = await benefitsReport(targets, { period: options.period });
  const renderedReport = renderReport(report);
  options.log('');
  options.log(renderedReport);
  options.log('');
  options.log(renderedVerification);
  return {
    verified: verification.ok,
    eventsVerified: verification.stores.reduce((sum, store) => sum + store.eventsVerified, 0),
    verification: renderedVerification,
    report: renderedReport,
  };
}
