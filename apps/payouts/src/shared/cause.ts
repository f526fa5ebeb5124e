import type { Actor } from '@santunan/platform';

/** Who and what caused a command: goes into every event's metadata. */
export interface Cause {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The event (a claims decision, a settlement report) that led to the command, if any. */
  readonly causationId: string | null;
}

/** The consumers act for the contexts whose messages they apply. */
export const SYSTEM_ACTORS = {
  claimsDecisions: { id: 'payouts.claims-decisions', kind: 'system' },
  settlementReports: { id: 'payouts.settlement-reports', kind: 'system' },
  autoBatch: { id: 'payouts.auto-batch', kind: 'system' },
} as const satisfies Record<string, Actor>;
