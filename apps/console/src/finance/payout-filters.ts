import type { PayoutListQuery } from './finance.api';

export const PAYOUT_STATUSES = [
  'scheduled',
  'batched',
  'instructed',
  'settled',
  'failed',
  'returned',
  'cancelled',
] as const;

export const PAYOUT_BENEFITS = [
  'jkm-death',
  'jkk-death',
  'jkk-total-permanent-disability',
  'jkk-partial-disability',
  'jkk-temporary-incapacity',
  'jkk-care-and-reimbursement',
  'scholarship',
] as const;
export type PayoutBenefit = (typeof PAYOUT_BENEFITS)[number];

export const PAYOUTS_PAGE_SIZE = 25;

/** The payout list's filters as the page's query string carries them. */
export interface PayoutFilters {
  readonly status: string | null;
  readonly benefit: PayoutBenefit | null;
  readonly regencyCode: string | null;
  readonly dueFrom: string | null;
  readonly dueTo: string | null;
  /** Only payouts whose reissue awaits a second finance officer. */
  readonly reissuePending: boolean;
  /** 1-based. */
  readonly page: number;
}

function oneOf<T extends string>(options: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (options as readonly string[]).includes(value)
    ? (value as T)
    : null;
}

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? value : null;
}

/** Unknown or malformed values are dropped, not sent on: the page shows what it understood. */
export function payoutFiltersOf(query: Readonly<Record<string, unknown>>): PayoutFilters {
  const regency = query['regencyCode'];
  const page = Number(query['page']);
  return {
    status: oneOf(PAYOUT_STATUSES, query['status']),
    benefit: oneOf(PAYOUT_BENEFITS, query['benefit']),
    regencyCode: typeof regency === 'string' && /^\d{4}$/.test(regency) ? regency : null,
    dueFrom: isoDate(query['dueFrom']),
    dueTo: isoDate(query['dueTo']),
    reissuePending: query['reissuePending'] === '1' || query['reissuePending'] === 'true',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The payouts API query for these filters (one page). Scholarship is a program, not a benefit. */
export function payoutQueryOf(filters: PayoutFilters): PayoutListQuery {
  return {
    ...(filters.status === null ? {} : { status: filters.status }),
    ...(filters.benefit === 'scholarship' ? { program: 'scholarship' } : {}),
    ...(filters.benefit !== null && filters.benefit !== 'scholarship'
      ? { benefitType: filters.benefit }
      : {}),
    ...(filters.regencyCode === null ? {} : { regencyCode: filters.regencyCode }),
    ...(filters.dueFrom === null ? {} : { dueFrom: filters.dueFrom }),
    ...(filters.dueTo === null ? {} : { dueTo: filters.dueTo }),
    ...(filters.reissuePending ? { reissuePending: true } : {}),
    limit: PAYOUTS_PAGE_SIZE,
    offset: (filters.page - 1) * PAYOUTS_PAGE_SIZE,
  };
}

/** The list's own URL for these filters, with some changed (paging links, count links). */
export function payoutsHref(filters: PayoutFilters, change: Partial<PayoutFilters> = {}): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.status !== null) params.set('status', next.status);
  if (next.benefit !== null) params.set('benefit', next.benefit);
  if (next.regencyCode !== null) params.set('regencyCode', next.regencyCode);
  if (next.dueFrom !== null) params.set('dueFrom', next.dueFrom);
  if (next.dueTo !== null) params.set('dueTo', next.dueTo);
  if (next.reissuePending) params.set('reissuePending', '1');
  if (next.page !== 1) params.set('page', String(next.page));
  const query = params.toString();
  return query === '' ? '/finance/payouts' : `/finance/payouts?${query}`;
}

/** An account number as the pages show it: the last four digits. */
export function maskedAccount(accountNumber: string | null): string | null {
  if (accountNumber === null) return null;
  if (accountNumber.length <= 4) return '****';
  return `${'*'.repeat(accountNumber.length - 4)}${accountNumber.slice(-4)}`;
}

/** Today in Asia/Jakarta (UTC+7, no daylight saving): the business day payouts are dated by. */
export function todayInJakarta(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The reconciliation page's day: the one asked for when it is a real date, else today. */
export function reconciliationDateOf(value: unknown, now: Date = new Date()): string {
  return isoDate(value) ?? todayInJakarta(now);
}
