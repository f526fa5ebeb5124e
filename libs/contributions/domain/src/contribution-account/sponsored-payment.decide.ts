import { accept, isIsoMonth, rejectWith } from '@santunan/domain-kernel';
import { accountSteps, paymentProblem, type AccountDecision } from './account-decision';
import type {
  ContributionAccountContext,
  RecordSponsoredContribution,
} from './contribution-account.commands';
import type { ContributionAccount } from './contribution-account.state';
import { membershipIn, payerOf } from './membership';
import { contributionPaid, recordPaidMonths } from './payment-recording';

/**
 * One participant's share of a sponsor payment the program allocated. Sponsors may pay late:
 * within the grace that restores the worker; after a lapse, paying the arrears reinstates him
 * (rules reference §7). Money for a month after the death month is owed back to the sponsor.
 */
export function recordSponsoredPayment(
  account: ContributionAccount,
  command: RecordSponsoredContribution,
  context: ContributionAccountContext,
): AccountDecision {
  const { month, paymentReference } = command;
  const paid = account.paid.get(month);
  const refunded = account.refunds.get(month);
  // The allocation fan-out is at-least-once: the same share again is a retry.
  if (
    paid?.paymentReference === paymentReference ||
    refunded?.paymentReference === paymentReference
  ) {
    return accept();
  }
  const problem = paymentProblem(command, context.today);
  if (problem) return problem;
  if (!isIsoMonth(month)) return rejectWith('MONTH_INVALID', 'month must be YYYY-MM');
  if (paid) {
    return rejectWith('MONTH_ALREADY_PAID', `${month} is already paid (${paid.paymentReference})`, {
      paymentReference: paid.paymentReference,
    });
  }
  const period = membershipIn(account, month);
  if (period?.kind !== 'sponsored' || period.programId !== command.programId) {
    return rejectWith(
      'NOT_SPONSORED_FOR_MONTH',
      `${month} is not sponsored by program ${command.programId} for this participant`,
    );
  }
  const { jkk, jkm, total } = command.contribution;
  if (
    jkk !== period.contribution.jkk ||
    jkm !== period.contribution.jkm ||
    total !== period.contribution.total
  ) {
    return rejectWith(
      'PAYMENT_AMOUNT_MISMATCH',
      `the sponsorship tariff is ${period.contribution.total}, not ${total}`,
      { expected: period.contribution },
    );
  }
  const payer = payerOf(period);
  const { paidAt, paidOn } = command;
  if (account.status === 'closed' && month > account.death.month) {
    return accept({
      type: 'RefundDue',
      data: {
        participantId: account.participantId,
        payer,
        months: [month],
        amount: total,
        lines: [{ month, paymentReference, amount: total }],
        reason: 'months-after-death',
      },
    });
  }
  const steps = accountSteps(account);
  recordPaidMonths(steps, [
    contributionPaid(
      account,
      month,
      payer,
      period.contribution,
      { paymentReference, paidAt, paidOn },
      context.policy,
    ),
  ]);
  return accept(...steps.events);
}
