import { formatDate, formatInstant, formatNumber, formatRupiah } from '../i18n/format';
import { hasMessage, type Translate } from '../i18n/messages';
import type { PeopleNames } from '../people/people-directory';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import {
  ErrorMessage,
  ErrorSummary,
  FormError,
  PostForm,
  TextArea,
  TextField,
} from '../views/forms';
import { Layout } from '../views/layout';
import { Person } from '../views/person';
import { Table } from '../views/table';
import {
  TALLY_COLUMNS,
  type BatchDetail,
  type BatchStatus,
  type BatchSummary,
  type DailyReport,
  type DecisionCheck,
  type DecisionCheckReport,
  type FinancePayout,
  type PayoutHistoryEntry,
} from './finance.api';
import {
  PAYOUT_BENEFITS,
  PAYOUT_STATUSES,
  PAYOUTS_PAGE_SIZE,
  maskedAccount,
  payoutsHref,
  type PayoutFilters,
} from './payout-filters';
import type { SettlementLine } from './settlement-file';

const shortId = (id: string): string => id.slice(0, 8);

/** A label for a value the service names, or the value itself when it has none. */
function labelOf(t: Translate, group: string, value: string): string {
  const key = `finance.${group}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export function statusLabel(t: Translate, status: string): string {
  return labelOf(t, 'status', status);
}

function benefitOf(t: Translate, payout: Pick<FinancePayout, 'benefitType' | 'program'>): string {
  if (payout.benefitType !== null) return labelOf(t, 'benefit', payout.benefitType);
  return labelOf(t, 'benefit', payout.program);
}

function StatusTag({ t, status }: { t: Translate; status: string }) {
  const tone =
    status === 'settled'
      ? 'ok'
      : status === 'failed' || status === 'returned'
        ? 'bad'
        : status === 'cancelled'
          ? 'neutral'
          : 'warn';
  return <span class={`tag ${tone}`}>{statusLabel(t, status)}</span>;
}

function Pager({
  page,
  current,
  total,
  pageSize,
  href,
}: {
  page: SignedInContext;
  current: number;
  total: number;
  pageSize: number;
  href: (page: number) => string;
}) {
  const { t } = page;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pager" aria-label={t('finance.paging')}>
      {current > 1 ? (
        <a href={href(current - 1)} rel="prev">
          {t('finance.previous')}
        </a>
      ) : null}
      <span>{t('finance.pageOf', { page: current, pages })}</span>
      {current < pages ? (
        <a href={href(current + 1)} rel="next">
          {t('finance.next')}
        </a>
      ) : null}
    </nav>
  );
}

// ---------------------------------------------------------------- payouts

export interface PayoutCounts {
  readonly scheduled: number | null;
  readonly failed: number | null;
  readonly reissuePending: number | null;
}

export function PayoutListPage({
  page,
  filters,
  result,
  counts,
  error,
}: {
  page: SignedInContext;
  filters: PayoutFilters;
  result: { items: readonly FinancePayout[]; total: number } | null;
  counts: PayoutCounts;
  error: string | null;
}) {
  const { t, lang } = page;
  const option = (value: string, label: string, selected: boolean) => (
    <option value={value} selected={selected}>
      {label}
    </option>
  );
  const countLinks: { key: keyof PayoutCounts; change: Partial<PayoutFilters> }[] = [
    { key: 'scheduled', change: { status: 'scheduled', reissuePending: false, page: 1 } },
    { key: 'failed', change: { status: 'failed', reissuePending: false, page: 1 } },
    { key: 'reissuePending', change: { status: null, reissuePending: true, page: 1 } },
  ];
  return (
    <Layout page={page} title={t('finance.payouts.title')}>
      <form
        method="get"
        action="/finance/payouts"
        class="filters"
        role="search"
        aria-label={t('finance.payouts.filters')}
      >
        <div class="field">
          <label for="f-status">{t('finance.filter.status')}</label>
          <select id="f-status" name="status">
            {option('', t('finance.filter.all'), filters.status === null)}
            {PAYOUT_STATUSES.map((value) =>
              option(value, statusLabel(t, value), filters.status === value),
            )}
          </select>
        </div>
        <div class="field">
          <label for="f-benefit">{t('finance.filter.benefit')}</label>
          <select id="f-benefit" name="benefit">
            {option('', t('finance.filter.all'), filters.benefit === null)}
            {PAYOUT_BENEFITS.map((value) =>
              option(value, labelOf(t, 'benefit', value), filters.benefit === value),
            )}
          </select>
        </div>
        <div class="field">
          <label for="f-regencyCode">{t('finance.filter.regency')}</label>
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
            {t('finance.filter.regencyHint')}
          </p>
        </div>
        <div class="field">
          <label for="f-dueFrom">{t('finance.filter.dueFrom')}</label>
          <input id="f-dueFrom" name="dueFrom" type="date" value={filters.dueFrom ?? ''} />
        </div>
        <div class="field">
          <label for="f-dueTo">{t('finance.filter.dueTo')}</label>
          <input id="f-dueTo" name="dueTo" type="date" value={filters.dueTo ?? ''} />
        </div>
        <div class="choice">
          <input
            type="checkbox"
            id="f-reissuePending"
            name="reissuePending"
            value="1"
            checked={filters.reissuePending}
          />
          <label for="f-reissuePending">{t('finance.filter.reissuePending')}</label>
        </div>
        <button type="submit">{t('finance.filter.apply')}</button>
      </form>
      <ul class="counts" aria-label={t('finance.payouts.counts')}>
        {countLinks.map(({ key, change }) =>
          counts[key] === null ? null : (
            <li key={key}>
              <a href={payoutsHref(filters, change)}>
                {t(`finance.count.${key}`, { count: formatNumber(counts[key] ?? 0, lang) })}
              </a>
            </li>
          ),
        )}
      </ul>
      <ErrorMessage message={error} />
      {result === null ? null : (
        <>
          <p>{t('finance.payouts.total', { count: formatNumber(result.total, lang) })}</p>
          <PayoutTable page={page} payouts={result.items} caption={t('finance.payouts.caption')} />
          <Pager
            page={page}
            current={filters.page}
            total={result.total}
            pageSize={PAYOUTS_PAGE_SIZE}
            href={(n) => payoutsHref(filters, { page: n })}
          />
        </>
      )}
    </Layout>
  );
}

function PayoutTable({
  page,
  payouts,
  caption,
}: {
  page: SignedInContext;
  payouts: readonly FinancePayout[];
  caption: string;
}) {
  const { t, lang } = page;
  if (payouts.length === 0) return <p id="payout-results">{t('finance.payouts.empty')}</p>;
  return (
    <Table
      id="payout-results"
      caption={caption}
      columns={[
        t('finance.col.payout'),
        t('finance.col.benefit'),
        t('finance.col.payee'),
        t('finance.col.account'),
        t('finance.col.status'),
        t('finance.col.due'),
        { label: t('finance.col.amount'), amount: true },
      ]}
    >
      {payouts.map((payout) => (
        <tr key={payout.payoutId}>
          <th scope="row">
            <a
              href={`/finance/payouts/${payout.payoutId}`}
              aria-label={t('finance.openPayout', { id: shortId(payout.payoutId) })}
            >
              <span class="mono">{shortId(payout.payoutId)}</span>
            </a>
          </th>
          <td>{benefitOf(t, payout)}</td>
          <td>{payout.beneficiary.fullName ?? t('finance.erased')}</td>
          <td class="mono">
            {payout.bankAccount.bankCode}{' '}
            {maskedAccount(payout.bankAccount.accountNumber) ?? t('finance.erased')}
          </td>
          <td>
            <StatusTag t={t} status={payout.status} />
            {payout.pendingReissue === null ? null : (
              <>
                {' '}
                <span class="tag warn">{t('finance.reissue.pendingTag')}</span>
              </>
            )}
          </td>
          <td>{payout.dueDate === null ? '—' : formatDate(payout.dueDate, lang)}</td>
          <td class="amount">{formatRupiah(payout.amount)}</td>
        </tr>
      ))}
    </Table>
  );
}

export interface PayoutForms {
  readonly request: FormState;
  readonly approve: FormState;
}

export function PayoutPage({
  page,
  payout,
  history,
  people,
  forms,
}: {
  page: SignedInContext;
  payout: FinancePayout;
  history: readonly PayoutHistoryEntry[];
  people: PeopleNames;
  forms: PayoutForms;
}) {
  const { t, lang } = page;
  const seesClaims = page.user.roles.some(
    (role) => role === 'claims-officer' || role === 'claims-supervisor',
  );
  return (
    <Layout page={page} title={t('finance.payout.title', { id: shortId(payout.payoutId) })}>
      <p>
        <a href="/finance/payouts">{t('finance.payout.back')}</a>
      </p>
      <section aria-labelledby="s-payout">
        <h2 id="s-payout">{t('finance.payout.summary')}</h2>
        <dl class="summary-list">
          <dt>{t('finance.payout.id')}</dt>
          <dd class="mono">{payout.payoutId}</dd>
          <dt>{t('finance.col.status')}</dt>
          <dd>
            <StatusTag t={t} status={payout.status} />{' '}
            {t('finance.payout.attempt', { attempt: payout.attempt })}
          </dd>
          <dt>{t('finance.col.benefit')}</dt>
          <dd>{benefitOf(t, payout)}</dd>
          <dt>{t('finance.col.amount')}</dt>
          <dd>{formatRupiah(payout.amount)}</dd>
          <dt>{t('finance.payout.claim')}</dt>
          <dd>
            {seesClaims ? (
              <a href={`/claims/${payout.claimId}`} class="mono">
                {payout.claimId}
              </a>
            ) : (
              <span class="mono">{payout.claimId}</span>
            )}
          </dd>
          <dt>{t('finance.payout.payee')}</dt>
          <dd>
            {payout.beneficiary.fullName ?? t('finance.erased')} (
            {labelOf(t, 'payeeKind', payout.beneficiary.kind)})
          </dd>
          <dt>{t('finance.payout.account')}</dt>
          <dd class="mono">
            {payout.bankAccount.bankCode}{' '}
            {maskedAccount(payout.bankAccount.accountNumber) ?? t('finance.erased')}
            {payout.bankAccount.accountName === null
              ? null
              : ` — ${payout.bankAccount.accountName}`}
          </dd>
          <dt>{t('finance.col.due')}</dt>
          <dd>{payout.dueDate === null ? '—' : formatDate(payout.dueDate, lang)}</dd>
          <dt>{t('finance.payout.batch')}</dt>
          <dd>
            {payout.batchId === null ? (
              '—'
            ) : (
              <a href={`/finance/batches/${payout.batchId}`} class="mono">
                {shortId(payout.batchId)}
              </a>
            )}
          </dd>
          <dt>{t('finance.payout.bankReference')}</dt>
          <dd class="mono">{payout.bankReference ?? '—'}</dd>
        </dl>
      </section>
      {payout.failure === null ? null : (
        <section aria-labelledby="s-failure">
          <h2 id="s-failure">
            {payout.failure.attempt < payout.attempt
              ? t('finance.payout.earlierFailure', { attempt: payout.failure.attempt })
              : t('finance.payout.failure')}
          </h2>
          <dl class="summary-list">
            <dt>{t('finance.payout.failureReason')}</dt>
            <dd>
              <strong>{payout.failure.reason}</strong>{' '}
              <span class="mono">({payout.failure.reasonCode})</span>
            </dd>
            <dt>{t('finance.payout.failureOn')}</dt>
            <dd>{formatDate(payout.failure.on, lang)}</dd>
            <dt>{t('finance.payout.failureAttempt')}</dt>
            <dd>{payout.failure.attempt}</dd>
          </dl>
        </section>
      )}
      <ReissueSection page={page} payout={payout} people={people} forms={forms} />
      <section aria-labelledby="s-lifecycle">
        <h2 id="s-lifecycle">{t('finance.payout.lifecycle')}</h2>
        <Table
          id="lifecycle"
          caption={t('finance.payout.lifecycleCaption')}
          columns={[t('finance.col.step'), t('finance.col.when'), t('finance.col.who')]}
        >
          {history.map((entry) => (
            <tr key={entry.eventId}>
              <th scope="row">{labelOf(t, 'event', entry.type)}</th>
              <td>{formatInstant(entry.occurredAt, lang)}</td>
              <td>
                <Person id={entry.actor} page={page} people={people} />
              </td>
            </tr>
          ))}
        </Table>
      </section>
    </Layout>
  );
}

function ReissueSection({
  page,
  payout,
  people,
  forms,
}: {
  page: SignedInContext;
  payout: FinancePayout;
  people: PeopleNames;
  forms: PayoutForms;
}) {
  const { t, lang } = page;
  const unpaid = payout.status === 'failed' || payout.status === 'returned';
  const pending = payout.pendingReissue;
  if (!unpaid && pending === null) return null;
  if (pending !== null) {
    const own = pending.requestedBy === page.user.id;
    return (
      <section aria-labelledby="s-reissue">
        <h2 id="s-reissue">{t('finance.reissue.title')}</h2>
        <dl class="summary-list">
          <dt>{t('finance.reissue.requestedBy')}</dt>
          <dd>
            <Person id={pending.requestedBy} page={page} people={people} />
          </dd>
          <dt>{t('finance.reissue.requestedOn')}</dt>
          <dd>{formatDate(pending.requestedOn, lang)}</dd>
          <dt>{t('finance.reissue.reason')}</dt>
          <dd>{pending.reason}</dd>
        </dl>
        <PostForm
          page={page}
          action={`/finance/payouts/${payout.payoutId}/reissue-requests/${pending.requestId}/approval`}
          label={t('finance.reissue.approveForm')}
          class="decision-actions"
        >
          <FormError form={forms.approve} />
          {own ? (
            <p class="hint" id="approve-own">
              {t('finance.reissue.ownRequest')}
            </p>
          ) : (
            <p class="hint">{t('finance.reissue.approveHint')}</p>
          )}
          <button type="submit" disabled={own} aria-describedby={own ? 'approve-own' : undefined}>
            {t('finance.reissue.approve')}
          </button>
        </PostForm>
      </section>
    );
  }
  const form = forms.request;
  const labels = {
    'bankAccount.bankCode': t('finance.reissue.bankCode'),
    'bankAccount.accountNumber': t('finance.reissue.accountNumber'),
    'bankAccount.accountName': t('finance.reissue.accountName'),
    reason: t('finance.reissue.reason'),
  };
  return (
    <section aria-labelledby="s-reissue">
      <h2 id="s-reissue">{t('finance.reissue.title')}</h2>
      <p>{t('finance.reissue.intro')}</p>
      <PostForm
        page={page}
        action={`/finance/payouts/${payout.payoutId}/reissue-requests`}
        label={t('finance.reissue.requestForm')}
      >
        <ErrorSummary page={page} form={form} labels={labels} />
        <FormError form={form} />
        <TextField
          form={form}
          name="bankAccount.bankCode"
          label={labels['bankAccount.bankCode']}
          hint={t('finance.reissue.bankCodeHint')}
          required
        />
        <TextField
          form={form}
          name="bankAccount.accountNumber"
          label={labels['bankAccount.accountNumber']}
          inputMode="numeric"
          required
        />
        <TextField
          form={form}
          name="bankAccount.accountName"
          label={labels['bankAccount.accountName']}
          required
        />
        <TextArea form={form} name="reason" label={labels.reason} required />
        <button type="submit">{t('finance.reissue.request')}</button>
      </PostForm>
    </section>
  );
}

// ---------------------------------------------------------------- batches

export const BATCHES_PAGE_SIZE = 25;

export function BatchListPage({
  page,
  batches,
  scheduled,
  current,
  form,
  error,
}: {
  page: SignedInContext;
  batches: { items: readonly BatchSummary[]; total: number } | null;
  scheduled: { items: readonly FinancePayout[]; total: number } | null;
  current: number;
  form: FormState;
  error: string | null;
}) {
  const { t, lang } = page;
  return (
    <Layout page={page} title={t('finance.batches.title')}>
      <section aria-labelledby="s-new-batch">
        <h2 id="s-new-batch">{t('finance.batches.new')}</h2>
        <FormError form={form} />
        {scheduled === null ? null : scheduled.items.length === 0 ? (
          <p>{t('finance.batches.nothingScheduled')}</p>
        ) : (
          <>
            <p>
              {t('finance.batches.scheduledCount', {
                count: formatNumber(scheduled.total, lang),
              })}
            </p>
            <PostForm
              page={page}
              action="/finance/batches"
              label={t('finance.batches.selectedForm')}
            >
              <input type="hidden" name="scope" value="selected" />
              <Table
                id="scheduled-payouts"
                caption={t('finance.batches.scheduledCaption')}
                columns={[
                  t('finance.col.select'),
                  t('finance.col.benefit'),
                  t('finance.col.payee'),
                  t('finance.col.due'),
                  { label: t('finance.col.amount'), amount: true },
                ]}
              >
                {scheduled.items.map((payout) => (
                  <tr key={payout.payoutId}>
                    <th scope="row">
                      <input
                        type="checkbox"
                        id={`p-${payout.payoutId}`}
                        name="payoutIds"
                        value={payout.payoutId}
                      />{' '}
                      <label for={`p-${payout.payoutId}`} class="mono">
                        {t('finance.batches.select', { id: shortId(payout.payoutId) })}
                      </label>
                    </th>
                    <td>{benefitOf(t, payout)}</td>
                    <td>{payout.beneficiary.fullName ?? t('finance.erased')}</td>
                    <td>{payout.dueDate === null ? '—' : formatDate(payout.dueDate, lang)}</td>
                    <td class="amount">{formatRupiah(payout.amount)}</td>
                  </tr>
                ))}
              </Table>
              <button type="submit">{t('finance.batches.createSelected')}</button>
            </PostForm>
            <PostForm page={page} action="/finance/batches" label={t('finance.batches.allForm')}>
              <input type="hidden" name="scope" value="all" />
              <p class="hint">{t('finance.batches.allHint')}</p>
              <button type="submit" class="secondary">
                {t('finance.batches.createAll')}
              </button>
            </PostForm>
          </>
        )}
      </section>
      <section aria-labelledby="s-batches">
        <h2 id="s-batches">{t('finance.batches.list')}</h2>
        <ErrorMessage message={error} />
        {batches === null ? null : batches.items.length === 0 ? (
          <p>{t('finance.batches.empty')}</p>
        ) : (
          <>
            <Table
              id="batches"
              caption={t('finance.batches.caption')}
              columns={[
                t('finance.col.batch'),
                t('finance.col.status'),
                t('finance.col.preparedOn'),
                t('finance.col.instructedOn'),
                t('finance.col.count'),
                { label: t('finance.col.total'), amount: true },
              ]}
            >
              {batches.items.map((batch) => (
                <tr key={batch.batchId}>
                  <th scope="row">
                    <a
                      href={`/finance/batches/${batch.batchId}`}
                      aria-label={t('finance.openBatch', { id: shortId(batch.batchId) })}
                    >
                      <span class="mono">{shortId(batch.batchId)}</span>
                    </a>
                  </th>
                  <td>
                    <BatchStatusTag t={t} status={batch.status} />
                  </td>
                  <td>{formatDate(batch.preparedOn, lang)}</td>
                  <td>
                    {batch.instructedOn === null
                      ? t('finance.batch.notYet')
                      : formatDate(batch.instructedOn, lang)}
                  </td>
                  <td>{formatNumber(batch.count, lang)}</td>
                  <td class="amount">{formatRupiah(batch.total)}</td>
                </tr>
              ))}
            </Table>
            <Pager
              page={page}
              current={current}
              total={batches.total}
              pageSize={BATCHES_PAGE_SIZE}
              href={(n) => (n === 1 ? '/finance/batches' : `/finance/batches?page=${n}`)}
            />
          </>
        )}
      </section>
    </Layout>
  );
}

function BatchStatusTag({ t, status }: { t: Translate; status: BatchStatus }) {
  const tone = status === 'settled' ? 'ok' : status === 'instructed' ? 'neutral' : 'warn';
  return <span class={`tag ${tone}`}>{t(`finance.batchStatus.${status}`)}</span>;
}

/** The officer's mark that the file is with the bank; works without JavaScript (a plain POST). */
function MarkInstructedForm({
  page,
  batch,
  form,
}: {
  page: SignedInContext;
  batch: BatchDetail;
  form: FormState;
}) {
  const { t } = page;
  const labels = { bankReference: t('finance.batch.bankReference') };
  return (
    <section aria-labelledby="s-mark">
      <h2 id="s-mark">{t('finance.batch.markTitle')}</h2>
      <p>{t('finance.batch.markIntro')}</p>
      <PostForm
        page={page}
        action={`/finance/batches/${batch.batchId}/instructed`}
        label={t('finance.batch.markForm')}
      >
        <ErrorSummary page={page} form={form} labels={labels} />
        <FormError form={form} />
        <TextField
          form={form}
          name="bankReference"
          label={labels.bankReference}
          hint={t('finance.batch.bankReferenceHint')}
        />
        <button type="submit">{t('finance.batch.mark')}</button>
      </PostForm>
    </section>
  );
}

export function BatchPage({
  page,
  batch,
  people,
  form,
}: {
  page: SignedInContext;
  batch: BatchDetail;
  people: PeopleNames;
  form: FormState;
}) {
  const { t, lang } = page;
  return (
    <Layout page={page} title={t('finance.batch.title', { id: shortId(batch.batchId) })}>
      <p>
        <a href="/finance/batches">{t('finance.batch.back')}</a>
      </p>
      <dl class="summary-list">
        <dt>{t('finance.batch.id')}</dt>
        <dd class="mono">{batch.batchId}</dd>
        <dt>{t('finance.col.status')}</dt>
        <dd>
          <BatchStatusTag t={t} status={batch.status} />
        </dd>
        <dt>{t('finance.batch.file')}</dt>
        <dd class="mono">{batch.fileName}</dd>
        <dt>{t('finance.batch.prepared')}</dt>
        <dd>
          {formatDate(batch.preparedOn, lang)}
          {batch.preparedBy === null ? null : (
            <>
              {' '}
              {t('finance.batch.by')} <Person id={batch.preparedBy} page={page} people={people} />
            </>
          )}
        </dd>
        <dt>{t('finance.batch.instructed')}</dt>
        <dd>
          {batch.instructedOn === null || batch.instructedBy === null ? (
            t('finance.batch.notYet')
          ) : (
            <>
              {formatDate(batch.instructedOn, lang)} {t('finance.batch.by')}{' '}
              <Person id={batch.instructedBy} page={page} people={people} />
            </>
          )}
        </dd>
        <dt>{t('finance.batch.bankReference')}</dt>
        <dd class={batch.bankReference === null ? undefined : 'mono'}>
          {batch.bankReference ?? t('finance.batch.noReference')}
        </dd>
        <dt>{t('finance.col.count')}</dt>
        <dd>{formatNumber(batch.count, lang)}</dd>
        <dt>{t('finance.col.total')}</dt>
        <dd>{formatRupiah(batch.total)}</dd>
      </dl>
      <p class="hint">
        {t(
          batch.status === 'prepared'
            ? 'finance.batch.preparedHint'
            : 'finance.batch.instructedHint',
        )}
      </p>
      <p>
        <a class="button" href={`/finance/batches/${batch.batchId}/file`} download={batch.fileName}>
          {t('finance.batch.download')}
        </a>
        {batch.status === 'prepared' ? null : (
          <>
            {' '}
            <a class="button secondary" href="/finance/settlements">
              {t('finance.batch.uploadSettlement')}
            </a>
          </>
        )}
      </p>
      {batch.status === 'prepared' ? (
        <MarkInstructedForm page={page} batch={batch} form={form} />
      ) : null}
      <Table
        id="batch-payouts"
        caption={t('finance.batch.payouts')}
        columns={[
          t('finance.col.payout'),
          t('finance.col.attempt'),
          t('finance.col.status'),
          { label: t('finance.col.amount'), amount: true },
        ]}
      >
        {batch.payouts.map((payout) => (
          <tr key={`${payout.payoutId}-${payout.attempt}`}>
            <th scope="row">
              <a
                href={`/finance/payouts/${payout.payoutId}`}
                aria-label={t('finance.openPayout', { id: shortId(payout.payoutId) })}
              >
                <span class="mono">{shortId(payout.payoutId)}</span>
              </a>
            </th>
            <td>{payout.attempt}</td>
            <td>
              <StatusTag t={t} status={payout.status} />
            </td>
            <td class="amount">{formatRupiah(payout.amount)}</td>
          </tr>
        ))}
      </Table>
    </Layout>
  );
}

// ---------------------------------------------------------------- settlements

export function SettlementsPage({
  page,
  form,
  lines,
}: {
  page: SignedInContext;
  form: FormState;
  lines: readonly SettlementLine[] | null;
}) {
  const { t } = page;
  const errors = form.fieldErrors['report'] ?? [];
  return (
    <Layout page={page} title={t('finance.settlements.title')}>
      <p>{t('finance.settlements.intro')}</p>
      <form
        method="post"
        action="/finance/settlements"
        encType="multipart/form-data"
        aria-label={t('finance.settlements.form')}
        novalidate
      >
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <FormError form={form} />
        <div class={errors.length === 0 ? 'field' : 'field invalid'}>
          <label for="f-report">
            {t('finance.settlements.file')}
            <span class="required-mark"> *</span>
          </label>
          <p class="hint" id="f-report-hint">
            {t('finance.settlements.fileHint')}
          </p>
          {errors.length === 0 ? null : (
            <p class="field-error" id="f-report-error">
              {errors.join(' ')}
            </p>
          )}
          <input
            type="file"
            id="f-report"
            name="report"
            accept=".json,.jsonl,application/json"
            required
            aria-invalid={errors.length === 0 ? undefined : 'true'}
            aria-describedby={
              errors.length === 0 ? 'f-report-hint' : 'f-report-hint f-report-error'
            }
          />
        </div>
        <button type="submit">{t('finance.settlements.upload')}</button>
      </form>
      {lines === null ? null : (
        <section aria-labelledby="s-results">
          <h2 id="s-results">{t('finance.settlements.results')}</h2>
          <p>
            {t('finance.settlements.summary', {
              recorded: lines.filter((line) => line.result === 'recorded').length,
              repeated: lines.filter((line) => line.result === 'repeated').length,
              refused: lines.filter((line) => line.result === 'refused').length,
            })}
          </p>
          <Table
            id="settlement-results"
            caption={t('finance.settlements.resultsCaption')}
            columns={[
              t('finance.col.entry'),
              t('finance.col.payout'),
              t('finance.col.outcome'),
              t('finance.col.bankReference'),
              t('finance.col.result'),
            ]}
          >
            {lines.map((line) => (
              <tr key={line.entry}>
                <th scope="row">{line.entry}</th>
                <td>
                  {line.payoutId === null ? (
                    '—'
                  ) : /^[0-9a-f-]{36}$/i.test(line.payoutId) ? (
                    <a href={`/finance/payouts/${line.payoutId}`} class="mono">
                      {shortId(line.payoutId)}
                    </a>
                  ) : (
                    <span class="mono">{line.payoutId}</span>
                  )}
                </td>
                <td>{line.outcome === null ? '—' : labelOf(t, 'outcome', line.outcome)}</td>
                <td class="mono">{line.bankReference ?? '—'}</td>
                <td>
                  {line.result === 'refused' ? (
                    <span class="tag bad">{t('finance.settlements.refused')}</span>
                  ) : line.result === 'repeated' ? (
                    <span class="tag neutral">{t('finance.settlements.repeated')}</span>
                  ) : (
                    <span class="tag ok">{t('finance.settlements.recorded')}</span>
                  )}{' '}
                  {line.status === null ? null : statusLabel(t, line.status)}
                  {line.message === null ? null : <> — {line.message}</>}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------- reconciliation

export const DECISIONS_SHOWN = 200;

export function ReconciliationPage({
  page,
  date,
  daily,
  dailyError,
  check,
  checkError,
}: {
  page: SignedInContext;
  date: string;
  daily: DailyReport | null;
  dailyError: string | null;
  check: DecisionCheckReport | null;
  checkError: string | null;
}) {
  const { t, lang } = page;
  const open = check === null ? [] : check.decisions.filter((d) => d.status !== 'settled-in-full');
  return (
    <Layout page={page} title={t('finance.reconciliation.title')}>
      <form
        method="get"
        action="/finance/reconciliation"
        class="filters"
        role="search"
        aria-label={t('finance.reconciliation.dateForm')}
      >
        <div class="field">
          <label for="f-date">{t('finance.reconciliation.date')}</label>
          <input id="f-date" name="date" type="date" value={date} />
        </div>
        <button type="submit">{t('finance.reconciliation.show')}</button>
      </form>
      <section aria-labelledby="s-daily">
        <h2 id="s-daily">{t('finance.reconciliation.daily', { date: formatDate(date, lang) })}</h2>
        <ErrorMessage message={dailyError} />
        {daily === null ? null : daily.rows.length === 0 ? (
          <p>{t('finance.reconciliation.noMovements')}</p>
        ) : (
          <>
            <Table
              id="daily"
              caption={t('finance.reconciliation.dailyCaption')}
              columns={[
                t('finance.col.program'),
                ...TALLY_COLUMNS.map((column) => ({
                  label: labelOf(t, 'status', column),
                  amount: true as const,
                })),
              ]}
            >
              {daily.rows.map((row) => (
                <tr
                  key={`${row.program}-${row.payoutKind}-${row.regencyCode}-${row.sponsorProgramId ?? ''}`}
                >
                  <th scope="row">
                    {labelOf(t, 'benefit', row.program)} · {labelOf(t, 'kind', row.payoutKind)} ·{' '}
                    {row.regencyCode === 'unknown'
                      ? t('finance.reconciliation.unknownRegency')
                      : row.regencyCode}
                    {row.sponsorProgramId === null ? null : ` · ${row.sponsorProgramId}`}
                  </th>
                  {TALLY_COLUMNS.map((column) => (
                    <td class="amount" key={column}>
                      {t('finance.reconciliation.tally', {
                        count: formatNumber(row[column].count, lang),
                        amount: formatRupiah(row[column].amount),
                      })}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('finance.reconciliation.totals')}</th>
                {TALLY_COLUMNS.map((column) => (
                  <td class="amount" key={column}>
                    <strong>
                      {t('finance.reconciliation.tally', {
                        count: formatNumber(daily.totals[column].count, lang),
                        amount: formatRupiah(daily.totals[column].amount),
                      })}
                    </strong>
                  </td>
                ))}
              </tr>
            </Table>
            {daily.unknownRegencyMovements === 0 ? null : (
              <p class="hint">
                {t('finance.reconciliation.unknownMovements', {
                  count: formatNumber(daily.unknownRegencyMovements, lang),
                })}
              </p>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="s-decisions">
        <h2 id="s-decisions">{t('finance.reconciliation.decisions')}</h2>
        <ErrorMessage message={checkError} />
        {check === null ? null : (
          <>
            <ul class="counts" aria-label={t('finance.reconciliation.decisionCounts')}>
              <li>
                {t('finance.reconciliation.checked', {
                  count: formatNumber(check.decisionsChecked, lang),
                })}
              </li>
              <li>
                {t('finance.reconciliation.settledInFull', {
                  count: formatNumber(check.settledInFull, lang),
                })}
              </li>
              <li>
                {t('finance.reconciliation.inProgress', {
                  count: formatNumber(check.inProgress, lang),
                })}
              </li>
              <li>
                {t('finance.reconciliation.mismatches', {
                  count: formatNumber(check.mismatches.length, lang),
                })}
              </li>
            </ul>
            <h3 id="mismatches-title">{t('finance.reconciliation.mismatchTitle')}</h3>
            {check.mismatches.length === 0 ? (
              <p>{t('finance.reconciliation.noMismatches')}</p>
            ) : (
              <DecisionTable
                page={page}
                id="mismatches"
                caption={t('finance.reconciliation.mismatchCaption')}
                decisions={check.mismatches}
              />
            )}
            <h3 id="open-title">{t('finance.reconciliation.openTitle')}</h3>
            {open.length === 0 ? (
              <p>{t('finance.reconciliation.noOpen')}</p>
            ) : (
              <>
                <DecisionTable
                  page={page}
                  id="differences"
                  caption={t('finance.reconciliation.openCaption')}
                  decisions={open.slice(0, DECISIONS_SHOWN)}
                />
                {open.length > DECISIONS_SHOWN ? (
                  <p class="hint">
                    {t('finance.reconciliation.more', {
                      shown: DECISIONS_SHOWN,
                      count: formatNumber(open.length, lang),
                    })}
                  </p>
                ) : null}
              </>
            )}
          </>
        )}
      </section>
    </Layout>
  );
}

function DecisionTable({
  page,
  id,
  caption,
  decisions,
}: {
  page: SignedInContext;
  id: string;
  caption: string;
  decisions: readonly DecisionCheck[];
}) {
  const { t } = page;
  return (
    <Table
      id={id}
      caption={caption}
      columns={[
        t('finance.col.decision'),
        t('finance.col.status'),
        t('finance.col.payouts'),
        { label: t('finance.col.decided'), amount: true },
        { label: t('finance.col.settled'), amount: true },
        { label: t('finance.col.open'), amount: true },
        { label: t('finance.col.difference'), amount: true },
      ]}
    >
      {decisions.map((decision) => (
        <tr key={decision.decisionId}>
          <th scope="row">
            <span class="mono">{shortId(decision.decisionId)}</span>{' '}
            <span class="hint">
              {t('finance.reconciliation.ofClaim', { id: shortId(decision.claimId) })}
            </span>
          </th>
          <td>
            <span
              class={`tag ${decision.status === 'short' || decision.status === 'over' ? 'bad' : decision.status === 'in-progress' ? 'warn' : 'ok'}`}
            >
              {labelOf(t, 'check', decision.status)}
            </span>
          </td>
          <td>
            {decision.payouts.map((payout, index) => (
              <span key={payout.payoutId}>
                {index === 0 ? null : ', '}
                <a
                  href={`/finance/payouts/${payout.payoutId}`}
                  aria-label={t('finance.openPayout', { id: shortId(payout.payoutId) })}
                  class="mono"
                >
                  {shortId(payout.payoutId)}
                </a>{' '}
                ({statusLabel(t, payout.status)})
              </span>
            ))}
          </td>
          <td class="amount">{formatRupiah(decision.decidedAmount)}</td>
          <td class="amount">{formatRupiah(decision.settledAmount)}</td>
          <td class="amount">{formatRupiah(decision.openAmount)}</td>
          <td class="amount">
            <strong>{formatRupiah(decision.difference)}</strong>
          </td>
        </tr>
      ))}
    </Table>
  );
}
