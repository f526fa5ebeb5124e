import type { Translate } from '../i18n/messages';
import { formatDate, formatRupiah } from '../i18n/format';
import {
  CLAIM_STATUSES,
  QUEUE_SORTS,
  SLA_FILTERS,
  type WorkQueueItem,
  type WorkQueuePage,
} from '../services/claims.api';
import type { SignedInContext } from '../web/page-context';
import { ErrorMessage } from '../views/forms';
import { Layout } from '../views/layout';
import { Table } from '../views/table';
import { Person } from '../views/person';
import type { PeopleNames } from '../people/people-directory';
import { benefitLabel, labelOf, shortId, statusLabel } from './claim-labels';
import { BENEFIT_FILTERS, QUEUE_PAGE_SIZE, queueHref, type QueueFilters } from './queue-filters';

export interface QueueCounts {
  readonly overdue: number | null;
  readonly dueSoon: number | null;
  readonly awaitingChecker: number | null;
}

/** Each count links to the queue narrowed to what it counts; one the service did not give is left out. */
const COUNT_LINKS: ReadonlyArray<{ count: keyof QueueCounts; narrowedTo: Partial<QueueFilters> }> =
  [
    { count: 'overdue', narrowedTo: { sla: 'overdue' } },
    { count: 'dueSoon', narrowedTo: { sla: 'due-soon' } },
    { count: 'awaitingChecker', narrowedTo: { status: 'awaiting-checker' } },
  ];

function SlaCell({
  item,
  t,
  lang,
}: {
  item: WorkQueueItem;
  t: Translate;
  lang: SignedInContext['lang'];
}) {
  const decided = item.status === 'approved' || item.status === 'rejected';
  if (item.sla.dueDate === null) {
    return <span class="tag neutral">{labelOf(t, 'sla', item.sla.state)}</span>;
  }
  return (
    <>
      {formatDate(item.sla.dueDate, lang)}{' '}
      {item.sla.overdue ? (
        <span class="tag bad">{t('queue.overdueDays', { days: item.sla.daysOverdue })}</span>
      ) : decided ? null : (
        <span class="tag ok">{t('sla.on-time')}</span>
      )}
    </>
  );
}

function amountOf(item: WorkQueueItem): number | null {
  return item.approvedTotal ?? item.proposedTotal;
}

export function QueueTable({
  page,
  result,
  caption,
  proposers,
}: {
  page: SignedInContext;
  result: WorkQueuePage;
  caption: string;
  /** Shows who proposed each claim, named as far as the console knows them. */
  proposers?: PeopleNames;
}) {
  const { t, lang } = page;
  if (result.items.length === 0) return <p id="queue-results">{t('queue.empty')}</p>;
  return (
    <Table
      id="queue-results"
      caption={caption}
      columns={[
        t('queue.col.claim'),
        t('queue.col.benefit'),
        t('queue.col.status'),
        t('queue.col.regency'),
        t('queue.col.incident'),
        t('queue.col.documents'),
        t('queue.col.due'),
        proposers === undefined ? null : t('queue.col.proposedBy'),
        { label: t('queue.col.amount'), amount: true },
      ]}
    >
      {result.items.map((item) => {
        const amount = amountOf(item);
        return (
          <tr key={item.claimId}>
            <th scope="row">
              <a
                href={`/claims/${item.claimId}`}
                aria-label={t('queue.openClaim', { id: shortId(item.claimId) })}
              >
                <span class="mono">{shortId(item.claimId)}</span>
              </a>
            </th>
            <td>{benefitLabel(t, item.benefitType)}</td>
            <td>{statusLabel(t, item.status)}</td>
            <td>{item.regencyCode ?? '—'}</td>
            <td>{formatDate(item.incidentDate, lang)}</td>
            <td>
              {item.documentsComplete ? (
                <span class="tag ok">{t('queue.documentsComplete')}</span>
              ) : (
                <span class="tag warn">
                  {t('queue.documentsMissing', { count: item.missingDocuments.length })}
                </span>
              )}
            </td>
            <td>
              <SlaCell item={item} t={t} lang={lang} />
            </td>
            {proposers === undefined ? null : (
              <td>
                {item.proposedBy === null ? (
                  '—'
                ) : (
                  <Person id={item.proposedBy} page={page} people={proposers} />
                )}
              </td>
            )}
            <td class="amount">{amount === null ? '—' : formatRupiah(amount)}</td>
          </tr>
        );
      })}
    </Table>
  );
}

