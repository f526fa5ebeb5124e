import type { ContributionAccountEvent, IsoDate } from '@santunan/contracts';
import { isIsoDate, rejectWith, type Decision } from '@santunan/domain-kernel';
import type { RuleError } from '@santunan/rules';
import { DecisionSteps } from '../shared/decision-steps';
import { evolveOpenedAccount, type ContributionAccount } from './contribution-account.state';

export type ContributionAccountRejectionCode =
  | 'ACCOUNT_NOT_OPENED'
  | 'ACCOUNT_ALREADY_OPENED'
  | 'ACCOUNT_INVALID'
  | 'INCOME_EFFECTIVE_MONTH_INVALID'
  | 'PARTICIPANT_DECEASED'
  | 'DEATH_DATE_INVALID'
  | 'SPONSORSHIP_INVALID'
  | 'SPONSORSHIP_CONFLICT'
  | 'MONTHS_ALREADY_PAID'
  | 'MEMBERSHIP_ALREADY_ACTIVE'
  | 'MEMBERSHIP_START_IN_THE_PAST'
  | 'MEMBERSHIP_LAPSED'
  | 'NOT_SELF_PAYING'
  | 'NOT_SPONSORED_FOR_MONTH'
  | 'MONTH_INVALID'
  | 'MONTH_NOT_ENDED'
  | 'BILLING_TOO_EARLY'
  | 'PAYMENT_INVALID'
  | 'PAYMENT_AMOUNT_INVALID'
  | 'PAYMENT_MONTH_COUNT_NOT_ALLOWED'
  | 'PAYMENT_MONTH_NOT_NEXT'
  | 'PAYMENT_TOO_FAR_AHEAD'
  | 'PAYMENT_AMOUNT_MISMATCH'
  | 'PAYMENT_REFERENCE_CONFLICT'
  | 'MONTH_ALREADY_PAID'
  | 'TARIFF_UNAVAILABLE'
  | 'DUE_DATE_UNAVAILABLE';

export type AccountDecision = Decision<ContributionAccountEvent, ContributionAccountRejectionCode>;

export type AccountSteps = DecisionSteps<ContributionAccount, ContributionAccountEvent>;

export const accountSteps = (account: ContributionAccount): AccountSteps =>
  new DecisionSteps(account, evolveOpenedAccount);

export function ruleRejection(
  code: 'TARIFF_UNAVAILABLE' | 'DUE_DATE_UNAVAILABLE',
  error: RuleError,
): AccountDecision {
  return rejectWith(code, error.message, { ruleError: error.code });
}

/** What every payment needs before it can be looked at. */
export function paymentProblem(
  payment: { readonly paymentReference: string; readonly paidAt: string; readonly paidOn: IsoDate },
  today: IsoDate,
): AccountDecision | undefined {
  if (!payment.paymentReference.trim())
    return rejectWith('PAYMENT_INVALID', 'the payment needs a reference');
  if (!payment.paidAt.trim())
    return rejectWith('PAYMENT_INVALID', 'the payment needs its instant (paidAt)');
  if (!isIsoDate(payment.paidOn) || payment.paidOn > today)
    return rejectWith('PAYMENT_INVALID', `paidOn ${payment.paidOn} is not a date up to today`);
  return undefined;
}
