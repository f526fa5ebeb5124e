import { accept, addMonths, isIsoMonth, monthOf, rejectWith } from '@santunan/domain-kernel';
import { dueDateOf } from '../tariff/contribution-tariff';
import { ruleRejection, type AccountDecision } from './account-decision';
import type {
  BillContributionMonth,
  ContributionAccountContext,
} from './contribution-account.commands';
import type { ContributionAccount } from './contribution-account.state';
import { isBillable, membershipIn } from './membership';
import { owedFor } from './owed';
import { graceLastMonthOf } from './payment-recording';

/**
 * The month's due, JKK and JKM apart, payable by the 15th (next working day). Nothing is
 * billed for a month outside a membership, after the death month, or already paid ahead:
 * the scheduler bills every account, and "nothing to bill" is an answer, not an error.
 */
export function billMonth(
  account: ContributionAccount,
  command: BillContributionMonth,
  context: ContributionAccountContext,
): AccountDecision {
  const { month } = command;
  if (!isIsoMonth(month)) return rejectWith('MONTH_INVALID', 'month must be YYYY-MM');
  if (account.bills.has(month)) return accept();
  if (month > addMonths(monthOf(context.today), 1)) {
    return rejectWith(
      'BILLING_TOO_EARLY',
      `${month} is billed from the month before at the earliest`,
    );
  }
  const period = membershipIn(account, month);
  if (period === undefined || !isBillable(account, month) || account.paid.has(month))
    return accept();
  const owed = owedFor(account, period, month);
  if (!owed.ok) return ruleRejection('TARIFF_UNAVAILABLE', owed.error);
  const due = dueDateOf(month, context.calendar);
  if (!due.ok) return ruleRejection('DUE_DATE_UNAVAILABLE', due.error);
  return accept({
    type: 'ContributionBilled',
    data: {
      participantId: account.participantId,
      month,
      payer: owed.value.payer,
      declaredIncome: owed.value.declaredIncome,
      jkk: owed.value.jkk,
      jkm: owed.value.jkm,
      total: owed.value.total,
      ruleSetId: owed.value.ruleSetId,
      discounted: owed.value.discounted,
      nominalDueDate: due.value.nominalDueDate,
      dueDate: due.value.dueDate,
      graceLastMonth: graceLastMonthOf(month, context.policy),
    },
  });
}
