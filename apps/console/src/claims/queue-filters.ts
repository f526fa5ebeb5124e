import {
  CLAIM_STATUSES,
  QUEUE_SORTS,
  SLA_FILTERS,
  type ClaimStatus,
  type QueueSort,
  type SlaFilter,
  type WorkQueueQuery,
} from '../services/claims.api';

export const BENEFIT_FILTERS = ['jkk', 'jkm', 'scholarship'] as const;
export type BenefitFilter = (typeof BENEFIT_FILTERS)[number];

export const QUEUE_PAGE_SIZE = 25;

/** The work queue's filters as the page's query string carries them. */
export interface QueueFilters {
  readonly benefit: BenefitFilter | null;
  readonly status: ClaimStatus | null;
  readonly regencyCode: string | null;
  readonly sla: SlaFilter | null;
  readonly mine: boolean;
  readonly sort: QueueSort;
  /** 1-based. */
  readonly page: number;
}

function oneOf<T extends string>(options: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (options as readonly string[]).includes(value)
    ? (value as T)
    : null;
}

/** Unknown or malformed values are dropped, not sent on: the page shows what it understood. */
export function queueFiltersOf(query: Readonly<Record<string, unknown>>): QueueFilters {
  const regency = query['regencyCode'];
  const page = Number(query['page']);
  return {
    benefit: oneOf(BENEFIT_FILTERS, query['benefit']),
    status: oneOf(CLAIM_STATUSES, query['status']),
    regencyCode: typeof regency === 'string' && /^\d{4}$/.test(regency) ? regency : null,
    sla: oneOf(SLA_FILTERS, query['sla']),
    mine: query['mine'] === '1' || query['mine'] === 'true',
    sort: oneOf(QUEUE_SORTS, query['sort']) ?? 'urgency',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The claims API query for these filters (one page). */
export function workQueueQueryOf(filters: QueueFilters): WorkQueueQuery {
  return {
    ...(filters.benefit === 'jkk' || filters.benefit === 'jkm' ? { program: filters.benefit } : {}),
    ...(filters.benefit === 'scholarship' ? { scholarship: true } : {}),
    ...(filters.status === null ? {} : { status: filters.status }),
    ...(filters.regencyCode === null ? {} : { regencyCode: filters.regencyCode }),
    ...(filters.sla === null ? {} : { sla: filters.sla }),
    ...(filters.mine ? { mine: true } : {}),
    sort: filters.sort,
    limit: QUEUE_PAGE_SIZE,
    offset: (filters.page - 1) * QUEUE_PAGE_SIZE,
  };
}

/** The page's own URL for these filters, with some changed (paging links, count links). */
export function queueHref(
  base: string,
  filters: QueueFilters,
  change: Partial<QueueFilters> = {},
): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.benefit !== null) params.set('benefit', next.benefit);
  if (next.status !== null) params.set('status', next.status);
  if (next.regencyCode !== null) params.set('regencyCode', next.regencyCode);
  if (next.sla !== null) params.set('sla', next.sla);
  if (next.mine) params.set('mine', '1');
  if (next.sort !== 'urgency') params.set('sort', next.sort);
  if (next.page !== 1) params.set('page', String(next.page));
  const query = params.toString();
  return query === '' ? base : `${base}?${query}`;
}
