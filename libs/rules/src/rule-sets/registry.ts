import { addDays, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { addMonths, firstDayOf } from '../calendar/year-month';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { PERMENAKER1_2025 } from './permenaker1-2025';
import { PP37_2021 } from './pp37-2021';
import { PP44_2015 } from './pp44-2015';
import { PP49_2020 } from './pp49-2020';
import { PP50_2025 } from './pp50-2025';
import { PP6_2025 } from './pp6-2025';
import { PP82_2019 } from './pp82-2019';
import { RULE_SET_IDS, type RuleSet, type RuleSetId } from './rule-set';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every rule set, oldest first. Adding a regulation = adding a snapshot here. */
export const RULE_SETS: readonly RuleSet[] = deepFreeze([
  PP44_2015,
  PP82_2019,
  PP49_2020,
  PP37_2021,
  PP6_2025,
  PERMENAKER1_2025,
  PP50_2025,
]);

// Broken ordering or a missing id is a bug in the data: fail at load, not in a decision.
RULE_SETS.forEach((set, index) => {
  const previous = RULE_SETS[index - 1];
  if (previous !== undefined && previous.effectiveFrom.value >= set.effectiveFrom.value) {
    throw new Error(`@santunan/rules bug: rule set ${set.id} does not start after ${previous.id}`);
  }
});
if (RULE_SET_IDS.some((id) => !RULE_SETS.some((set) => set.id === id))) {
  throw new Error('@santunan/rules bug: a rule set id has no rule set');
}

// A JKP share larger than the contribution it comes from would leave JKK or JKM a negative part.
for (const set of RULE_SETS) {
  const { jkpAllocation, jkkRateByRiskClass, jkmRate } = set.contributions.pu;
  if (jkpAllocation === null) continue;
  const lowestJkkRate = Math.min(...Object.values(jkkRateByRiskClass.value));
  if (jkpAllocation.fromJkk.value > lowestJkkRate || jkpAllocation.fromJkm.value > jkmRate.value) {
    throw new Error(`@santunan/rules bug: ${set.id} moves more to JKP than JKK or JKM receives`);
  }
}

/** The rule set in force on a date: for a benefit, pass the incident (accident, diagnosis or death) date. */
export function ruleSetInForce(date: string): Result<RuleSet> {
  const parsed = parseIsoDate(date, 'date');
  if (!parsed.ok) return parsed;
  return ruleSetOn(parsed.value);
}

export function ruleSetOn(date: IsoDate): Result<RuleSet> {
  let found: RuleSet | undefined;
  for (const set of RULE_SETS) if (set.effectiveFrom.value <= date) found = set;
  if (found === undefined) {
    const first = RULE_SETS[0]?.effectiveFrom.value ?? '';
    return err(
      ruleError(
        'NO_RULE_SET_IN_FORCE',
        `no rule set is in force on ${date}; the first starts ${first}`,
        'date',
      ),
    );
  }
  return ok(found);
}

export function ruleSetById(id: string): Result<RuleSet> {
  const found = RULE_SETS.find((set) => set.id === id);
  return found === undefined
    ? err(ruleError('UNKNOWN_RULE_SET', `unknown rule set ${id}`, 'ruleSetId'))
    : ok(found);
}

/** The inclusive period a set is in force; `to` is null for the current set. */
export function effectivePeriod(id: RuleSetId): {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
} {
  const index = RULE_SETS.findIndex((set) => set.id === id);
  const set = RULE_SETS[index];
  if (set === undefined) throw new Error(`@santunan/rules bug: unknown rule set ${id}`);
  const next = RULE_SETS[index + 1];
  return {
    from: set.effectiveFrom.value,
    to: next === undefined ? null : addDays(next.effectiveFrom.value, -1),
  };
}

// A PU relief is found by its window, whatever set carries it: two different reliefs for one
// month would be ambiguous, and a relief month billed under a set with a JKP allocation would
// need a rule for splitting a relieved bill that no regulation gives.
for (const set of RULE_SETS) {
  const relief = set.contributions.pu.relief;
  if (relief === null) continue;
  for (
    let month = relief.firstMonth.value;
    month <= relief.lastMonth.value;
    month = addMonths(month, 1)
  ) {
    const other = RULE_SETS.find(
      (candidate) =>
        candidate.contributions.pu.relief !== null &&
        candidate.contributions.pu.relief !== relief &&
        candidate.contributions.pu.relief.firstMonth.value <= month &&
        candidate.contributions.pu.relief.lastMonth.value >= month,
    );
    if (other !== undefined) {
      throw new Error(
        `@santunan/rules bug: ${set.id} and ${other.id} carry different reliefs for ${month}`,
      );
    }
    const billedUnder = ruleSetOn(firstDayOf(month));
    if (billedUnder.ok && billedUnder.value.contributions.pu.jkpAllocation !== null) {
      throw new Error(
        `@santunan/rules bug: relief month ${month} is billed under ${billedUnder.value.id}, which has a JKP allocation`,
      );
    }
  }
}
