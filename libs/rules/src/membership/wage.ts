import { parseRupiah, formatRupiah, type Rupiah } from '../money/rupiah';
import type { RuleSet } from '../rule-sets/rule-set';
import { parseSegment, type Segment } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

/**
 * The monthly wage a benefit is computed on: the PU wage, or for BPU the declared income at the
 * time of the incident, which can never be under the BPU income floor.
 */
export function parseBenefitWage(
  ruleSet: RuleSet,
  segment: unknown,
  wage: unknown,
  field = 'wage',
): Result<Rupiah> {
  const parsedSegment = parseSegment(segment);
  if (!parsedSegment.ok) return parsedSegment;
  const amount = parseRupiah(wage, field);
  if (!amount.ok) return amount;
  return checkWage(ruleSet, parsedSegment.value, amount.value, field);
}

export function checkWage(
  ruleSet: RuleSet,
  segment: Segment,
  wage: Rupiah,
  field: string,
): Result<Rupiah> {
  if (wage === 0) return err(ruleError('INVALID_WAGE', `${field} must be more than Rp0`, field));
  const floor = ruleSet.contributions.bpu.incomeFloor.value;
  if (segment === 'bpu' && wage < floor) {
    return err(
      ruleError(
        'INCOME_BELOW_FLOOR',
        `BPU declared income ${formatRupiah(wage)} is under the floor of ${formatRupiah(floor)} (${ruleSet.id})`,
        field,
      ),
    );
  }
  return ok(wage);
}
