import type { IsoDate, IsoMonth } from '@santunan/contracts';
import { masaIurMonths } from '@santunan/rules';
import { monthsFrom, sortedMonths } from '../shared/months';
import type { ContributionAccount, ContributionAccountState } from './contribution-account.state';
import { currentLapse, firstMembershipMonth, isBillable, membershipIn } from './membership';

/**
 * - awaiting-first-payment: a membership, nothing paid and nothing overdue yet;
 * - active: no month in arrears;
 * - in-arrears: a month ended unpaid and is still within its grace;
 * - lapsed: more than three consecutive months ended unpaid (membership ended).
 */
export type CoverageStanding = 'awaiting-first-payment' | 'active' | 'in-arrears' | 'lapsed';

/**
 * A month nobody can pay any more: its grace ran out, or a self-paying lapse ended the
 * membership it belonged to (a sponsor's lapse stays payable: paying it reinstates).
 */
export function isForfeited(account: ContributionAccount, month: IsoMonth): boolean {
  return (
    account.graceExpired.has(month) ||
    account.lapses.some((lapse) => !lapse.reinstatable && lapse.unpaidMonths.includes(month))
  );
}

/** Months that ended unpaid and can still be paid within their grace, oldest first. */
export function arrearsMonthsOf(account: ContributionAccount): IsoMonth[] {
  return sortedMonths(
    [...account.arrears].filter(
      (month) => !account.paid.has(month) && !isForfeited(account, month),
    ),
  );
}

export function standingOf(account: ContributionAccount): CoverageStanding {
  if (currentLapse(account)) return 'lapsed';
  if (arrearsMonthsOf(account).length > 0) return 'in-arrears';
  return account.paid.size > 0 ? 'active' : 'awaiting-first-payment';
}

/**
 * The last month such that every month owed up to it is paid. Forfeited months (a sponsor's
 * gap whose grace ran out, a lapsed membership) are skipped, not waited for: nothing can pay them.
 */
export function paidThroughOf(account: ContributionAccount): IsoMonth | null {
  const paid = sortedMonths(account.paid.keys());
  const start = firstMembershipMonth(account);
  const latest = paid[paid.length - 1];
  if (start === undefined || latest === undefined) return null;
  let through: IsoMonth | null = null;
  const earliest = sortedMonths([start, ...paid])[0] ?? start;
  for (const month of monthsFrom(earliest, latest)) {
    if (account.paid.has(month)) through = month;
    else if (isBillable(account, month) && !isForfeited(account, month)) break;
  }
  return through;
}

export function firstPaidMonthOf(account: ContributionAccount): IsoMonth | null {
  return sortedMonths(account.paid.keys())[0] ?? null;
}

/** Masa iur: distinct paid months (rules library; refunded months are no longer paid). */
export function masaIurOf(account: ContributionAccount): number {
  const count = masaIurMonths([...account.paid.keys()]);
  if (!count.ok) throw new Error(`contributions bug: ${count.error.message}`);
  return count.value;
}

export interface CoverageSummary {
  readonly participantId: string;
  readonly standing: CoverageStanding;
  readonly paidThrough: IsoMonth | null;
  readonly firstPaidMonth: IsoMonth | null;
  readonly masaIurMonths: number;
  readonly arrearsMonths: readonly IsoMonth[];
  /** Who pays the given month: self-paying, sponsored by a program, or no membership. */
  readonly membership:
    | { readonly kind: 'self-paying' }
    | {
        readonly kind: 'sponsored';
        readonly programId: string;
        readonly fromMonth: IsoMonth;
        readonly toMonth: IsoMonth;
      }
    | { readonly kind: 'none' };
  readonly dateOfDeath: IsoDate | null;
}

/** The coverage facts of an account as of `month` (membership) and its whole history. */
export function coverageSummary(
  state: ContributionAccountState,
  month: IsoMonth,
): CoverageSummary | null {
  if (state.status === 'not-opened') return null;
  const period = membershipIn(state, month);
  return {
    participantId: state.participantId,
    standing: standingOf(state),
    paidThrough: paidThroughOf(state),
    firstPaidMonth: firstPaidMonthOf(state),
    masaIurMonths: masaIurOf(state),
    arrearsMonths: arrearsMonthsOf(state),
    membership:
      period === undefined || !isBillable(state, month)
        ? { kind: 'none' }
        : period.kind === 'self-paying'
          ? { kind: 'self-paying' }
          : {
              kind: 'sponsored',
              programId: period.programId,
              fromMonth: period.fromMonth,
              toMonth: period.toMonth,
            },
    dateOfDeath: state.status === 'closed' ? state.death.dateOfDeath : null,
  };
}
