import type {
  ContributionAccountEvent,
  ContributionBilled,
  ContributionPaid,
  ContributionPayer,
  ContributionSector,
  CoverageLapseCause,
  IsoDate,
  IsoMonth,
  MonthlyContribution,
  RefundLine,
  SponsorPayerType,
} from '@santunan/contracts';
import { addMonths, monthOf } from '@santunan/domain-kernel';

export interface IncomePeriod {
  readonly declaredIncome: number;
  readonly effectiveFrom: IsoMonth;
}

export type MembershipPeriod =
  | {
      readonly kind: 'self-paying';
      readonly fromMonth: IsoMonth;
      /** Null while it runs; set when a lapse ends it or a sponsorship takes over. */
      readonly toMonth: IsoMonth | null;
    }
  | {
      readonly kind: 'sponsored';
      readonly programId: string;
      readonly payerType: SponsorPayerType;
      readonly fromMonth: IsoMonth;
      readonly toMonth: IsoMonth;
      readonly contribution: MonthlyContribution;
    };

export interface SelfPaymentRecord {
  readonly firstMonth: IsoMonth;
  readonly months: number;
  readonly amount: number;
}

export interface Lapse {
  readonly unpaidMonths: readonly IsoMonth[];
  readonly cause: CoverageLapseCause;
  readonly payer: ContributionPayer;
  readonly reinstatable: boolean;
  /** Null while the participant stays lapsed. */
  readonly resolution: null | 'reinstated' | 'new-membership';
}

export interface RefundedMonth extends RefundLine {
  readonly payer: ContributionPayer;
}

interface AccountRecord {
  readonly participantId: string;
  readonly sector: ContributionSector;
  /** Oldest first; the income in force in a month is the last period starting on or before it. */
  readonly incomeHistory: readonly IncomePeriod[];
  /** Oldest first, never overlapping. */
  readonly memberships: readonly MembershipPeriod[];
  readonly bills: ReadonlyMap<IsoMonth, ContributionBilled>;
  readonly paid: ReadonlyMap<IsoMonth, ContributionPaid>;
  /** Self payments by reference, for idempotency. */
  readonly selfPayments: ReadonlyMap<string, SelfPaymentRecord>;
  /** Months recorded as ended unpaid (kept after a late payment: it is history). */
  readonly arrears: ReadonlySet<IsoMonth>;
  readonly graceExpired: ReadonlySet<IsoMonth>;
  readonly lapses: readonly Lapse[];
  readonly refunds: ReadonlyMap<IsoMonth, RefundedMonth>;
}

export interface OpenAccount extends AccountRecord {
  readonly status: 'open';
}

export interface Death {
  readonly dateOfDeath: IsoDate;
  readonly month: IsoMonth;
}

/** Closed by the participant's death: nothing is billed after the death month. */
export interface ClosedAccount extends AccountRecord {
  readonly status: 'closed';
  readonly death: Death;
}

export type ContributionAccount = OpenAccount | ClosedAccount;

export type ContributionAccountState = { readonly status: 'not-opened' } | ContributionAccount;

export const initialContributionAccountState = (): ContributionAccountState => ({
  status: 'not-opened',
});

function withMap<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const next = new Map(map);
  next.set(key, value);
  return next;
}

function withSetMember<T>(set: ReadonlySet<T>, member: T): ReadonlySet<T> {
  return new Set([...set, member]);
}

/** Starting any new membership closes a lapse for good (it is not a reinstatement). */
function closeOpenLapse(lapses: readonly Lapse[]): readonly Lapse[] {
  return lapses.map((lapse) =>
    lapse.resolution === null ? { ...lapse, resolution: 'new-membership' } : lapse,
  );
}

