import { parseIsoDate } from '../calendar/iso-date';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import { countInput, oneOfInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { formatRupiah, minRupiah, rp } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSetId } from '../rule-sets/rule-set';
import {
  parseScholarshipLevel,
  parseScholarshipRoute,
  SCHOLARSHIP_LEVELS,
  type ScholarshipLevel,
  type ScholarshipRoute,
} from '../rule-sets/vocabulary';
import { bug, err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';
import {
  childConditions,
  type ChildConditionFailureCode,
  type ScholarshipChild,
} from './child-conditions';
import { scholarshipEntitlementUnder } from './entitlement';
import { scholarshipHistory, type ScholarshipPayment } from './scholarship-history';
import { scholarshipYearOf, type ScholarshipYear } from './scholarship-year';

/**
 * One year's scholarship for a child at a level: the level's yearly amount while the level has
 * years left, never past the per-child maximum.
 */
export const scholarshipInstalmentRule = defineComponent(
  'SCHOLARSHIP_INSTALMENT',
  recordInput({
    level: oneOfInput(SCHOLARSHIP_LEVELS, 'UNKNOWN_LEVEL'),
    yearsPaidAtLevel: countInput,
    totalPaidToChild: rupiahInput,
  }),
  (ruleSet, input) => {
    const scheme = ruleSet.scholarship;
    if (scheme.kind !== 'yearly-by-level') {
      return err(ruleError('COMPONENT_NOT_APPLICABLE', `${ruleSet.id} has no yearly scholarship`));
    }
    const level = scheme.levels.value[input.level];
    const maximum = scheme.perChildMax.value;
    if (input.yearsPaidAtLevel >= level.maxYears) {
      return err(
        ruleError(
          'COMPONENT_NOT_APPLICABLE',
          `all ${level.maxYears} years of ${input.level} are paid`,
        ),
      );
    }
    if (input.totalPaidToChild >= maximum) {
      return err(
        ruleError(
          'COMPONENT_NOT_APPLICABLE',
          `the per-child maximum of ${formatRupiah(maximum)} is paid`,
        ),
      );
    }
    const remaining = rp(maximum - input.totalPaidToChild);
    const amount = minRupiah(level.yearlyAmount, remaining);
    return ok({
      amount,
      formula:
        `${formatRupiah(level.yearlyAmount)} for ${input.level} year ${input.yearsPaidAtLevel + 1} of ${level.maxYears}` +
        (amount < level.yearlyAmount
          ? `, limited to the ${formatRupiah(remaining)} left of the per-child maximum`
          : '') +
        ` (${formatRupiah(input.totalPaidToChild)} of ${formatRupiah(maximum)} paid before)`,
      provenance: provenanceOf(scheme.levels, scheme.perChildMax),
    });
  },
);

export type ScholarshipNotPayableCode =
  | ChildConditionFailureCode
  | 'NO_SCHOLARSHIP_ENTITLEMENT'
  | 'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT'
  | 'ALREADY_PAID_THIS_SCHOLARSHIP_YEAR'
  | 'LEVEL_YEARS_EXHAUSTED'
  | 'PER_CHILD_MAXIMUM_REACHED';

export interface ScholarshipNotPayableReason {
  readonly code: ScholarshipNotPayableCode;
  readonly message: string;
}

export type ScholarshipInstalmentDecision =
  | {
      readonly kind: 'payable';
      readonly scholarshipYear: ScholarshipYear;
      /** The amount's rule set (incident date); the explanation names it too. */
      readonly ruleSetId: RuleSetId;
      /** The set the child conditions were checked under (application date). */
      readonly childConditionsRuleSetId: RuleSetId;
      readonly explanation: Explanation;
    }
  | {
      readonly kind: 'not-payable';
      readonly scholarshipYear: ScholarshipYear;
      readonly ruleSetId: RuleSetId;
      readonly reasons: readonly ScholarshipNotPayableReason[];
    };

export interface ScholarshipInstalmentInput {
  /** The death, accident or diagnosis that created the entitlement. */
  readonly incidentDate: string;
  readonly route: ScholarshipRoute;
  /** Needed for the JKM route. */
  readonly masaIurMonths?: number;
  /** The yearly application with proof of enrolment. */
  readonly applicationDate: string;
  readonly child: ScholarshipChild;
  /** The level the child is enrolled in for this scholarship year. */
  readonly level: ScholarshipLevel;
  /** Instalments already paid to this child under this entitlement. */
  readonly previousPayments: readonly ScholarshipPayment[];
}

/** Decides one yearly scholarship application for one child. */
export function scholarshipInstalment(
  input: ScholarshipInstalmentInput,
): Result<ScholarshipInstalmentDecision> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const { ruleSet, incidentDate } = context.value;
  const applicationDate = parseIsoDate(input.applicationDate, 'applicationDate');
  if (!applicationDate.ok) return applicationDate;
  if (applicationDate.value < incidentDate) {
    return err(
      ruleError(
        'DATES_OUT_OF_ORDER',
        'applicationDate must not be before incidentDate',
        'applicationDate',
      ),
    );
  }
  const route = parseScholarshipRoute(input.route);
  if (!route.ok) return route;
  const masaIur =
    input.masaIurMonths === undefined ? ok(null) : countInput(input.masaIurMonths, 'masaIurMonths');
  if (!masaIur.ok) return masaIur;
  const level = parseScholarshipLevel(input.level);
  if (!level.ok) return level;
  const history = scholarshipHistory(input.previousPayments);
  if (!history.ok) return history;
  const scholarshipYear = scholarshipYearOf(applicationDate.value);
  const notPayable = (
    reasons: ScholarshipNotPayableReason[],
  ): Result<ScholarshipInstalmentDecision> =>
    ok({ kind: 'not-payable', scholarshipYear, ruleSetId: ruleSet.id, reasons });

  const entitlement = scholarshipEntitlementUnder(ruleSet, route.value, masaIur.value);
  if (!entitlement.ok) return entitlement;
  switch (entitlement.value.kind) {
    case 'none':
      return notPayable([
        { code: 'NO_SCHOLARSHIP_ENTITLEMENT', message: entitlement.value.message },
      ]);
    case 'flat-once':
      return notPayable([
        {
          code: 'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT',
          message: `${ruleSet.id} pays one flat scholarship with the benefit, not yearly instalments`,
        },
      ]);
    case 'yearly-by-level':
      break;
    default: {
      const _exhaustive: never = entitlement.value;
      return _exhaustive;
    }
  }
  const scheme = ruleSet.scholarship;
  if (scheme.kind !== 'yearly-by-level') return bug('a yearly entitlement under a flat scheme');

  const conditions = childConditions({
    applicationDate: applicationDate.value,
    child: input.child,
  });
  if (!conditions.ok) return conditions;
  const reasons: ScholarshipNotPayableReason[] = [...conditions.value.failures];
  const { paidYears, yearsPaidByLevel, totalPaid } = history.value;
  if (paidYears.has(scholarshipYear)) {
    reasons.push({
      code: 'ALREADY_PAID_THIS_SCHOLARSHIP_YEAR',
      message: `${scholarshipYear} is already paid`,
    });
  }
  const levelRule = scheme.levels.value[level.value];
  if (yearsPaidByLevel[level.value] >= levelRule.maxYears) {
    reasons.push({
      code: 'LEVEL_YEARS_EXHAUSTED',
      message: `${yearsPaidByLevel[level.value]} of ${levelRule.maxYears} years of ${level.value} are paid`,
    });
  }
  if (totalPaid >= scheme.perChildMax.value) {
    reasons.push({
      code: 'PER_CHILD_MAXIMUM_REACHED',
      message: `${formatRupiah(totalPaid)} paid; the per-child maximum is ${formatRupiah(scheme.perChildMax.value)}`,
    });
  }
  if (reasons.length > 0) return notPayable(reasons);

  const component = computeComponent(scholarshipInstalmentRule, ruleSet, {
    level: level.value,
    yearsPaidAtLevel: yearsPaidByLevel[level.value],
    totalPaidToChild: totalPaid,
  });
  if (!component.ok) return component;
  const explanation = explanationOf(ruleSet.id, [component.value]);
  if (!explanation.ok) return explanation;
  return ok({
    kind: 'payable',
    scholarshipYear,
    ruleSetId: ruleSet.id,
    childConditionsRuleSetId: conditions.value.ruleSetId,
    explanation: explanation.value,
  });
}
