import type { WorkingDayCalendar } from '../calendar/working-days';
import type { YearMonth } from '../calendar/year-month';
import { computeComponent } from '../explanation/component-rule';
import {
  explanationOf,
  type Explanation,
  type ExplanationComponent,
} from '../explanation/explanation';
import { sumRupiah, type Rupiah } from '../money/rupiah';
import type { RuleSet } from '../rule-sets/rule-set';
import { parseRiskClass, type RiskClass } from '../rule-sets/vocabulary';
import { collect, err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { contributionRuleSet } from './contribution-month';
import type { ContributionDueDate } from './due-date';
import {
  jkpAllocationFor,
  puAllocationJkkRule,
  puAllocationJkmRule,
  puAllocationJkpFromJkkRule,
  puAllocationJkpFromJkmRule,
  type JkpAllocationDecision,
} from './pu-allocation';
import {
  parsePuWage,
  puJkkContributionRule,
  puJkkReliefContributionRule,
  puJkmContributionRule,
  puJkmReliefContributionRule,
} from './pu-contribution';
import { parsePaidThrough, puDueDate, puReliefFor, type PuReliefDecision } from './pu-relief';

export interface PuInvoiceLineInput {
  /** `YYYY-MM`; billed under the rule set in force on its first day. */
  readonly contributionMonth: string;
  /** The reported monthly wage; no cap for JKK/JKM. */
  readonly wage: number;
  readonly riskClass: RiskClass;
  readonly jkpParticipant: boolean;
  /** The employer is in arrears for this month (the caller's counting rule). */
  readonly employerInArrears: boolean;
  /** The last month up to which the employer had paid every contribution; null = none. */
  readonly employerPaidThrough: string | null;
  readonly calendar: WorkingDayCalendar;
}

export interface PuAllocation {
  readonly jkk: Rupiah;
  readonly jkm: Rupiah;
  /** From JKK and, under PP 37/2021, from JKM. */
  readonly jkp: Rupiah;
  readonly jkpAllocation: JkpAllocationDecision;
  /** Its total is always the bill's total. */
  readonly explanation: Explanation;
}

export interface PuInvoiceLine {
  readonly contributionMonth: YearMonth;
  readonly due: ContributionDueDate;
  readonly relief: PuReliefDecision;
  /** What the employer owes for this worker and month (JKK + JKM, relieved when relief applies). */
  readonly bill: Explanation;
  /** How that bill is split between the JKK, JKM and JKP funds. */
  readonly allocation: PuAllocation;
}

function parseFlag(value: unknown, field: string): Result<boolean> {
  return typeof value === 'boolean'
    ? ok(value)
    : err(ruleError('INVALID_INPUT', `${field} must be true or false`, field));
}

function billOf(
  ruleSet: RuleSet,
  facts: {
    contributionMonth: YearMonth;
    employerPaidThrough: YearMonth | null;
    wage: Rupiah;
    riskClass: RiskClass;
  },
  relief: PuReliefDecision,
): Result<ExplanationComponent[]> {
  if (relief.applies) {
    return collect([
      computeComponent(puJkkReliefContributionRule, ruleSet, facts),
      computeComponent(puJkmReliefContributionRule, ruleSet, {
        contributionMonth: facts.contributionMonth,
        employerPaidThrough: facts.employerPaidThrough,
        wage: facts.wage,
      }),
    ]);
  }
  return collect([
    computeComponent(puJkkContributionRule, ruleSet, {
      wage: facts.wage,
      riskClass: facts.riskClass,
    }),
    computeComponent(puJkmContributionRule, ruleSet, { wage: facts.wage }),
  ]);
}

/**
 * One worker's line on the employer's monthly PU invoice: the due date, the bill (JKK by risk
 * class + JKM, at the PP 49/2020 share when that relief applies) and its allocation to the JKK,
 * JKM and JKP funds. The allocation never changes the bill: JKK and JKM keep their contribution
 * less the JKP share, so the parts sum to the bill to the rupiah.
 */
export function puInvoiceLine(input: PuInvoiceLineInput): Result<PuInvoiceLine> {
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const wage = parsePuWage(input.wage);
  if (!wage.ok) return wage;
  const riskClass = parseRiskClass(input.riskClass);
  if (!riskClass.ok) return riskClass;
  const jkpParticipant = parseFlag(input.jkpParticipant, 'jkpParticipant');
  if (!jkpParticipant.ok) return jkpParticipant;
  const employerInArrears = parseFlag(input.employerInArrears, 'employerInArrears');
  if (!employerInArrears.ok) return employerInArrears;
  const paidThrough = parsePaidThrough(input.employerPaidThrough);
  if (!paidThrough.ok) return paidThrough;

  const { month, ruleSet } = context.value;
  const relief = puReliefFor(month, paidThrough.value);
  const due = puDueDate(ruleSet, month, relief, input.calendar);
  if (!due.ok) return due;

  const facts = {
    contributionMonth: month,
    employerPaidThrough: paidThrough.value,
    wage: wage.value,
    riskClass: riskClass.value,
  };
  const billComponents = billOf(ruleSet, facts, relief);
  if (!billComponents.ok) return billComponents;
  const bill = explanationOf(ruleSet.id, billComponents.value);
  if (!bill.ok) return bill;

  const worker = {
    contributionMonth: month,
    wage: wage.value,
    jkpParticipant: jkpParticipant.value,
    employerInArrears: employerInArrears.value,
  };
  const withBill = { ...worker, employerPaidThrough: paidThrough.value };
  const hasAllocation = ruleSet.contributions.pu.jkpAllocation !== null;
  const parts = collect([
    computeComponent(puAllocationJkkRule, ruleSet, { ...withBill, riskClass: riskClass.value }),
    ...(hasAllocation
      ? [
          computeComponent(puAllocationJkpFromJkkRule, ruleSet, worker),
          computeComponent(puAllocationJkpFromJkmRule, ruleSet, worker),
        ]
      : []),
    computeComponent(puAllocationJkmRule, ruleSet, withBill),
  ]);
  if (!parts.ok) return parts;
  const allocation = explanationOf(ruleSet.id, parts.value);
  if (!allocation.ok) return allocation;
  if (allocation.value.total !== bill.value.total) {
    throw new Error(
      `@santunan/rules bug: allocation ${allocation.value.total} ≠ bill ${bill.value.total}`,
    );
  }
  const sumOf = (...codes: readonly ExplanationComponent['code'][]): Result<Rupiah> =>
    sumRupiah(
      parts.value.filter((part) => codes.includes(part.code)).map((part) => part.amount),
      'allocation part',
    );
  const jkk = sumOf('PU_ALLOCATION_JKK');
  const jkm = sumOf('PU_ALLOCATION_JKM');
  const jkp = sumOf('PU_ALLOCATION_JKP_FROM_JKK', 'PU_ALLOCATION_JKP_FROM_JKM');
  if (!jkk.ok) return jkk;
  if (!jkm.ok) return jkm;
  if (!jkp.ok) return jkp;
  return ok({
    contributionMonth: month,
    due: due.value,
    relief,
    bill: bill.value,
    allocation: {
      jkk: jkk.value,
      jkm: jkm.value,
      jkp: jkp.value,
      jkpAllocation: jkpAllocationFor(ruleSet, jkpParticipant.value, employerInArrears.value),
      explanation: allocation.value,
    },
  });
}
