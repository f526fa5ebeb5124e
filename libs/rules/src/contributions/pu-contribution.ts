import type { YearMonth } from '../calendar/year-month';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import {
  nullableInput,
  oneOfInput,
  recordInput,
  rupiahInput,
  yearMonthInput,
} from '../explanation/decoders';
import { explanationOf } from '../explanation/explanation';
import { halfUpToRupiah, share, times, whole, type Exact } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah, parseRupiah, type Rupiah } from '../money/rupiah';
import type { RuleSet } from '../rule-sets/rule-set';
import { RISK_CLASSES, parseRiskClass, type RiskClass } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf, type Provenance } from '../shared/sourced';
import type { ContributionAssessment } from './bpu-contribution';
import { billedUnder, contributionRuleSet } from './contribution-month';
import { puReliefFor, type PuReliefDecision } from './pu-relief';

/** One part of the employer's bill (JKK or JKM) as the allocation and the bill both need it. */
export interface PuBillPart {
  readonly amount: Rupiah;
  readonly formula: string;
  readonly provenance: Provenance;
}

/** Applies a relief, if any, to the exact amount; rounds half up once. */
function billPart(
  normal: Exact,
  formula: string,
  sources: Provenance,
  relief: PuReliefDecision,
  field: string,
): Result<PuBillPart> {
  const exact = relief.applies ? times(normal, share(relief.payableShare)) : normal;
  const amount = halfUpToRupiah(exact, field);
  if (!amount.ok) return amount;
  return ok({
    amount: amount.value,
    formula: relief.applies
      ? `${formula} × ${formatBasisPoints(relief.payableShare)} (${relief.ruleSetId} relief), rounded half up`
      : `${formula}, rounded half up`,
    provenance: relief.applies ? provenanceOf(sources, relief.provenance) : sources,
  });
}

export function puJkkBill(
  ruleSet: RuleSet,
  wage: Rupiah,
  riskClass: RiskClass,
  relief: PuReliefDecision,
): Result<PuBillPart> {
  const rates = ruleSet.contributions.pu.jkkRateByRiskClass;
  const rate = rates.value[riskClass];
  return billPart(
    times(whole(wage), share(rate)),
    `${formatBasisPoints(rate)} (risk class ${riskClass}) × ${formatRupiah(wage)}`,
    provenanceOf(rates),
    relief,
    'PU JKK contribution',
  );
}

export function puJkmBill(
  ruleSet: RuleSet,
  wage: Rupiah,
  relief: PuReliefDecision,
): Result<PuBillPart> {
  const rate = ruleSet.contributions.pu.jkmRate;
  return billPart(
    times(whole(wage), share(rate.value)),
    `${formatBasisPoints(rate.value)} × ${formatRupiah(wage)}`,
    provenanceOf(rate),
    relief,
    'PU JKM contribution',
  );
}

/** What `puReliefFor` says when it is not asked: the month is billed in full. */
const NO_RELIEF: PuReliefDecision = { applies: false, reason: 'OUTSIDE_RELIEF_PERIOD' };

export const puJkkContributionRule = defineComponent(
  'PU_JKK_CONTRIBUTION',
  recordInput({ wage: rupiahInput, riskClass: oneOfInput(RISK_CLASSES, 'UNKNOWN_RISK_CLASS') }),
  (ruleSet, input) => puJkkBill(ruleSet, input.wage, input.riskClass, NO_RELIEF),
);

export const puJkmContributionRule = defineComponent(
  'PU_JKM_CONTRIBUTION',
  recordInput({ wage: rupiahInput }),
  (ruleSet, input) => puJkmBill(ruleSet, input.wage, NO_RELIEF),
);

export const reliefFields = {
  contributionMonth: yearMonthInput,
  employerPaidThrough: nullableInput(yearMonthInput),
};

/** The relief decision for a stored relieved component: it must still apply. */
function reliefThatApplies(
  ruleSet: RuleSet,
  month: YearMonth,
  employerPaidThrough: YearMonth | null,
): Result<PuReliefDecision> {
  const billed = billedUnder(ruleSet, month);
  if (!billed.ok) return billed;
  const relief = puReliefFor(month, employerPaidThrough);
  return relief.applies
    ? ok(relief)
    : err(
        ruleError(
          'COMPONENT_NOT_APPLICABLE',
          `no PU relief for contribution month ${month} (${relief.reason})`,
          'contributionMonth',
        ),
      );
}

/** PP 49/2020: JKK at 1% of the normal contribution (computed exactly, rounded once). */
export const puJkkReliefContributionRule = defineComponent(
  'PU_JKK_RELIEF_CONTRIBUTION',
  recordInput({
    ...reliefFields,
    wage: rupiahInput,
    riskClass: oneOfInput(RISK_CLASSES, 'UNKNOWN_RISK_CLASS'),
  }),
  (ruleSet, input) => {
    const relief = reliefThatApplies(ruleSet, input.contributionMonth, input.employerPaidThrough);
    return relief.ok ? puJkkBill(ruleSet, input.wage, input.riskClass, relief.value) : relief;
  },
);

export const puJkmReliefContributionRule = defineComponent(
  'PU_JKM_RELIEF_CONTRIBUTION',
  recordInput({ ...reliefFields, wage: rupiahInput }),
  (ruleSet, input) => {
    const relief = reliefThatApplies(ruleSet, input.contributionMonth, input.employerPaidThrough);
    return relief.ok ? puJkmBill(ruleSet, input.wage, relief.value) : relief;
  },
);

/** PU has no wage cap for JKK/JKM, but a wage of Rp0 is no wage report. */
export function parsePuWage(value: unknown, field = 'wage'): Result<Rupiah> {
  const wage = parseRupiah(value, field);
  if (!wage.ok) return wage;
  return wage.value === 0
    ? err(ruleError('INVALID_WAGE', `${field} must be more than Rp0`, field))
    : wage;
}

export interface PuContributionInput {
  readonly contributionMonth: string;
  /** Monthly wage; PU has no wage cap for JKK/JKM. */
  readonly wage: number;
  readonly riskClass: RiskClass;
}

/**
 * The employer's normal monthly PU JKK + JKM contribution, without relief or allocation (see
 * `puInvoiceLine` for the whole invoice line).
 */
export function puContribution(input: PuContributionInput): Result<ContributionAssessment> {
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const wage = parsePuWage(input.wage);
  if (!wage.ok) return wage;
  const riskClass = parseRiskClass(input.riskClass);
  if (!riskClass.ok) return riskClass;
  const { month, ruleSet } = context.value;
  const jkk = computeComponent(puJkkContributionRule, ruleSet, {
    wage: wage.value,
    riskClass: riskClass.value,
  });
  if (!jkk.ok) return jkk;
  const jkm = computeComponent(puJkmContributionRule, ruleSet, { wage: wage.value });
  if (!jkm.ok) return jkm;
  const explanation = explanationOf(ruleSet.id, [jkk.value, jkm.value]);
  return explanation.ok
    ? ok({ contributionMonth: month, explanation: explanation.value })
    : explanation;
}
