import { benefitLabel, labelOf, statusLabel } from '../claims/claim-labels';
import { formatDate } from '../i18n/format';
import { ErrorMessage } from '../views/forms';
import { Layout } from '../views/layout';
import { Table } from '../views/table';
import type { SignedInContext } from '../web/page-context';
import { Chart, type ChartProps } from './charts/chart';
import { percentage } from './charts/chart-geometry';
import type { ClaimsDashboard, PayoutStatistics } from './dashboards.api';
import {
  compactRupiah,
  countLabel,
  fullRupiah,
  monthLabel,
  regencyLabel,
  sortedUnique,
  sumWhere,
} from './dashboard-format';

const OPEN_STATUSES = ['open', 'pending-contribution', 'awaiting-checker'] as const;
const OPEN_SLAS = ['on-time', 'overdue', 'paused', 'not-started', 'not-computable'] as const;
const PROGRAMS = ['jkk', 'jkm'] as const;

export interface ClaimsDashboardView {
  readonly page: SignedInContext;
  readonly claims: ClaimsDashboard | null;
  readonly claimsError: string | null;
  readonly payouts: PayoutStatistics | null;
  readonly payoutsError: string | null;
}

function programLabel(page: SignedInContext, program: string, workingDays: readonly number[]) {
  const { t } = page;
  const name = t(program === 'jkk' ? 'dashboards.program.jkk' : 'dashboards.program.jkm');
  return workingDays.length === 0
    ? name
    : t('dashboards.programWithSla', { program: name, days: workingDays.join('/') });
}

function OpenClaims({ page, claims }: { page: SignedInContext; claims: ClaimsDashboard }) {
  const { t, lang } = page;
  const benefits = sortedUnique(claims.openClaims.map((cell) => cell.benefitType));
  const count = (value: number) => countLabel(value, lang);
  const common = {
    axisLabel: count,
    valueLabel: count,
    showTable: t('dashboards.showTable'),
    empty: t('dashboards.noOpenClaims'),
    totalHeading: t('dashboards.total'),
  };
  const open: ChartProps = {
    ...common,
    id: 'chart-open-claims',
    kind: 'stacked',
    title: t('dashboards.claims.openTitle'),
    description: t('dashboards.claims.openDesc', {
      total: sumWhere(
        claims.openClaims,
        () => true,
        (cell) => cell.count,
      ),
    }),
    categoryHeading: t('dashboards.benefit'),
    categories: benefits.map((benefit) => benefitLabel(t, benefit)),
    series: OPEN_STATUSES.map((status) => ({
      name: statusLabel(t, status),
      values: benefits.map((benefit) =>
        sumWhere(
          claims.openClaims,
          (c) => c.benefitType === benefit && c.status === status,
          (c) => c.count,
        ),
      ),
    })),
  };
  const programs = PROGRAMS.filter((program) =>
    claims.openSla.some((cell) => cell.program === program),
  );
  const slas = OPEN_SLAS.filter((sla) => claims.openSla.some((cell) => cell.sla === sla));
  const sla: ChartProps = {
    ...common,
    id: 'chart-open-sla',
    kind: 'stacked',
    title: t('dashboards.claims.openSlaTitle'),
    description: t('dashboards.claims.openSlaDesc', {
      overdue: sumWhere(
        claims.openSla,
        (c) => c.sla === 'overdue',
        (c) => c.count,
      ),
      date: formatDate(claims.asOf, lang),
    }),
    categoryHeading: t('dashboards.program'),
    categories: programs.map((program) => programLabel(page, program, [])),
    series: slas.map((value) => ({
      name: labelOf(t, 'sla', value),
      values: programs.map((program) =>
        sumWhere(
          claims.openSla,
          (c) => c.program === program && c.sla === value,
          (c) => c.count,
        ),
      ),
    })),
  };
  return (
    <>
      <Chart {...open} />
      <Chart {...sla} />
    </>
  );
}

