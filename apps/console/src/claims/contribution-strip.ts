import type { DueLine } from '../services/participants.api';

export type StripState = 'paid' | 'unpaid' | 'pending' | 'not-owed';

export interface StripMonth {
  readonly month: string;
  readonly state: StripState;
  readonly payer: 'self' | 'program';
  readonly paidOn: string | null;
  readonly incident: boolean;
}

/** How many months before the incident month the strip shows. */
export const STRIP_MONTHS = 24;

/**
 * Contributions' dues as a strip of months up to the incident month: paid; pending (unpaid
 * but not yet late — before its due date or within the sponsor's grace); unpaid (late);
 * not owed (refunded or cancelled). The service's own standing decides eligibility; the strip
 * only shows it.
 */
export function contributionStrip(
  dues: readonly DueLine[],
  incidentMonth: string,
  today: string,
): StripMonth[] {
  return dues
    .filter((line) => line.month <= incidentMonth)
    .slice(-STRIP_MONTHS)
    .map((line) => ({
      month: line.month,
      state: stateOf(line, today),
      payer: line.payer.kind,
      paidOn: line.paidOn,
      incident: line.month === incidentMonth,
    }));
}

function stateOf(line: DueLine, today: string): StripState {
  switch (line.status) {
    case 'paid':
      return 'paid';
    case 'refunded':
    case 'cancelled':
      return 'not-owed';
    case 'unpaid':
      return line.withinGrace === true || (line.dueDate !== null && line.dueDate >= today)
        ? 'pending'
        : 'unpaid';
    default: {
      const _exhaustive: never = line.status;
      return _exhaustive;
    }
  }
}
