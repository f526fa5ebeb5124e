import { accept, addMonths, isIsoMonth, monthOf, rejectWith } from '@santunan/domain-kernel';
import { monthsFrom } from '../shared/months';
import { isPositiveRupiah } from '../shared/rupiah';
import {
  accountSteps,
  paymentProblem,
  ruleRejection,
  type AccountDecision,
} from './account-decision';
import type {
  ContributionAccountContext,
  PaySelfContribution,
} from './contribution-account.commands';
import type { ContributionAccount, MembershipPeriod } from './contribution-account.state';
import { currentLapse, runningSelfPayingMembership } from './membership';
import { owedFor, type MonthOwed } from './owed';
import { contributionPaid, recordPaidMonths } from './payment-recording';

/** The oldest month of the running self-paying membership not yet paid: payments start there. */
function nextPayableMonth(account: ContributionAccount, membership: MembershipPeriod): string {
  let month = membership.fromMonth;
  while (account.paid.has(month)) month = addMonths(month, 1);
  return month;
}

/**
 * A self-paying participant pays 1, 3, 6 or 12 months at once, oldest unpaid month first
 * (arrears before months ahead), each month at its own tariff — across a year end, and across
 * the end of the PP 50/2025 discount — for exactly the amount owed.
 */
export function paySelf(
  account: ContributionAccount,
  command: PaySelfContribution,
  context: ContributionAccountContext,
): AccountDecision {
  const { policy } = context;
  const known = account.selfPayments.get(command.paymentReference);
  if (known) {
    const same =
      known.firstMonth === command.firstMonth &&
      known.months === command.months &&
      known.amount === command.amount;
    return same
      ? accept()
      : rejectWith(
          'PAYMENT_REFERENCE_CONFLICT',
          `reference ${command.paymentReference} already paid ${known.months} month(s) from ${known.firstMonth} for ${known.amount}`,
          { ...known },
        );
  }
  if (!policy.advanceMonthCounts.value.includes(command.months)) {
    return rejectWith(
      'PAYMENT_MONTH_COUNT_NOT_ALLOWED',
      `pay ${policy.advanceMonthCounts.value.join(', ')} months at once, not ${command.months}`,
      {
        allowed: policy.advanceMonthCounts.value,
        legalBasis: policy.advanceMonthCounts.legalBasis,
      },
    );
  }
  const problem = paymentProblem(command, context.today);
  if (problem) return problem;
  if (!isPositiveRupiah(command.amount))
    return rejectWith(
      'PAYMENT_AMOUNT_INVALID',
      'the amount must be a whole number of rupiah above 0',
    );
  if (!isIsoMonth(command.firstMonth))
    return rejectWith('MONTH_INVALID', 'firstMonth must be YYYY-MM');
  if (account.status === 'closed') {
    return rejectWith(
      'PARTICIPANT_DECEASED',
      `the participant died on ${account.death.dateOfDeath}`,
    );
  }
  const membership = runningSelfPayingMembership(account);
  if (membership === undefined) {
    const lapse = currentLapse(account);
    return lapse && !lapse.reinstatable
      ? rejectWith(
          'MEMBERSHIP_LAPSED',
          `the membership ended after ${lapse.unpaidMonths.length} unpaid months (${lapse.unpaidMonths.join(', ')})`,
          { unpaidMonths: lapse.unpaidMonths },
        )
      : rejectWith('NOT_SELF_PAYING', 'the participant has no running self-paying membership');
  }
  const expected = nextPayableMonth(account, membership);
  if (command.firstMonth !== expected) {
    return rejectWith(
      'PAYMENT_MONTH_NOT_NEXT',
      `payments continue from ${expected}, not ${command.firstMonth}`,
      { expectedFirstMonth: expected },
    );
  }
  const months = monthsFrom(command.firstMonth, addMonths(command.firstMonth, command.months - 1));
  const lastAllowed = addMonths(monthOf(command.paidOn), policy.maxMonthsAhead.value - 1);
  if (months.some((month) => month > lastAllowed)) {
    return rejectWith(
      'PAYMENT_TOO_FAR_AHEAD',
      `a payment made in ${monthOf(command.paidOn)} reaches ${lastAllowed} at most`,
      { lastAllowedMonth: lastAllowed },
    );
  }
  const owed: MonthOwed[] = [];
  for (const month of months) {
    const assessed = owedFor(account, membership, month);
    if (!assessed.ok) return ruleRejection('TARIFF_UNAVAILABLE', assessed.error);
    owed.push(assessed.value);
  }
  const expectedAmount = owed.reduce((sum, month) => sum + month.total, 0);
  // Exact amount: the bank or counter computes it from the same tariff; a difference is a
  // mistake to correct at the counter, not money to hold.
  if (command.amount !== expectedAmount) {
    return rejectWith(
      'PAYMENT_AMOUNT_MISMATCH',
      `${command.months} month(s) from ${command.firstMonth} cost ${expectedAmount}, not ${command.amount}`,
      {
        expectedAmount,
        months: owed.map(({ month, jkk, jkm, total }) => ({ month, jkk, jkm, total })),
      },
    );
  }
  const { paymentReference, paidAt, paidOn } = command;
  const steps = accountSteps(account);
  recordPaidMonths(
    steps,
    owed.map((month) =>
      contributionPaid(
        account,
        month.month,
        month.payer,
        month,
        { paymentReference, paidAt, paidOn },
        policy,
      ),
    ),
  );
  return accept(...steps.events);
}