function PaymentSla({
  page,
  claims,
  payouts,
}: {
  page: SignedInContext;
  claims: ClaimsDashboard | null;
  payouts: PayoutStatistics;
}) {
  const { t, lang } = page;
  const rows = payouts.paymentSla.filter((row) => row.program !== 'scholarship');
  const daysOf = (program: string) =>
    claims?.decisionSla.find((row) => row.program === program)?.workingDays ?? [];
  const count = (value: number) => countLabel(value, lang);
  const chart: ChartProps = {
    id: 'chart-payment-sla',
    kind: 'stacked',
    title: t('dashboards.claims.paymentSlaTitle'),
    description: t('dashboards.claims.paymentSlaDesc'),
    categoryHeading: t('dashboards.program'),
    categories: rows.map((row) => programLabel(page, row.program, daysOf(row.program))),
    series: [
      { name: t('dashboards.sla.paidOnTime'), values: rows.map((row) => row.paidOnTime) },
      { name: t('dashboards.sla.paidLate'), values: rows.map((row) => row.paidLate) },
      { name: t('dashboards.sla.overdue'), values: rows.map((row) => row.overdue) },
      { name: t('dashboards.sla.pending'), values: rows.map((row) => row.pending) },
    ],
    axisLabel: count,
    valueLabel: count,
    showTable: t('dashboards.showTable'),
    empty: t('dashboards.noPayments'),
    totalHeading: t('dashboards.total'),
  };
  return (
    <>
      <ul class="counts" aria-label={t('dashboards.claims.complianceList')}>
        {rows.map((row) => {
          const paid = row.paidOnTime + row.paidLate;
          const share = percentage(row.paidOnTime, paid);
          const days = daysOf(row.program);
          return (
            <li key={row.program}>
              {share === null
                ? t('dashboards.claims.complianceNone', {
                    program: programLabel(page, row.program, days),
                  })
                : t('dashboards.claims.compliance', {
                    program: programLabel(page, row.program, days),
                    share: share.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB'),
                    onTime: row.paidOnTime,
                    paid,
                  })}
            </li>
          );
        })}
        <li>
          {t('dashboards.claims.compensationPaid', {
            count: payouts.compensation.paidCount,
            amount: fullRupiah(payouts.compensation.paidAmount),
          })}
        </li>
        <li>
          {t('dashboards.claims.compensationOutstanding', {
            count: payouts.compensation.outstandingCount,
            amount: fullRupiah(payouts.compensation.outstandingAmount),
          })}
        </li>
      </ul>
      <Chart {...chart} />
    </>
  );
}

function Amounts({
  page,
  claims,
  payouts,
}: {
  page: SignedInContext;
  claims: ClaimsDashboard | null;
  payouts: PayoutStatistics | null;
}) {
  const { t, lang } = page;
  const decided = claims?.decided ?? [];
  const paid = payouts?.paid ?? [];
  const months = sortedUnique([...decided.map((c) => c.month), ...paid.map((c) => c.month)]);
  const regencies = sortedUnique([
    ...decided.map((c) => c.regencyCode ?? ''),
    ...paid.map((c) => c.regencyCode ?? ''),
  ]);
  const rupiah = {
    axisLabel: (value: number) => compactRupiah(value, lang),
    valueLabel: fullRupiah,
    amounts: true,
    showTable: t('dashboards.showTable'),
    empty: t('dashboards.noAmounts'),
  };
  type Where = (month: string, regency: string | null) => boolean;
  const measures: { name: string; of: (where: Where) => number }[] = [
    ...(claims === null
      ? []
      : [
          {
            name: t('dashboards.amount.decided'),
            of: (where: Where) =>
              sumWhere(
                decided,
                (c) => where(c.month, c.regencyCode),
                (c) => c.approvedAmount,
              ),
          },
        ]),
    ...(payouts === null
      ? []
      : [
          {
            name: t('dashboards.amount.paid'),
            of: (where: Where) =>
              sumWhere(
                paid,
                (c) => where(c.month, c.regencyCode),
                (c) => c.benefitAmount,
              ),
          },
          {
            name: t('dashboards.amount.compensation'),
            of: (where: Where) =>
              sumWhere(
                paid,
                (c) => where(c.month, c.regencyCode),
                (c) => c.compensationAmount,
              ),
          },
        ]),
  ];
  const byMonth: ChartProps = {
    ...rupiah,
    id: 'chart-amounts-month',
    kind: 'bars',
    title: t('dashboards.claims.byMonthTitle'),
    description: t('dashboards.claims.byMonthDesc'),
    categoryHeading: t('dashboards.month'),
    categories: months.map((month) => monthLabel(month, lang)),
    series: measures.map(({ name, of }) => ({
      name,
      values: months.map((month) => of((m) => m === month)),
    })),
  };
  const byRegency: ChartProps = {
    ...rupiah,
    id: 'chart-amounts-regency',
    kind: 'bars',
    title: t('dashboards.claims.byRegencyTitle'),
    description: t('dashboards.claims.byRegencyDesc'),
    categoryHeading: t('dashboards.regency'),
    categories: regencies.map((code) => regencyLabel(t, code === '' ? null : code)),
    series: measures.map(({ name, of }) => ({
      name,
      values: regencies.map((code) => of((_, r) => (r ?? '') === code)),
    })),
  };
  const cells = sortedUnique([
    ...decided.map((c) => `${c.month}|${c.regencyCode ?? ''}`),
    ...paid.map((c) => `${c.month}|${c.regencyCode ?? ''}`),
  ]);
  return (
    <>
      <Chart {...byMonth} />
      <Chart {...byRegency} />
      {cells.length === 0 ? null : (
        <details>
          <summary>{t('dashboards.claims.detailSummary')}</summary>
          <Table
            id="table-month-regency"
            caption={t('dashboards.claims.detailCaption')}
            columns={[
              t('dashboards.month'),
              t('dashboards.regency'),
              t('dashboards.col.approved'),
              t('dashboards.col.rejected'),
              { label: t('dashboards.amount.decided'), amount: true },
              { label: t('dashboards.amount.paid'), amount: true },
              { label: t('dashboards.amount.compensation'), amount: true },
            ]}
          >
            {cells.map((id) => {
              const [month, code] = id.split('|') as [string, string];
              const regency = code === '' ? null : code;
              const d = decided.find((c) => c.month === month && c.regencyCode === regency);
              const p = paid.find((c) => c.month === month && c.regencyCode === regency);
              return (
                <tr key={id}>
                  <th scope="row">{monthLabel(month, lang)}</th>
                  <td>{regencyLabel(t, regency)}</td>
                  <td>{countLabel(d?.approved ?? 0, lang)}</td>
                  <td>{countLabel(d?.rejected ?? 0, lang)}</td>
                  <td class="amount">
                    {claims === null ? '—' : fullRupiah(d?.approvedAmount ?? 0)}
                  </td>
                  <td class="amount">
                    {payouts === null ? '—' : fullRupiah(p?.benefitAmount ?? 0)}
                  </td>
                  <td class="amount">
                    {payouts === null ? '—' : fullRupiah(p?.compensationAmount ?? 0)}
                  </td>
                </tr>
              );
            })}
          </Table>
        </details>
      )}
    </>
  );
}

