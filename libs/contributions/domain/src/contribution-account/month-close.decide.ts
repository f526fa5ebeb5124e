import type { IsoMonth } from '@santunan/contracts';
import { accept, addMonths, isIsoMonth, monthOf, rejectWith } from '@santunan/domain-kernel';
import { monthsFrom } from '../shared/months';
import { accountSteps, type AccountDecision, type AccountSteps } from './account-decision';
import type {
  CloseContributionMonth,
  ContributionAccountContext,
} from './contribution-account.commands';
import type { ContributionAccount, MembershipPeriod } from './contribution-account.state';
import type { ContributionPolicy } from './contribution-policy';
import { arrearsMonthsOf, isForfeited } from './coverage';
import {
  currentLapse,
  firstMembershipMonth,
  isBillable,
  membershipIn,
  payerOf,
} from './membership';
import { graceLastMonthOf } from './payment-recording';

const unpaidDue = (account: ContributionAccount, month: IsoMonth): boolean =>
  isBillable(account, month) && !account.paid.has(month);

/**
 * The run of consecutive months ended unpaid that finishes with `month`, oldest first, within
 * the membership `month` belongs to (a new membership starts a new count).
 */
function unpaidRunEndingAt(
  account: ContributionAccount,
  month: IsoMonth,
  period: MembershipPeriod,
): IsoMonth[] {
  const run: IsoMonth[] = [];
  for (
    let at = month;
    unpaidDue(account, at) &&
    account.arrears.has(at) &&
    membershipIn(account, at)?.fromMonth === period.fromMonth;
    at = addMonths(at, -1)
  ) {
    run.unshift(at);
  }
  return run;
}

function closeOne(steps: AccountSteps, month: IsoMonth, policy: ContributionPolicy): void {
  const period = membershipIn(steps.state, month);
  if (period && unpaidDue(steps.state, month) && !steps.state.arrears.has(month)) {
    const account = steps.state;
    steps.record({
      type: 'ContributionArrearsRecorded',
      data: {
        participantId: account.participantId,
        month,
        payer: payerOf(period),
        graceLastMonth: graceLastMonthOf(month, policy),
        arrearsMonths: [...arrearsMonthsOf(account), month].sort(),
      },
    });
  }
  // The month whose grace ends with this one: claims stops waiting for it.
  const graceEnded = addMonths(month, -policy.graceMonths.value);
  const gracePeriod = membershipIn(steps.state, graceEnded);
  if (
    gracePeriod &&
    unpaidDue(steps.state, graceEnded) &&
    steps.state.arrears.has(graceEnded) &&
    !isForfeited(steps.state, graceEnded)
  ) {
    steps.record({
      type: 'ContributionGraceExpired',
      data: {
        participantId: steps.state.participantId,
        month: graceEnded,
        payer: payerOf(gracePeriod),
      },
    });
  }
  if (period === undefined || currentLapse(steps.state)) return;
  const run = unpaidRunEndingAt(steps.state, month, period);
  // Months are closed again on every run: a run that already lapsed stays one lapse.
  const alreadyLapsed = steps.state.lapses.some((lapse) => lapse.unpaidMonths[0] === run[0]);
  if (run.length >= policy.lapseAfterUnpaidMonths.value && !alreadyLapsed) {
    const sponsored = period.kind === 'sponsored';
    steps.record({
      type: 'CoverageLapsed',
      data: {
        participantId: steps.state.participantId,
        unpaidMonths: run,
        cause: sponsored ? 'sponsor-arrears' : 'self-paying-arrears',
        payer: payerOf(period),
        reinstatable: sponsored,
      },
    });
  }
}

/**
 * Time passing: every month up to `month` that has ended is closed in order. A month owed and
 * unpaid goes into arrears; its grace ends three months later; more than three consecutive
 * unpaid months lapse the membership. Closing again changes nothing, and a missed scheduler
 * run is caught up by the next one.
 */
export function closeMonth(
  account: ContributionAccount,
  command: CloseContributionMonth,
  context: ContributionAccountContext,
): AccountDecision {
  if (!isIsoMonth(command.month)) return rejectWith('MONTH_INVALID', 'month must be YYYY-MM');
  if (command.month >= monthOf(context.today)) {
    return rejectWith('MONTH_NOT_ENDED', `${command.month} has not ended on ${context.today}`);
  }
  const first = firstMembershipMonth(account);
  if (first === undefined) return accept();
  const steps = accountSteps(account);
  for (const month of monthsFrom(first, command.month)) closeOne(steps, month, context.policy);
  return accept(...steps.events);
}