function evolveAccount(
  account: ContributionAccount,
  event: Exclude<ContributionAccountEvent, { type: 'ContributionAccountOpened' }>,
): ContributionAccount {
  switch (event.type) {
    case 'SelfPayingMembershipStarted':
      return {
        ...account,
        memberships: [
          ...account.memberships,
          { kind: 'self-paying', fromMonth: event.data.fromMonth, toMonth: null },
        ],
        lapses: closeOpenLapse(account.lapses),
      };
    case 'SponsorshipStarted': {
      const { programId, payerType, fromMonth, toMonth, contribution } = event.data;
      // A running self-paying membership hands over to the sponsor.
      const memberships = account.memberships.map((period) =>
        period.kind === 'self-paying' && period.toMonth === null
          ? { ...period, toMonth: addMonths(fromMonth, -1) }
          : period,
      );
      return {
        ...account,
        memberships: [
          ...memberships,
          { kind: 'sponsored', programId, payerType, fromMonth, toMonth, contribution },
        ],
        lapses: closeOpenLapse(account.lapses),
      };
    }
    case 'DeclaredIncomeRecorded':
      return {
        ...account,
        incomeHistory: [
          ...account.incomeHistory,
          { declaredIncome: event.data.declaredIncome, effectiveFrom: event.data.effectiveFrom },
        ],
      };
    case 'ContributionBilled':
      return { ...account, bills: withMap(account.bills, event.data.month, event.data) };
    case 'ContributionPaid': {
      const paid = withMap(account.paid, event.data.month, event.data);
      if (event.data.payer.kind !== 'self') return { ...account, paid };
      const previous = account.selfPayments.get(event.data.paymentReference);
      const record: SelfPaymentRecord = previous
        ? { ...previous, months: previous.months + 1, amount: previous.amount + event.data.amount }
        : { firstMonth: event.data.month, months: 1, amount: event.data.amount };
      return {
        ...account,
        paid,
        selfPayments: withMap(account.selfPayments, event.data.paymentReference, record),
      };
    }
    case 'CoverageExtended':
      // A summary for consumers; the account derives it from the paid months.
      return account;
    case 'ContributionArrearsRecorded':
      return { ...account, arrears: withSetMember(account.arrears, event.data.month) };
    case 'ContributionGraceExpired':
      return { ...account, graceExpired: withSetMember(account.graceExpired, event.data.month) };
    case 'CoverageLapsed': {
      const { unpaidMonths, cause, payer, reinstatable } = event.data;
      const lastUnpaid = unpaidMonths[unpaidMonths.length - 1] ?? null;
      // A self-paying membership ends at the lapse; a sponsored one runs on, reinstatable.
      const memberships = reinstatable
        ? account.memberships
        : account.memberships.map((period) =>
            period.kind === 'self-paying' && period.toMonth === null
              ? { ...period, toMonth: lastUnpaid }
              : period,
          );
      return {
        ...account,
        memberships,
        lapses: [...account.lapses, { unpaidMonths, cause, payer, reinstatable, resolution: null }],
      };
    }
    case 'CoverageReinstated':
      return event.data.from === 'lapsed'
        ? {
            ...account,
            lapses: account.lapses.map((lapse) =>
              lapse.resolution === null ? { ...lapse, resolution: 'reinstated' } : lapse,
            ),
          }
        : account;
    case 'ContributionAccountClosed': {
      const bills = new Map(account.bills);
      for (const month of event.data.cancelledDueMonths) bills.delete(month);
      const { dateOfDeath } = event.data;
      return {
        ...account,
        bills,
        status: 'closed',
        death: { dateOfDeath, month: monthOf(dateOfDeath) },
      };
    }
    case 'RefundDue': {
      const paid = new Map(account.paid);
      const refunds = new Map(account.refunds);
      for (const line of event.data.lines) {
        paid.delete(line.month);
        refunds.set(line.month, { ...line, payer: event.data.payer });
      }
      return { ...account, paid, refunds };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveContributionAccount(
  state: ContributionAccountState,
  event: ContributionAccountEvent,
): ContributionAccountState {
  if (event.type === 'ContributionAccountOpened') {
    const { participantId, sector, declaredIncome, incomeEffectiveFrom } = event.data;
    return {
      status: 'open',
      participantId,
      sector,
      incomeHistory: [{ declaredIncome, effectiveFrom: incomeEffectiveFrom }],
      memberships: [],
      bills: new Map(),
      paid: new Map(),
      selfPayments: new Map(),
      arrears: new Set(),
      graceExpired: new Set(),
      lapses: [],
      refunds: new Map(),
    };
  }
  return state.status === 'not-opened' ? state : evolveAccount(state, event);
}

/** Evolve for decisions that record events on an account already open. */
export function evolveOpenedAccount(
  account: ContributionAccount,
  event: ContributionAccountEvent,
): ContributionAccount {
  const next = evolveContributionAccount(account, event);
  if (next.status === 'not-opened')
    throw new Error('contributions bug: an account closed its opening');
  return next;
}
