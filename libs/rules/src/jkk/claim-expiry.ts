import { addYears, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSetId } from '../rule-sets/rule-set';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf, type Provenance } from '../shared/sourced';

export interface JkkClaimExpiryInput {
  /** Accident date, or diagnosis date for an occupational disease. */
  readonly incidentDate: string;
  /** The date the claim was lodged. */
  readonly claimDate: string;
}

export interface JkkClaimExpiry {
  readonly ruleSetId: RuleSetId;
  /** The last day a claim is in time: the same calendar date N years after the incident. */
  readonly lastClaimDate: IsoDate;
  readonly inTime: boolean;
  readonly provenance: Provenance;
}

/**
 * The right lapses once N years have passed (5 years; 2 under PP 44/2015, by incident date).
 * A claim on the anniversary itself is in time; the day after is not.
 */
export function jkkClaimExpiry(input: JkkClaimExpiryInput): Result<JkkClaimExpiry> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const claimDate = parseIsoDate(input.claimDate, 'claimDate');
  if (!claimDate.ok) return claimDate;
  const { incidentDate, ruleSet } = context.value;
  if (claimDate.value < incidentDate) {
    return err(
      ruleError('DATES_OUT_OF_ORDER', 'claimDate must not be before incidentDate', 'claimDate'),
    );
  }
  const years = ruleSet.jkk.claimExpiryYears;
  const lastClaimDate = addYears(incidentDate, years.value);
  return ok({
    ruleSetId: ruleSet.id,
    lastClaimDate,
    inTime: claimDate.value <= lastClaimDate,
    provenance: provenanceOf(years),
  });
}