export function ClaimsDashboardPageView({
  page,
  claims,
  claimsError,
  payouts,
  payoutsError,
}: ClaimsDashboardView) {
  const { t, lang } = page;
  const asOf = claims?.asOf ?? payouts?.asOf ?? null;
  const open =
    claims === null
      ? null
      : sumWhere(
          claims.openClaims,
          () => true,
          (c) => c.count,
        );
  const overdue =
    claims === null
      ? null
      : sumWhere(
          claims.openSla,
          (c) => c.sla === 'overdue',
          (c) => c.count,
        );
  return (
    <Layout page={page} title={t('dashboards.claims.title')}>
      {asOf === null ? null : <p>{t('dashboards.asOf', { date: formatDate(asOf, lang) })}</p>}
      <h2 id="claims-summary">{t('dashboards.claims.summary')}</h2>
      {claimsError === null ? null : <ErrorMessage message={claimsError} />}
      {open === null || overdue === null ? null : (
        <ul class="counts" aria-labelledby="claims-summary">
          <li id="count-open">{t('dashboards.claims.openCount', { count: open })}</li>
          <li id="count-overdue">
            <a href="/claims?sla=overdue">
              {t('dashboards.claims.overdueCount', { count: overdue })}
            </a>
          </li>
          {claims?.decisionSla.map((row) => (
            <li key={row.program}>
              {t('dashboards.claims.decidedByDueDate', {
                program: programLabel(page, row.program, row.workingDays),
                count: row.approvedByDueDate,
                approved: row.approved,
              })}
            </li>
          ))}
        </ul>
      )}
      {claims === null ? null : <OpenClaims page={page} claims={claims} />}
      <h2>{t('dashboards.claims.paymentHeading')}</h2>
      {payoutsError === null ? null : <ErrorMessage message={payoutsError} />}
      {payouts === null ? null : <PaymentSla page={page} claims={claims} payouts={payouts} />}
      <h2>{t('dashboards.claims.amountsHeading')}</h2>
      <Amounts page={page} claims={claims} payouts={payouts} />
    </Layout>
  );
}
