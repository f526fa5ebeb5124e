/** Kafka topics: each context publishes its events to `<context>.events` (architecture.md). */
export const Topics = {
  enrollmentEvents: 'enrollment.events',
  contributionsEvents: 'contributions.events',
  claimsEvents: 'claims.events',
  payoutsEvents: 'payouts.events',
  /** Settlement reports from the bank / finance system, consumed by payouts. */
  payoutSettlements: 'payouts.settlements',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Where a consumer parks a message it cannot process, with the reason in its headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);
