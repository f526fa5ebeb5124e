import { parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { ok, type Result } from '../shared/result';
import { ruleSetOn } from './registry';
import type { RuleSet } from './rule-set';

export interface IncidentContext {
  readonly incidentDate: IsoDate;
  readonly ruleSet: RuleSet;
}

/**
 * A benefit is assessed under the rule set in force on the incident date (accident, diagnosis of
 * an occupational disease, or death), never on the claim or payment date.
 */
export function incidentContext(
  incidentDate: unknown,
  field = 'incidentDate',
): Result<IncidentContext> {
  const date = parseIsoDate(incidentDate, field);
  if (!date.ok) return date;
  const ruleSet = ruleSetOn(date.value);
  return ruleSet.ok ? ok({ incidentDate: date.value, ruleSet: ruleSet.value }) : ruleSet;
}
