import { ageOn, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { ruleSetOn } from '../rule-sets/registry';
import type { ChildWorkExceptions, RuleSetId } from '../rule-sets/rule-set';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf, type Provenance } from '../shared/sourced';

/** What the child does for a living, as declared on the application. */
export type ChildWork =
  | { readonly kind: 'not-working' }
  /** A wage (PU) job; short ones are allowed from 2025. */
  | { readonly kind: 'pu-job'; readonly months: number }
  | { readonly kind: 'bpu' }
  | { readonly kind: 'apprenticeship' }
  | { readonly kind: 'other-work' };

export interface ScholarshipChild {
  readonly birthDate: string;
  readonly married: boolean;
  readonly work: ChildWork;
  /** Registered by the participant for the scholarship before the incident. */
  readonly registered: boolean;
}

export type ChildConditionFailureCode =
  | 'CHILD_NOT_REGISTERED'
  | 'CHILD_NOT_YET_BORN'
  | 'CHILD_AGE_LIMIT_REACHED'
  | 'CHILD_MARRIED'
  | 'CHILD_WORKING';

export interface ChildConditionFailure {
  readonly code: ChildConditionFailureCode;
  readonly message: string;
}

export interface ChildConditionsOutcome {
  /** Child conditions are checked under the set in force on the application date. */
  readonly ruleSetId: RuleSetId;
  readonly ageOnApplication: number;
  readonly failures: readonly ChildConditionFailure[];
  readonly provenance: Provenance;
}

function workAllowed(work: ChildWork, exceptions: ChildWorkExceptions): boolean {
  switch (work.kind) {
    case 'not-working':
      return true;
    case 'pu-job':
      return (
        exceptions.shortPuJobMaxMonths !== null && work.months <= exceptions.shortPuJobMaxMonths
      );
    case 'bpu':
      return exceptions.bpuWorkAllowed;
    case 'apprenticeship':
      return exceptions.apprenticeshipAllowed;
    case 'other-work':
      return false;
    default: {
      const _exhaustive: never = work;
      return _exhaustive;
    }
  }
}

/**
 * Under the age limit (23) on the application date, unmarried, not working (with the 2025
 * exceptions), registered. School age is shown by the enrolment the application is for.
 */
export function childConditions(input: {
  readonly applicationDate: string;
  readonly child: ScholarshipChild;
}): Result<ChildConditionsOutcome> {
  const applicationDate = parseIsoDate(input.applicationDate, 'applicationDate');
  if (!applicationDate.ok) return applicationDate;
  const birthDate = parseIsoDate(input.child.birthDate, 'child.birthDate');
  if (!birthDate.ok) return birthDate;
  if (input.child.work.kind === 'pu-job') {
    const months = input.child.work.months;
    if (!Number.isSafeInteger(months) || months < 0) {
      return err(
        ruleError(
          'INVALID_COUNT',
          'child.work.months must be a whole number, 0 or more',
          'child.work.months',
        ),
      );
    }
  }
  return childConditionsOn(applicationDate.value, birthDate.value, input.child);
}

export function childConditionsOn(
  applicationDate: IsoDate,
  birthDate: IsoDate,
  child: ScholarshipChild,
): Result<ChildConditionsOutcome> {
  const ruleSet = ruleSetOn(applicationDate);
  if (!ruleSet.ok) return ruleSet;
  const scheme = ruleSet.value.scholarship;
  if (scheme.kind !== 'yearly-by-level') {
    return err(
      ruleError(
        'COMPONENT_NOT_APPLICABLE',
        `no yearly scholarship scheme is in force on ${applicationDate}`,
        'applicationDate',
      ),
    );
  }
  const failures: ChildConditionFailure[] = [];
  const age = ageOn(birthDate, applicationDate);
  if (!child.registered) {
    failures.push({
      code: 'CHILD_NOT_REGISTERED',
      message: 'the child was not registered for the scholarship',
    });
  }
  if (birthDate > applicationDate) {
    failures.push({
      code: 'CHILD_NOT_YET_BORN',
      message: 'the birth date is after the application date',
    });
  } else if (age >= scheme.ageLimit.value) {
    failures.push({
      code: 'CHILD_AGE_LIMIT_REACHED',
      message: `the child is ${age} on ${applicationDate}; the scholarship ends at ${scheme.ageLimit.value}`,
    });
  }
  if (child.married) failures.push({ code: 'CHILD_MARRIED', message: 'the child is married' });
  if (!workAllowed(child.work, scheme.childWorkExceptions.value)) {
    failures.push({
      code: 'CHILD_WORKING',
      message: `the child's work (${child.work.kind}) ends the scholarship`,
    });
  }
  return ok({
    ruleSetId: ruleSet.value.id,
    ageOnApplication: age,
    failures,
    provenance: provenanceOf(scheme.ageLimit, scheme.childWorkExceptions),
  });
}
