import { parseBenefitWage } from '../membership/wage';
import type { Rupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSet } from '../rule-sets/rule-set';
import type { Segment } from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';

export interface JkkBenefitContextInput {
  /** Accident or diagnosis date: it picks the rule set. */
  readonly incidentDate: string;
  readonly segment: Segment;
  /** Monthly wage (PU) or declared income (BPU) at the time of the incident. */
  readonly wage: number;
}

/** What every JKK cash benefit is computed under: the incident's rule set and the wage. */
export interface JkkBenefitBasis {
  readonly ruleSet: RuleSet;
  readonly wage: Rupiah;
}

export function jkkBenefitBasis(input: JkkBenefitContextInput): Result<JkkBenefitBasis> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const { ruleSet } = context.value;
  const wage = parseBenefitWage(ruleSet, input.segment, input.wage);
  return wage.ok ? ok({ ruleSet, wage: wage.value }) : wage;
}
