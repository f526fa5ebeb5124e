import { ageOn, maxDate, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { countInput } from '../explanation/decoders';
import { rp, sumRupiah, type Rupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import { ruleSetOn } from '../rule-sets/registry';
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
import { scholarshipEntitlementUnder } from './entitlement';
import { scholarshipInstalmentRule } from './instalment';
import { scholarshipHistory, type ScholarshipPayment } from './scholarship-history';
import {
  nextScholarshipYear,
  scholarshipYearOf,
  scholarshipYearStart,
  type ScholarshipYear,
} from './scholarship-year';

/**
 * The projection's assumptions about school careers (the law is silent; these are data):
 * - a child not yet at school starts TK in the first scholarship year in which they are at least
 *   `schoolEntryAge` on the application date: TK at 4 for two years (TK A, TK B), SD at 6 for
 *   six, so TK–SD spans the 8 years its cap allows; SMP from 12, SMA from 15, PT from 18 — which
 *   lets a child who starts on time use all five PT years before turning 23;
 * - one level-year per scholarship year: no repeated or skipped years, and a level lasts
 *   `yearsPerLevel` years;
 * - the yearly application is made on 1 July (on the as-of date for the current year);
 * - the child stays unmarried and not working.
 */
export interface ProjectionAssumptions {
  readonly schoolEntryAge: number;
  readonly yearsPerLevel: Readonly<Record<ScholarshipLevel, number>>;
}

export const DEFAULT_PROJECTION_ASSUMPTIONS: ProjectionAssumptions = Object.freeze({
  schoolEntryAge: 4,
  yearsPerLevel: Object.freeze({ 'TK-SD': 8, SMP: 3, SMA: 3, PT: 5 }),
});

export type CurrentSchooling =
  | { readonly kind: 'not-yet-in-school' }
  /** `yearInLevel` is 1-based within the level as the caps count it (SD grade 1 = TK–SD year 3). */
  | { readonly kind: 'in-school'; readonly level: ScholarshipLevel; readonly yearInLevel: number };

export interface ScholarshipProjectionInput {
  readonly incidentDate: string;
  readonly route: ScholarshipRoute;
  readonly masaIurMonths?: number;
  /** Projection starts with the scholarship year containing this date. */
  readonly asOfDate: string;
  readonly childBirthDate: string;
  readonly current: CurrentSchooling;
  readonly previousPayments: readonly ScholarshipPayment[];
  readonly assumptions?: ProjectionAssumptions;
}

export interface ProjectedInstalment {
  readonly scholarshipYear: ScholarshipYear;
  readonly applicationDate: IsoDate;
  readonly level: ScholarshipLevel;
  readonly yearInLevel: number;
  readonly ageOnApplication: number;
  readonly amount: Rupiah;
}

export type ProjectionEnd =
  | 'AGE_LIMIT'
  | 'ALL_LEVELS_DONE'
  | 'PER_CHILD_MAXIMUM'
  | 'NO_SCHOLARSHIP_ENTITLEMENT'
  | 'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT';

export interface ScholarshipProjection {
  readonly ruleSetId: RuleSetId;
  readonly assumptions: ProjectionAssumptions;
  readonly instalments: readonly ProjectedInstalment[];
  readonly total: Rupiah;
  readonly end: ProjectionEnd;
}

/** A child's school career cannot outlast this many scholarship years; a guard against bad data. */
const MAX_PROJECTED_YEARS = 40;

function validAssumptions(assumptions: ProjectionAssumptions): Result<ProjectionAssumptions> {
  const counts = [
    assumptions.schoolEntryAge,
    ...SCHOLARSHIP_LEVELS.map((level) => assumptions.yearsPerLevel[level]),
  ];
  const bad = counts.some(
    (count) => !Number.isSafeInteger(count) || count < 0 || count > MAX_PROJECTED_YEARS,
  );
  const emptyLevel = SCHOLARSHIP_LEVELS.some((level) => assumptions.yearsPerLevel[level] < 1);
  return bad || emptyLevel
    ? err(
        ruleError(
          'INVALID_INPUT',
          'assumptions must be small whole numbers, each level at least 1 year',
          'assumptions',
        ),
      )
    : ok(assumptions);
}

/** The instalments a child can expect from now on, if the assumptions hold. */
export function projectScholarshipInstalments(
  input: ScholarshipProjectionInput,
): Result<ScholarshipProjection> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const { ruleSet } = context.value;
  const asOf = parseIsoDate(input.asOfDate, 'asOfDate');
  if (!asOf.ok) return asOf;
  const birthDate = parseIsoDate(input.childBirthDate, 'childBirthDate');
  if (!birthDate.ok) return birthDate;
  if (birthDate.value > asOf.value) {
    return err(
      ruleError(
        'DATES_OUT_OF_ORDER',
        'childBirthDate must not be after asOfDate',
        'childBirthDate',
      ),
    );
  }
  const route = parseScholarshipRoute(input.route);
  if (!route.ok) return route;
  const masaIur =
    input.masaIurMonths === undefined ? ok(null) : countInput(input.masaIurMonths, 'masaIurMonths');
  if (!masaIur.ok) return masaIur;
  const assumptions = validAssumptions(input.assumptions ?? DEFAULT_PROJECTION_ASSUMPTIONS);
  if (!assumptions.ok) return assumptions;
  const { yearsPerLevel, schoolEntryAge } = assumptions.value;
  const history = scholarshipHistory(input.previousPayments);
  if (!history.ok) return history;

  let position: { level: ScholarshipLevel; yearInLevel: number } | null = null;
  if (input.current.kind === 'in-school') {
    const level = parseScholarshipLevel(input.current.level, 'current.level');
    if (!level.ok) return level;
    const yearInLevel = input.current.yearInLevel;
    if (
      !Number.isSafeInteger(yearInLevel) ||
      yearInLevel < 1 ||
      yearInLevel > yearsPerLevel[level.value]
    ) {
      return err(
        ruleError(
          'INVALID_COUNT',
          `current.yearInLevel must be 1 to ${yearsPerLevel[level.value]}`,
          'current.yearInLevel',
        ),
      );
    }
    position = { level: level.value, yearInLevel };
  }

  const result = (
    instalments: ProjectedInstalment[],
    end: ProjectionEnd,
  ): Result<ScholarshipProjection> => {
    const total = sumRupiah(
      instalments.map((instalment) => instalment.amount),
      'projected total',
    );
    return total.ok
      ? ok({
          ruleSetId: ruleSet.id,
          assumptions: assumptions.value,
          instalments,
          total: total.value,
          end,
        })
      : total;
  };

  const entitlement = scholarshipEntitlementUnder(ruleSet, route.value, masaIur.value);
  if (!entitlement.ok) return entitlement;
  if (entitlement.value.kind === 'none') return result([], 'NO_SCHOLARSHIP_ENTITLEMENT');
  if (entitlement.value.kind === 'flat-once')
    return result([], 'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT');
  const scheme = ruleSet.scholarship;
  if (scheme.kind !== 'yearly-by-level') return bug('a yearly entitlement under a flat scheme');

  const yearsPaid = { ...history.value.yearsPaidByLevel };
  let totalPaid: Rupiah = history.value.totalPaid;
  const instalments: ProjectedInstalment[] = [];
  let year = scholarshipYearOf(asOf.value);
  for (let step = 0; step < MAX_PROJECTED_YEARS; step += 1, year = nextScholarshipYear(year)) {
    const applicationDate =
      step === 0 ? maxDate(asOf.value, scholarshipYearStart(year)) : scholarshipYearStart(year);
    const age = ageOn(birthDate.value, applicationDate);
    const conditionsSet = ruleSetOn(applicationDate);
    if (!conditionsSet.ok) return conditionsSet;
    const ageLimit =
      conditionsSet.value.scholarship.kind === 'yearly-by-level'
        ? conditionsSet.value.scholarship.ageLimit.value
        : 0;
    if (age >= ageLimit) return result(instalments, 'AGE_LIMIT');
    if (position === null) {
      if (age < schoolEntryAge) continue;
      position = { level: 'TK-SD', yearInLevel: 1 };
    }
    const { level, yearInLevel } = position;
    if (
      !history.value.paidYears.has(year) &&
      yearsPaid[level] < scheme.levels.value[level].maxYears
    ) {
      const evaluation = scholarshipInstalmentRule.evaluate(ruleSet, {
        level,
        yearsPaidAtLevel: yearsPaid[level],
        totalPaidToChild: totalPaid,
      });
      if (!evaluation.ok) return evaluation;
      instalments.push({
        scholarshipYear: year,
        applicationDate,
        level,
        yearInLevel,
        ageOnApplication: age,
        amount: evaluation.value.amount,
      });
      yearsPaid[level] += 1;
      totalPaid = rp(totalPaid + evaluation.value.amount);
    }
    if (totalPaid >= scheme.perChildMax.value) return result(instalments, 'PER_CHILD_MAXIMUM');
    if (yearInLevel < yearsPerLevel[level]) {
      position = { level, yearInLevel: yearInLevel + 1 };
    } else {
      const next = SCHOLARSHIP_LEVELS[SCHOLARSHIP_LEVELS.indexOf(level) + 1];
      if (next === undefined) return result(instalments, 'ALL_LEVELS_DONE');
      position = { level: next, yearInLevel: 1 };
    }
  }
  return bug('scholarship projection did not end');
}
