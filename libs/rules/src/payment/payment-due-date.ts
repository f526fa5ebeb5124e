import { parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { addWorkingDays, type WorkingDayCalendar } from '../calendar/working-days';
import { ruleSetOn } from '../rule-sets/registry';
import type { RuleSet, RuleSetId } from '../rule-sets/rule-set';
import { parseBenefitProgram, type BenefitProgram } from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';
import { provenanceOf, type Provenance } from '../shared/sourced';

export interface BenefitPaymentDueInput {
  readonly program: BenefitProgram;
  /** The day the claim became complete (all documents in). */
  readonly completeClaimDate: string;
  readonly calendar: WorkingDayCalendar;
}

export interface BenefitPaymentDue {
  readonly ruleSetId: RuleSetId;
  readonly completeClaimDate: IsoDate;
  readonly workingDays: number;
  /** The last day payment is on time. */
  readonly dueDate: IsoDate;
  readonly provenance: Provenance;
}

function slaOf(ruleSet: RuleSet, program: BenefitProgram): RuleSet['payment']['jkkWorkingDays'] {
  switch (program) {
    case 'jkk':
      return ruleSet.payment.jkkWorkingDays;
    case 'jkm':
      return ruleSet.payment.jkmWorkingDays;
    default: {
      const _exhaustive: never = program;
      return _exhaustive;
    }
  }
}

/**
 * Payment deadlines are procedure, so they follow the rule set in force when the claim became
 * complete (amounts follow the incident date). JKK: 7 working days; JKM: about 3 (M).
 */
export function benefitPaymentDueDate(input: BenefitPaymentDueInput): Result<BenefitPaymentDue> {
  const program = parseBenefitProgram(input.program);
  if (!program.ok) return program;
  const completeClaimDate = parseIsoDate(input.completeClaimDate, 'completeClaimDate');
  if (!completeClaimDate.ok) return completeClaimDate;
  const ruleSet = ruleSetOn(completeClaimDate.value);
  if (!ruleSet.ok) return ruleSet;
  const sla = slaOf(ruleSet.value, program.value);
  const dueDate = addWorkingDays(completeClaimDate.value, sla.value, input.calendar);
  if (!dueDate.ok) return dueDate;
  return ok({
    ruleSetId: ruleSet.value.id,
    completeClaimDate: completeClaimDate.value,
    workingDays: sla.value,
    dueDate: dueDate.value,
    provenance: provenanceOf(sla),
  });
}