function Pager({
  page,
  filters,
  total,
}: {
  page: SignedInContext;
  filters: QueueFilters;
  total: number;
}) {
  const { t } = page;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  return (
    <nav class="pager" aria-label={t('queue.paging')}>
      {filters.page > 1 ? (
        <a href={queueHref('/claims', filters, { page: filters.page - 1 })} rel="prev">
          {t('queue.previous')}
        </a>
      ) : null}
      <span>{t('queue.pageOf', { page: filters.page, pages })}</span>
      {filters.page < pages ? (
        <a href={queueHref('/claims', filters, { page: filters.page + 1 })} rel="next">
          {t('queue.next')}
        </a>
      ) : null}
    </nav>
  );
}

export function WorkQueuePageView({
  page,
  filters,
  result,
  counts,
  error,
  people,
}: {
  page: SignedInContext;
  filters: QueueFilters;
  result: WorkQueuePage | null;
  counts: QueueCounts;
  error: string | null;
  people: PeopleNames;
}) {
  const { t } = page;
  const option = (value: string, label: string, selected: boolean) => (
    <option value={value} selected={selected}>
      {label}
    </option>
  );
  return (
    <Layout page={page} title={t('queue.title')}>
      <form
        method="get"
        action="/claims"
        class="filters"
        role="search"
        aria-label={t('queue.filters')}
      >
        <div class="field">
          <label for="f-benefit">{t('queue.filter.benefit')}</label>
          <select id="f-benefit" name="benefit">
            {option('', t('queue.filter.all'), filters.benefit === null)}
            {BENEFIT_FILTERS.map((value) =>
              option(value, t(`queue.benefit.${value}`), filters.benefit === value),
            )}
          </select>
        </div>
        <div class="field">
          <label for="f-status">{t('queue.filter.status')}</label>
          <select id="f-status" name="status">
            {option('', t('queue.filter.all'), filters.status === null)}
            {CLAIM_STATUSES.map((value) =>
              option(value, statusLabel(t, value), filters.status === value),
            )}
          </select>
        </div>
        <div class="field">
          <label for="f-regencyCode">{t('queue.filter.regency')}</label>
          <input
            id="f-regencyCode"
            name="regencyCode"
            type="text"
            inputMode="numeric"
            pattern="[0-9]{4}"
            value={filters.regencyCode ?? ''}
            aria-describedby="f-regencyCode-hint"
          />
          <p class="hint" id="f-regencyCode-hint">
            {t('queue.filter.regencyHint')}
          </p>
        </div>
        <div class="field">
          <label for="f-sla">{t('queue.filter.sla')}</label>
          <select id="f-sla" name="sla">
            {option('', t('queue.filter.all'), filters.sla === null)}
            {SLA_FILTERS.map((value) =>
              option(value, labelOf(t, 'sla', value), filters.sla === value),
            )}
          </select>
        </div>
        <div class="field">
          <label for="f-sort">{t('queue.filter.sort')}</label>
          <select id="f-sort" name="sort">
            {QUEUE_SORTS.map((value) =>
              option(value, t(`queue.sort.${value}`), filters.sort === value),
            )}
          </select>
        </div>
        <div class="actions">
          <div class="choice">
            <input type="checkbox" id="f-mine" name="mine" value="1" checked={filters.mine} />
            <label for="f-mine">{t('queue.filter.mine')}</label>
          </div>
          <button type="submit">{t('queue.filter.apply')}</button>
          <a href="/claims">{t('queue.filter.reset')}</a>
        </div>
      </form>

      <h2 id="counts-title">{t('queue.counts')}</h2>
      <ul class="counts" aria-labelledby="counts-title">
        <li>{t('queue.count.matching', { count: result?.total ?? 0 })}</li>
        {COUNT_LINKS.map(({ count, narrowedTo }) => {
          const value = counts[count];
          return value === null ? null : (
            <li key={count}>
              <a href={queueHref('/claims', filters, { ...narrowedTo, page: 1 })}>
                {t(`queue.count.${count}`, { count: value })}
              </a>
            </li>
          );
        })}
      </ul>

      <h2>{t('queue.results')}</h2>
      <ErrorMessage message={error} />
      {result === null ? null : (
        <>
          <QueueTable
            page={page}
            result={result}
            caption={t('queue.caption', {
              count: result.total,
              asOf: formatDate(result.asOf, page.lang),
            })}
            proposers={filters.status === 'awaiting-checker' ? people : undefined}
          />
          <Pager page={page} filters={filters} total={result.total} />
        </>
      )}
    </Layout>
  );
}

export function ProposalsPageView({
  page,
  result,
  error,
  people,
}: {
  page: SignedInContext;
  result: WorkQueuePage | null;
  error: string | null;
  people: PeopleNames;
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('proposals.title')}>
      <p>{t('proposals.intro')}</p>
      <ErrorMessage message={error} />
      {result === null ? null : (
        <QueueTable
          page={page}
          result={result}
          caption={t('proposals.caption', { count: result.total })}
          proposers={people}
        />
      )}
    </Layout>
  );
}
