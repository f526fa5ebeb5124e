import type {
  ContributionPaid,
  ContributionPayer,
  CoverageExtension,
  IsoDate,
  IsoInstant,
  IsoMonth,
  MonthlyContribution,
} from '@santunan/contracts';
import { addMonths, monthOf } from '@santunan/domain-kernel';
import type { AccountSteps } from './account-decision';
import {
  evolveOpenedAccount,
  type ContributionAccount,
  type Lapse,
} from './contribution-account.state';
import type { ContributionPolicy } from './contribution-policy';
import { firstPaidMonthOf, masaIurOf, paidThroughOf, standingOf } from './coverage';
import { currentLapse } from './membership';

export interface PaymentFacts {
  readonly paymentReference: string;
  readonly paidAt: IsoInstant;
  readonly paidOn: IsoDate;
}

export const graceLastMonthOf = (month: IsoMonth, policy: ContributionPolicy): IsoMonth =>
  addMonths(month, policy.graceMonths.value);

export function contributionPaid(
  account: ContributionAccount,
  month: IsoMonth,
  payer: ContributionPayer,
  contribution: MonthlyContribution,
  payment: PaymentFacts,
  policy: ContributionPolicy,
): ContributionPaid {
  const graceLastMonth = graceLastMonthOf(month, policy);
  return {
    participantId: account.participantId,
    month,
    payer,
    jkk: contribution.jkk,
    jkm: contribution.jkm,
    amount: contribution.total,
    ...payment,
    graceLastMonth,
    // Product decision 1: a payment after the grace reinstates a membership, never covers the month.
    withinGrace: monthOf(payment.paidOn) <= graceLastMonth,
    coverageExtended: null,
  };
}

/** Every month that ended unpaid since the lapse began is now paid: the sponsor paid the arrears. */
function lapseArrearsPaid(account: ContributionAccount, lapse: Lapse): boolean {
  const start = lapse.unpaidMonths[0];
  return (
    start !== undefined &&
    [...account.arrears].filter((month) => month >= start).every((month) => account.paid.has(month))
  );
}

/**
 * Records paid months, then what they changed: the paid-through month (carried by the last
 * month's ContributionPaid, v2 — one event fewer per due than a separate CoverageExtended),
 * and reinstatement.
 */
export function recordPaidMonths(steps: AccountSteps, payments: readonly ContributionPaid[]): void {
  const first = payments[0];
  const last = payments[payments.length - 1];
  if (first === undefined || last === undefined) return;
  const before = steps.state;
  const standingBefore = standingOf(before);
  const paidThroughBefore = paidThroughOf(before);
  const paid = payments.reduce(
    (account, data) => evolveOpenedAccount(account, { type: 'ContributionPaid', data }),
    before,
  );
  const paidThrough = paidThroughOf(paid);
  const firstPaidMonth = firstPaidMonthOf(paid);
  const coverageExtended: CoverageExtension | null =
    paidThrough !== null && firstPaidMonth !== null && paidThrough !== paidThroughBefore
      ? { paidThrough, firstPaidMonth, masaIurMonths: masaIurOf(paid) }
      : null;
  steps.record(
    ...payments.map((data) => ({
      type: 'ContributionPaid' as const,
      data: data === last ? { ...data, coverageExtended } : data,
    })),
  );
  const after = steps.state;
  const reinstated = (from: 'in-arrears' | 'lapsed'): void =>
    steps.record({
      type: 'CoverageReinstated',
      data: {
        participantId: after.participantId,
        from,
        paidBy: first.payer,
        paymentReference: first.paymentReference,
        paidThrough,
      },
    });
  const lapse = currentLapse(after);
  if (lapse) {
    if (lapse.reinstatable && lapseArrearsPaid(after, lapse)) reinstated('lapsed');
  } else if (standingBefore === 'in-arrears' && standingOf(after) === 'active') {
    reinstated('in-arrears');
  }
}
