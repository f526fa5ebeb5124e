import type { ContributionPayer, IsoMonth } from '@santunan/contracts';
import type { ContributionAccount, Lapse, MembershipPeriod } from './contribution-account.state';

/** The membership a month falls in, if any. */
export function membershipIn(
  account: ContributionAccount,
  month: IsoMonth,
): MembershipPeriod | undefined {
  return account.memberships.find(
    (period) => period.fromMonth <= month && (period.toMonth === null || month <= period.toMonth),
  );
}

/** A month is owed when a membership covers it and it is not after the death month. */
export function isBillable(account: ContributionAccount, month: IsoMonth): boolean {
  if (account.status === 'closed' && month > account.death.month) return false;
  return membershipIn(account, month) !== undefined;
}

export function payerOf(period: MembershipPeriod): ContributionPayer {
  return period.kind === 'self-paying'
    ? { kind: 'self' }
    : { kind: 'program', programId: period.programId };
}

/** The declared income in force in a month (the first one for months before it took effect). */
export function incomeInForce(account: ContributionAccount, month: IsoMonth): number {
  let income = account.incomeHistory[0];
  for (const period of account.incomeHistory) {
    if (period.effectiveFrom <= month) income = period;
  }
  if (income === undefined)
    throw new Error(`contributions bug: ${account.participantId} has no income`);
  return income.declaredIncome;
}

/** The running self-paying membership: open-ended, not ended by a lapse or a sponsorship. */
export function runningSelfPayingMembership(
  account: ContributionAccount,
): Extract<MembershipPeriod, { kind: 'self-paying' }> | undefined {
  const last = account.memberships[account.memberships.length - 1];
  return last?.kind === 'self-paying' && last.toMonth === null ? last : undefined;
}

export function firstMembershipMonth(account: ContributionAccount): IsoMonth | undefined {
  return account.memberships.reduce<IsoMonth | undefined>(
    (first, period) => (first === undefined || period.fromMonth < first ? period.fromMonth : first),
    undefined,
  );
}

/** The lapse the participant is in, if not yet reinstated or replaced by a new membership. */
export function currentLapse(account: ContributionAccount): Lapse | undefined {
  return account.lapses.find((lapse) => lapse.resolution === null);
}
