import {
  parseYearMonth,
  membershipMonthOn,
  yearMonthOf,
  type YearMonth,
} from '../calendar/year-month';
import type { BenefitAssessment } from '../explanation/benefit-assessment';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import {
  countInput,
  dateInput,
  oneOfInput,
  recordInput,
  yearMonthInput,
} from '../explanation/decoders';
import { explanationOf, type ExplanationComponent } from '../explanation/explanation';
import { formatRupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSet } from '../rule-sets/rule-set';
import { parseSegment, SEGMENTS, type Segment } from '../rule-sets/vocabulary';
import { flatScholarshipRule, scholarshipEntitlementUnder } from '../scholarship/entitlement';
import { collect, err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';

export const jkmLumpSumRule = defineComponent('JKM_LUMP_SUM', recordInput({}), (ruleSet) =>
  ok({
    amount: ruleSet.jkm.lumpSum.value,
    formula: `${formatRupiah(ruleSet.jkm.lumpSum.value)} death lump sum`,
    provenance: provenanceOf(ruleSet.jkm.lumpSum),
  }),
);

export const jkmPeriodicRule = defineComponent('JKM_PERIODIC', recordInput({}), (ruleSet) =>
  ok({
    amount: ruleSet.jkm.periodic.value,
    formula: `${formatRupiah(ruleSet.jkm.periodic.value)} periodic benefit, paid at once`,
    provenance: provenanceOf(ruleSet.jkm.periodic),
  }),
);

export const jkmFuneralRule = defineComponent('JKM_FUNERAL', recordInput({}), (ruleSet) =>
  ok({
    amount: ruleSet.jkm.funeral.value,
    formula: `${formatRupiah(ruleSet.jkm.funeral.value)} funeral benefit`,
    provenance: provenanceOf(ruleSet.jkm.funeral),
  }),
);

/**
 * Product decision 2: the three months count from the first paid month (month 1) in whole
 * calendar months, and the rule is for BPU only.
 */
function earlyDeathApplies(ruleSet: RuleSet, segment: Segment, membershipMonth: number): boolean {
  const rule = ruleSet.jkm.bpuEarlyDeath;
  return rule !== null && segment === 'bpu' && membershipMonth <= rule.value.months;
}

export const jkmBpuEarlyDeathRule = defineComponent(
  'JKM_BPU_EARLY_DEATH',
  recordInput({
    segment: oneOfInput(SEGMENTS),
    firstPaidMonth: yearMonthInput,
    deathDate: dateInput,
  }),
  (ruleSet, input) => {
    const rule = ruleSet.jkm.bpuEarlyDeath;
    const month = membershipMonthOn(input.firstPaidMonth, input.deathDate);
    if (month < 1) {
      return err(
        ruleError(
          'DATES_OUT_OF_ORDER',
          'the first paid month is after the death',
          'firstPaidMonth',
        ),
      );
    }
    if (rule === null || !earlyDeathApplies(ruleSet, input.segment, month)) {
      return err(
        ruleError(
          'COMPONENT_NOT_APPLICABLE',
          `the BPU early-death rule does not apply under ${ruleSet.id}`,
        ),
      );
    }
    return ok({
      amount: rule.value.amount,
      formula:
        `${formatRupiah(rule.value.amount)} only: BPU death in membership month ${month} ` +
        `(first paid month ${input.firstPaidMonth}), within the first ${rule.value.months}`,
      provenance: provenanceOf(rule),
    });
  },
);

export interface JkmDeathInput {
  /** The date of death: it picks the rule set. */
  readonly deathDate: string;
  readonly segment: Segment;
  /** The first paid month of the membership, `YYYY-MM`; required for BPU. */
  readonly firstPaidMonth?: string;
  /** Distinct paid months (see `masaIurMonths`), for the scholarship route. */
  readonly masaIurMonths: number;
}

export interface JkmDeathAssessment extends BenefitAssessment {
  /** The month of membership of the death (1 = the first paid month), when known. */
  readonly membershipMonth: number | null;
}

/**
 * JKM: a death not caused by a work accident during active membership (coverage itself is the
 * claims service's policy). One death is paid as JKK or JKM, never both (product decision 6).
 */
export function jkmDeathBenefit(input: JkmDeathInput): Result<JkmDeathAssessment> {
  const context = incidentContext(input.deathDate, 'deathDate');
  if (!context.ok) return context;
  const { ruleSet, incidentDate: deathDate } = context.value;
  const segment = parseSegment(input.segment);
  if (!segment.ok) return segment;
  const masaIur = countInput(input.masaIurMonths, 'masaIurMonths');
  if (!masaIur.ok) return masaIur;
  let firstPaidMonth: YearMonth | null = null;
  if (input.firstPaidMonth !== undefined) {
    const parsed = parseYearMonth(input.firstPaidMonth, 'firstPaidMonth');
    if (!parsed.ok) return parsed;
    if (parsed.value > yearMonthOf(deathDate)) {
      return err(
        ruleError(
          'DATES_OUT_OF_ORDER',
          'firstPaidMonth must not be after the month of death',
          'firstPaidMonth',
        ),
      );
    }
    firstPaidMonth = parsed.value;
  } else if (segment.value === 'bpu') {
    return err(
      ruleError('INVALID_INPUT', 'firstPaidMonth is needed for a BPU death', 'firstPaidMonth'),
    );
  }
  const membershipMonth =
    firstPaidMonth === null ? null : membershipMonthOn(firstPaidMonth, deathDate);

  if (firstPaidMonth !== null && membershipMonth !== null) {
    if (earlyDeathApplies(ruleSet, segment.value, membershipMonth)) {
      const early = computeComponent(jkmBpuEarlyDeathRule, ruleSet, {
        segment: segment.value,
        firstPaidMonth,
        deathDate,
      });
      if (!early.ok) return early;
      const explanation = explanationOf(ruleSet.id, [early.value]);
      if (!explanation.ok) return explanation;
      return ok({
        explanation: explanation.value,
        scholarship: {
          kind: 'none',
          reason: 'BPU_EARLY_DEATH',
          message: `a BPU death in membership month ${membershipMonth} pays the early-death amount only`,
        },
        membershipMonth,
      });
    }
  }

  const scholarship = scholarshipEntitlementUnder(ruleSet, 'jkm-death', masaIur.value);
  if (!scholarship.ok) return scholarship;
  const parts: Result<ExplanationComponent>[] = [
    computeComponent(jkmLumpSumRule, ruleSet, {}),
    computeComponent(jkmPeriodicRule, ruleSet, {}),
    computeComponent(jkmFuneralRule, ruleSet, {}),
  ];
  if (scholarship.value.kind === 'flat-once') {
    parts.push(
      computeComponent(flatScholarshipRule, ruleSet, {
        route: 'jkm-death',
        masaIurMonths: masaIur.value,
      }),
    );
  }
  const components = collect(parts);
  if (!components.ok) return components;
  const explanation = explanationOf(ruleSet.id, components.value);
  if (!explanation.ok) return explanation;
  return ok({ explanation: explanation.value, scholarship: scholarship.value, membershipMonth });
}
