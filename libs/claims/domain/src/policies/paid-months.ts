import type { IsoMonth } from '@santunan/contracts';
import { masaIurMonths } from '@santunan/rules';
import { monthsPaidAtIncident } from './incident-coverage';
import type { PolicyInput } from './policy';

/** The months, masa iur and first paid month a decision is made on. */
export interface PaidMonthsAtIncident {
  readonly monthsPaid: readonly IsoMonth[];
  /** Distinct paid months, counted by the rules library (product decision 3). */
  readonly masaIurMonths: number;
  readonly firstPaidMonth: IsoMonth | null;
}

export function paidMonthsAtIncident(input: PolicyInput): PaidMonthsAtIncident {
  const monthsPaid = monthsPaidAtIncident({
    coverage: input.facts.coverage,
    segment: input.facts.participant.segment,
    incidentDate: input.claim.incidentDate,
    graceMonths: input.sponsorGraceMonths,
  });
  const counted = masaIurMonths(monthsPaid);
  // Months were checked with the facts; a failure here is a bug, not bad input.
  if (!counted.ok) throw new Error(`@santunan/claims-domain bug: ${counted.error.message}`);
  const stated = input.facts.coverage.firstPaidMonth ?? null;
  return {
    monthsPaid,
    masaIurMonths: counted.value,
    firstPaidMonth: stated ?? monthsPaid[0] ?? null,
  };
}
