import type { ContributionPayer, IsoMonth, MonthlyContribution } from '@santunan/contracts';
import type { Result } from '@santunan/rules';
import { assessMonthlyContribution } from '../tariff/contribution-tariff';
import type { ContributionAccount, MembershipPeriod } from './contribution-account.state';
import { incomeInForce, payerOf } from './membership';

export interface MonthOwed extends MonthlyContribution {
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
  readonly declaredIncome: number;
  /** Null for a sponsored month: the program's agreed tariff applies. */
  readonly ruleSetId: string | null;
  readonly discounted: boolean;
}

/**
 * What a month costs: a bill once issued is what is owed (a later income change does not
 * reprice it); otherwise the rules library's tariff at the income in force that month, or the
 * sponsor's agreed tariff.
 */
export function owedFor(
  account: ContributionAccount,
  period: MembershipPeriod,
  month: IsoMonth,
): Result<MonthOwed> {
  const bill = account.bills.get(month);
  if (bill) {
    const { payer, declaredIncome, jkk, jkm, total, ruleSetId, discounted } = bill;
    return {
      ok: true,
      value: { month, payer, declaredIncome, jkk, jkm, total, ruleSetId, discounted },
    };
  }
  const declaredIncome = incomeInForce(account, month);
  if (period.kind === 'sponsored') {
    return {
      ok: true,
      value: {
        month,
        payer: payerOf(period),
        declaredIncome,
        ...period.contribution,
        ruleSetId: null,
        discounted: false,
      },
    };
  }
  const assessed = assessMonthlyContribution({
    month,
    declaredIncome,
    payer: 'self',
    sector: account.sector,
  });
  if (!assessed.ok) return assessed;
  const { jkk, jkm, total, ruleSetId, discounted } = assessed.value;
  return {
    ok: true,
    value: {
      month,
      payer: { kind: 'self' },
      declaredIncome,
      jkk,
      jkm,
      total,
      ruleSetId,
      discounted,
    },
  };
}
