import type {
  ContributionAccountEventType,
  ContributionPayer,
  IsoDate,
  IsoMonth,
} from '@santunan/contracts';
import {
  arrearsMonthsOf,
  firstPaidMonthOf,
  masaIurOf,
  paidThroughOf,
  standingOf,
  type ContributionAccount,
  type CoverageStanding,
  type MembershipPeriod,
} from '@santunan/contributions-domain';

export type DueStatus = 'paid' | 'unpaid' | 'refunded' | 'cancelled';

/** One month of the account: what was billed, and whether and how it was paid. */
export interface DueLine {
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
  readonly jkk: number;
  readonly jkm: number;
  readonly total: number;
  readonly dueDate: IsoDate | null;
  readonly status: DueStatus;
  readonly paymentReference: string | null;
  readonly paidOn: IsoDate | null;
  readonly withinGrace: boolean | null;
}

export interface RefundLine {
  readonly month: IsoMonth;
  readonly payer: ContributionPayer;
  readonly amount: number;
  readonly paymentReference: string;
}

/** A participant's coverage as the read model keeps it (one row of `coverage_view`). */
export interface CoverageRecord {
  readonly participantId: string;
  readonly standing: CoverageStanding;
  readonly paidThrough: IsoMonth | null;
  readonly firstPaidMonth: IsoMonth | null;
  readonly masaIurMonths: number;
  readonly arrearsMonths: readonly IsoMonth[];
  readonly memberships: readonly MembershipPeriod[];
  readonly dues: readonly DueLine[];
  readonly refunds: readonly RefundLine[];
  readonly dateOfDeath: IsoDate | null;
}

/**
 * Every account event, and whether it changes what the coverage view shows. CoverageExtended
 * (recorded before ContributionPaid v2 carried its facts) is derived from the paid months
 * (always beside a ContributionPaid) and DeclaredIncomeRecorded
 * reprices no month already billed, so neither rewrites the row — but the projection still
 * folds them, to keep its in-memory fold of the account in step.
 */
export const COVERAGE_ROW_CHANGES: Readonly<Record<ContributionAccountEventType, boolean>> = {
  ContributionAccountOpened: true,
  SelfPayingMembershipStarted: true,
  SponsorshipStarted: true,
  DeclaredIncomeRecorded: false,
  ContributionBilled: true,
  ContributionPaid: true,
  CoverageExtended: false,
  ContributionArrearsRecorded: true,
  ContributionGraceExpired: true,
  CoverageLapsed: true,
  CoverageReinstated: true,
  ContributionAccountClosed: true,
  RefundDue: true,
};

function dueLines(account: ContributionAccount): DueLine[] {
  const months = new Set<IsoMonth>([
    ...account.bills.keys(),
    ...account.paid.keys(),
    ...account.refunds.keys(),
  ]);
  return [...months].sort().map((month): DueLine => {
    const bill = account.bills.get(month);
    const paid = account.paid.get(month);
    const refund = account.refunds.get(month);
    const status: DueStatus = paid ? 'paid' : refund ? 'refunded' : bill ? 'unpaid' : 'cancelled';
    return {
      month,
      payer: paid?.payer ?? bill?.payer ?? refund?.payer ?? { kind: 'self' },
      jkk: paid?.jkk ?? bill?.jkk ?? 0,
      jkm: paid?.jkm ?? bill?.jkm ?? 0,
      total: paid?.amount ?? bill?.total ?? refund?.amount ?? 0,
      dueDate: bill?.dueDate ?? null,
      status,
      paymentReference: paid?.paymentReference ?? refund?.paymentReference ?? null,
      paidOn: paid?.paidOn ?? null,
      withinGrace: paid?.withinGrace ?? null,
    };
  });
}

/** The coverage facts of an account (the domain's coverage functions), for the read model. */
export function coverageRecordOf(account: ContributionAccount): CoverageRecord {
  return {
    participantId: account.participantId,
    standing: standingOf(account),
    paidThrough: paidThroughOf(account),
    firstPaidMonth: firstPaidMonthOf(account),
    masaIurMonths: masaIurOf(account),
    arrearsMonths: arrearsMonthsOf(account),
    memberships: account.memberships,
    dues: dueLines(account),
    refunds: [...account.refunds.values()]
      .sort((a, b) => a.month.localeCompare(b.month))
      .map(({ month, payer, amount, paymentReference }) => ({
        month,
        payer,
        amount,
        paymentReference,
      })),
    dateOfDeath: account.status === 'closed' ? account.death.dateOfDeath : null,
  };
}
