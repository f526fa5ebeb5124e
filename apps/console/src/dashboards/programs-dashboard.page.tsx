import { ErrorMessage } from '../views/forms';
import { Layout } from '../views/layout';
import type { SignedInContext } from '../web/page-context';
import { Chart, type ChartProps } from './charts/chart';
import type { ProgramDashboard, ProgramWorkers } from './dashboards.api';
import {
  compactRupiah,
  countLabel,
  fullRupiah,
  monthLabel,
  regencyLabel,
} from './dashboard-format';

export interface ProgramsDashboardView {
  readonly page: SignedInContext;
  readonly program: ProgramDashboard | null;
  readonly programError: string | null;
  readonly workers: ProgramWorkers | null;
  readonly workersError: string | null;
}

function Workers({ page, workers }: { page: SignedInContext; workers: ProgramWorkers }) {
  const { t, lang } = page;
  const count = (value: number) => countLabel(value, lang);
  const chart: ChartProps = {
    id: 'chart-workers-regency',
    kind: 'stacked',
    title: t('dashboards.programs.workersTitle'),
    description: t('dashboards.programs.workersDesc', {
      total: workers.regencies.reduce((sum, row) => sum + row.active, 0),
      regencies: workers.regencies.length,
    }),
    categoryHeading: t('dashboards.regency'),
    categories: workers.regencies.map((row) => regencyLabel(t, row.regencyCode)),
    series: [
      { name: t('dashboards.workers.active'), values: workers.regencies.map((row) => row.active) },
      {
        name: t('dashboards.workers.deceased'),
        values: workers.regencies.map((row) => row.deceased),
      },
    ],
    axisLabel: count,
    valueLabel: count,
    showTable: t('dashboards.showTable'),
    empty: t('dashboards.noWorkers'),
    totalHeading: t('dashboards.total'),
  };
  return <Chart {...chart} />;
}

function Money({ page, program }: { page: SignedInContext; program: ProgramDashboard }) {
  const { t, lang } = page;
  const months = program.months;
  const rupiah = {
    axisLabel: (value: number) => compactRupiah(value, lang),
    valueLabel: fullRupiah,
    amounts: true,
    showTable: t('dashboards.showTable'),
    empty: t('dashboards.noMonths'),
    categoryHeading: t('dashboards.month'),
    categories: months.map((row) => monthLabel(row.month, lang)),
  };
  const last = months[months.length - 1];
  const budget: ChartProps = {
    ...rupiah,
    id: 'chart-budget-use',
    kind: 'lines',
    title: t('dashboards.programs.budgetTitle'),
    description: t('dashboards.programs.budgetDesc', {
      budget: program.budget === null ? '—' : fullRupiah(program.budget),
      committed: fullRupiah(last?.committedToDate ?? 0),
      received: fullRupiah(last?.receivedToDate ?? 0),
    }),
    series: [
      ...(program.budget === null
        ? []
        : [{ name: t('dashboards.money.budget'), values: months.map(() => program.budget ?? 0) }]),
      { name: t('dashboards.money.committed'), values: months.map((row) => row.committedToDate) },
      { name: t('dashboards.money.received'), values: months.map((row) => row.receivedToDate) },
      { name: t('dashboards.money.paid'), values: months.map((row) => row.paidToDate) },
    ],
  };
  const collection: ChartProps = {
    ...rupiah,
    id: 'chart-collection',
    kind: 'bars',
    title: t('dashboards.programs.collectionTitle'),
    description: t('dashboards.programs.collectionDesc'),
    series: [
      { name: t('dashboards.money.billed'), values: months.map((row) => row.billed) },
      { name: t('dashboards.money.paid'), values: months.map((row) => row.paid) },
    ],
  };
  const covered: ChartProps = {
    ...rupiah,
    id: 'chart-workers-month',
    kind: 'bars',
    amounts: false,
    axisLabel: (value: number) => countLabel(value, lang),
    valueLabel: (value: number) => countLabel(value, lang),
    title: t('dashboards.programs.coveredTitle'),
    description: t('dashboards.programs.coveredDesc'),
    series: [{ name: t('dashboards.workers.covered'), values: months.map((row) => row.workers) }],
  };
  return (
    <>
      <Chart {...budget} />
      <Chart {...collection} />
      <Chart {...covered} />
    </>
  );
}

export function ProgramsDashboardPageView({
  page,
  program,
  programError,
  workers,
  workersError,
}: ProgramsDashboardView) {
  const { t, lang } = page;
  const chosen = program?.programs.find((p) => p.programId === program.programId);
  const last = program?.months[program.months.length - 1];
  return (
    <Layout page={page} title={t('dashboards.programs.title')}>
      <ErrorMessage message={programError} />
      {program === null ? null : program.programs.length === 0 ? (
        <p id="no-programs">{t('dashboards.programs.none')}</p>
      ) : (
        <>
          <form method="get" action="/dashboards/programs" class="filters">
            <div class="field">
              <label for="f-program">{t('dashboards.programs.choose')}</label>
              <select id="f-program" name="programId">
                {program.programs.map((p) => (
                  <option
                    key={p.programId}
                    value={p.programId}
                    selected={p.programId === program.programId}
                  >
                    {p.name === null ? p.programId : `${p.name} (${p.programId})`}
                  </option>
                ))}
              </select>
            </div>
            <div class="actions">
              <button type="submit">{t('dashboards.programs.show')}</button>
            </div>
          </form>
          <h2 id="program-summary">
            {chosen?.name ?? program.programId} —{' '}
            {t('dashboards.programs.period', {
              from: monthLabel(chosen?.firstMonth ?? '', lang),
              to: monthLabel(chosen?.lastMonth ?? '', lang),
            })}
          </h2>
          <ul class="counts" aria-labelledby="program-summary">
            {program.budget === null ? null : (
              <li>{t('dashboards.programs.budget', { amount: fullRupiah(program.budget) })}</li>
            )}
            {program.quota === null || program.enrolled === null ? null : (
              <li id="count-enrolled">
                {t('dashboards.programs.enrolled', {
                  enrolled: countLabel(program.enrolled, lang),
                  quota: countLabel(program.quota, lang),
                })}
              </li>
            )}
            <li>
              {t('dashboards.programs.committed', {
                amount: fullRupiah(last?.committedToDate ?? 0),
              })}
            </li>
            <li>
              {t('dashboards.programs.received', { amount: fullRupiah(last?.receivedToDate ?? 0) })}
            </li>
          </ul>
          <h2>{t('dashboards.programs.workersHeading')}</h2>
          <ErrorMessage message={workersError} />
          {workers === null ? null : <Workers page={page} workers={workers} />}
          <h2>{t('dashboards.programs.moneyHeading')}</h2>
          <Money page={page} program={program} />
        </>
      )}
    </Layout>
  );
}
