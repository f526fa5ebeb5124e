import type {
  ContributionSector,
  IsoDate,
  IsoMonth,
  MonthlyContribution,
  SponsorPayerType,
} from '@santunan/contracts';
import {
  bpuContribution,
  contributionDueDate,
  sponsorBudgetCost,
  type BpuSector,
  type PayerType,
  type Result,
  type WorkingDayCalendar,
} from '@santunan/rules';

// The published vocabulary must stay within the rules library's: a compile error here means
// a contract value the rules cannot assess.
const _sectorsAreRuleSectors: readonly BpuSector[] = [] as ContributionSector[];
const _sponsorPayersAreRulePayers: readonly PayerType[] = [] as SponsorPayerType[];

export interface AssessedContribution extends MonthlyContribution {
  readonly month: IsoMonth;
  readonly declaredIncome: number;
  readonly ruleSetId: string;
  readonly discounted: boolean;
}

export interface ContributionAssessmentInput {
  readonly month: IsoMonth;
  readonly declaredIncome: number;
  readonly payer: PayerType;
  readonly sector: ContributionSector;
}

/** The month's BPU JKK and JKM from the rules library (PP 50/2025 discount included). */
export function assessMonthlyContribution(
  input: ContributionAssessmentInput,
): Result<AssessedContribution> {
  const assessed = bpuContribution({
    contributionMonth: input.month,
    declaredIncome: input.declaredIncome,
    payer: input.payer,
    sector: input.sector,
  });
  if (!assessed.ok) return assessed;
  const { explanation, discount } = assessed.value;
  const amountOf = (code: string): number => {
    const component = explanation.components.find((candidate) => candidate.code === code);
    if (component === undefined) throw new Error(`contributions bug: no ${code} in the assessment`);
    return component.amount;
  };
  return {
    ok: true,
    value: {
      month: input.month,
      declaredIncome: input.declaredIncome,
      jkk: amountOf('BPU_JKK_CONTRIBUTION'),
      jkm: amountOf('BPU_JKM_CONTRIBUTION'),
      total: explanation.total,
      ruleSetId: explanation.ruleSetId,
      discounted: discount.applies,
    },
  };
}

export interface MonthDueDate {
  readonly nominalDueDate: IsoDate;
  readonly dueDate: IsoDate;
}

/** BPU: the 15th of the month itself, or the next working day (rules library). */
export function dueDateOf(month: IsoMonth, calendar: WorkingDayCalendar): Result<MonthDueDate> {
  const due = contributionDueDate({ segment: 'bpu', contributionMonth: month, calendar });
  if (!due.ok) return due;
  return {
    ok: true,
    value: { nominalDueDate: due.value.nominalDueDate, dueDate: due.value.dueDate },
  };
}

/**
 * `count` dues of one monthly contribution, JKK and JKM apart (the rules library's sponsor
 * arithmetic: exact, and refused beyond the safe-integer range).
 */
export function timesDues(
  contribution: MonthlyContribution,
  count: number,
): Result<MonthlyContribution> {
  const times = (tariff: number): Result<number> =>
    tariff === 0
      ? { ok: true, value: 0 }
      : sponsorBudgetCost({ tariffPerWorkerPerMonth: tariff, months: 1, workers: count });
  const jkk = times(contribution.jkk);
  if (!jkk.ok) return jkk;
  const jkm = times(contribution.jkm);
  if (!jkm.ok) return jkm;
  const total = times(contribution.total);
  if (!total.ok) return total;
  return { ok: true, value: { jkk: jkk.value, jkm: jkm.value, total: total.value } };
}
