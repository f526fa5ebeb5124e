import type { TargetOverrides } from '@santunan/audit';
import { testEventKeyring, testKafkaConnection } from '@santunan/testing';
import type { SantunanPlatform } from './santunan-platform';

/** Where the auditor finds this run's four stores, topics and key database. */
export function auditConnectionsOf(platform: SantunanPlatform): TargetOverrides {
  return {
    databaseUrls: {
      enrollment: platform.databases.enrollment,
      contributions: platform.databases.contributions,
      claims: platform.databases.claims,
      payouts: platform.databases.payouts,
    },
    topics: {
      enrollment: platform.topics.enrollmentEvents,
      contributions: platform.topics.contributionsEvents,
      claims: platform.topics.claimsEvents,
      payouts: platform.topics.payoutsEvents,
    },
    keysDatabaseUrl: platform.databases.keys,
    // As the audit principal: the platform granted it read on every topic, write on none.
    ...testKafkaConnection('audit'),
    // Every topic copy must be signed by its owner (ADR 0025).
    keyring: testEventKeyring,
  };
}
