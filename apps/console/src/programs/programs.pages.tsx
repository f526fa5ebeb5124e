import { formatInstant, formatMonth, formatNumber, formatRupiah, formatDate } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';
import {
  ErrorMessage,
  ErrorSummary,
  FormError,
  PostForm,
  SelectField,
  TextField,
  fieldId,
} from '../views/forms';
import { Layout } from '../views/layout';
import { Table } from '../views/table';
import type { FormState } from '../web/form-state';
import type { SignedInContext } from '../web/page-context';
import { monthsOf, percentRead } from './program-terms';
import { rowProblemReason } from './programs-problems';
import type {
  EnrollmentJob,
  ProgramQuote,
  ProgramReport,
  ProgramSummary,
  RowProblem,
  Statement,
  StatementMonth,
} from './programs.api';
import { receivedInAdvance } from './received-in-advance';

/** The programs' own script: the quota as the operator types, the job's progress polled. */
export const PROGRAMS_SCRIPT = '/programs/assets/programs.js';

const SPONSOR_TYPES = ['province', 'regency', 'village', 'csr'] as const;

function sponsorLabel(page: SignedInContext, type: string | null): string {
  return type !== null && (SPONSOR_TYPES as readonly string[]).includes(type)
    ? page.t(`programs.sponsorType.${type}` as MessageKey)
    : (type ?? '—');
}

function rupiahOrDash(amount: number | null): string {
  return amount === null ? '—' : formatRupiah(amount);
}

function Script() {
  return <script src={PROGRAMS_SCRIPT} defer></script>;
}

function programPath(programId: string): string {
  return `/programs/${encodeURIComponent(programId)}`;
}

export function ProgramListPage({
  page,
  programs,
  error,
}: {
  page: SignedInContext;
  programs: readonly ProgramSummary[];
  error: string | null;
}) {
  const { t, lang } = page;
  return (
    <Layout page={page} title={t('programs.list.title')}>
      <p>{t('programs.list.intro')}</p>
      <p>
        <a class="button" href="/programs/new">
          {t('programs.list.new')}
        </a>
      </p>
      <ErrorMessage message={error} />
      {programs.length === 0 && error === null ? (
        <p>{t('programs.list.empty')}</p>
      ) : programs.length === 0 ? null : (
        <Table
          caption={t('programs.list.caption')}
          columns={[
            t('programs.col.program'),
            t('programs.col.coverage'),
            { label: t('programs.col.budget'), amount: true },
            { label: t('programs.col.quota'), amount: true },
            { label: t('programs.col.enrolled'), amount: true },
            { label: t('programs.col.billed'), amount: true },
            { label: t('programs.col.received'), amount: true },
            { label: t('programs.col.paid'), amount: true },
            { label: t('programs.col.remaining'), amount: true },
          ]}
        >
          {programs.map((program) => (
            <tr key={program.programId}>
              <th scope="row">
                <a href={programPath(program.programId)}>{program.name ?? program.programId}</a>
                <br />
                <span class="mono">{program.programId}</span>
                {program.name === null ? ` (${t('programs.list.reportPending')})` : null}
              </th>
              <td>
                {t('programs.coverage', {
                  first: formatMonth(program.firstMonth, lang),
                  last: formatMonth(program.lastMonth, lang),
                })}
              </td>
              <td class="amount">{rupiahOrDash(program.budget)}</td>
              <td class="amount">
                {program.quota === null ? '—' : formatNumber(program.quota, lang)}
              </td>
              <td class="amount">
                {program.enrolled === null ? '—' : formatNumber(program.enrolled, lang)}
              </td>
              <td class="amount">{rupiahOrDash(program.billed)}</td>
              <td class="amount">{rupiahOrDash(program.received)}</td>
              <td class="amount">{rupiahOrDash(program.paid)}</td>
              <td class="amount">{rupiahOrDash(program.remainingBudget)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

/** The quota of the terms typed so far; the script replaces its text as the operator types. */
export function QuoteSummary({
  page,
  quote,
  problem,
}: {
  page: SignedInContext;
  quote: ProgramQuote | null;
  problem: string | null;
}) {
  const { t, lang } = page;
  return (
    <section aria-labelledby="quote-title" class="quote">
      <h2 id="quote-title">{t('programs.quote.title')}</h2>
      <div id="quote-result" aria-live="polite" data-quote-url="/programs/new/quote">
        {quote === null ? (
          <p>{problem ?? t('programs.quote.waiting')}</p>
        ) : (
          <dl class="summary-list">
            <dt>{t('programs.quote.tariff')}</dt>
            <dd>
              {t('programs.quote.tariffParts', {
                total: formatRupiah(quote.contribution.total),
                jkk: formatRupiah(quote.contribution.jkk),
                jkm: formatRupiah(quote.contribution.jkm),
              })}
            </dd>
            <dt>{t('programs.quote.months')}</dt>
            <dd>{formatNumber(quote.months, lang)}</dd>
            <dt>{t('programs.quote.costPerWorker')}</dt>
            <dd>{formatRupiah(quote.costPerWorker)}</dd>
            <dt>{t('programs.quote.quota')}</dt>
            <dd id="quote-quota">
              {t('programs.quote.workers', { count: formatNumber(quote.quota, lang) })}
            </dd>
            <dt>{t('programs.quote.quotaCost')}</dt>
            <dd>{formatRupiah(quote.quotaCost)}</dd>
            <dt>{t('programs.quote.remainder')}</dt>
            <dd id="quote-remainder">{formatRupiah(quote.remainder)}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}

const NEW_PROGRAM_LABELS: readonly (readonly [string, MessageKey])[] = [
  ['programId', 'programs.field.programId'],
  ['name', 'programs.field.name'],
  ['sponsorType', 'programs.field.sponsorType'],
  ['pksNumber', 'programs.field.pksNumber'],
  ['budget', 'programs.field.budget'],
  ['firstMonth', 'programs.field.firstMonth'],
  ['lastMonth', 'programs.field.lastMonth'],
  ['declaredIncome', 'programs.field.declaredIncome'],
];

export function NewProgramPage({
  page,
  form,
  quote,
  quoteProblem,
}: {
  page: SignedInContext;
  form: FormState;
  quote: ProgramQuote | null;
  quoteProblem: string | null;
}) {
  const { t } = page;
  const labels = Object.fromEntries(NEW_PROGRAM_LABELS.map(([name, key]) => [name, t(key)]));
  return (
    <Layout page={page} title={t('programs.new.title')}>
      <p>{t('programs.new.intro')}</p>
      <ErrorSummary page={page} form={form} labels={labels} />
      <FormError form={form} />
      <PostForm
        page={page}
        action="/programs/new"
        class="program-form"
        label={t('programs.new.title')}
      >
        <TextField
          form={form}
          name="programId"
          label={t('programs.field.programId')}
          hint={t('programs.field.programId.hint')}
        />
        <TextField form={form} name="name" label={t('programs.field.name')} required />
        <SelectField
          form={form}
          name="sponsorType"
          label={t('programs.field.sponsorType')}
          value="province"
          required
          choices={SPONSOR_TYPES.map((type) => ({ value: type, label: sponsorLabel(page, type) }))}
        />
        <TextField form={form} name="pksNumber" label={t('programs.field.pksNumber')} required />
        <TextField
          form={form}
          name="budget"
          label={t('programs.field.budget')}
          hint={t('programs.field.budget.hint')}
          inputMode="numeric"
          required
        />
        <TextField
          form={form}
          name="firstMonth"
          label={t('programs.field.firstMonth')}
          hint={t('programs.field.month.hint')}
          required
        />
        <TextField
          form={form}
          name="lastMonth"
          label={t('programs.field.lastMonth')}
          hint={t('programs.field.month.hint')}
          required
        />
        <TextField
          form={form}
          name="declaredIncome"
          label={t('programs.field.declaredIncome')}
          hint={t('programs.field.declaredIncome.hint')}
          inputMode="numeric"
        />
        <QuoteSummary page={page} quote={quote} problem={quoteProblem} />
        <p class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t('programs.new.preview')}
          </button>{' '}
          <button type="submit" name="intent" value="open">
            {t('programs.new.open')}
          </button>
        </p>
      </PostForm>
      <Script />
    </Layout>
  );
}

function ReportFacts({ page, report }: { page: SignedInContext; report: ProgramReport }) {
  const { t, lang } = page;
  return (
    <>
      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t('programs.page.terms')}</h2>
        <dl class="summary-list">
          <dt>{t('programs.page.sponsor')}</dt>
          <dd>{sponsorLabel(page, report.sponsorType)}</dd>
          <dt>{t('programs.page.pks')}</dt>
          <dd>{report.pksNumber}</dd>
          <dt>{t('programs.page.coverage')}</dt>
          <dd>
            {t('programs.coverage', {
              first: formatMonth(report.firstMonth, lang),
              last: formatMonth(report.lastMonth, lang),
            })}
          </dd>
          <dt>{t('programs.page.tariff')}</dt>
          <dd>
            {t('programs.quote.tariffParts', {
              total: formatRupiah(report.contribution.total),
              jkk: formatRupiah(report.contribution.jkk),
              jkm: formatRupiah(report.contribution.jkm),
            })}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="budget-title">
        <h2 id="budget-title">{t('programs.page.budgetTitle')}</h2>
        <dl class="summary-list" id="program-totals">
          <dt>{t('programs.page.quota')}</dt>
          <dd>{formatNumber(report.quota, lang)}</dd>
          <dt>{t('programs.page.enrolled')}</dt>
          <dd id="program-enrolled">{formatNumber(report.enrolled, lang)}</dd>
          <dt>{t('programs.page.ended')}</dt>
          <dd>{formatNumber(report.sponsorshipsEnded, lang)}</dd>
          <dt>{t('programs.page.budget')}</dt>
          <dd>{formatRupiah(report.budget)}</dd>
          <dt>{t('programs.page.committed')}</dt>
          <dd>{formatRupiah(report.committed)}</dd>
          <dt>{t('programs.page.uncommitted')}</dt>
          <dd>{formatRupiah(report.uncommittedBudget)}</dd>
          <dt>{t('programs.page.billed')}</dt>
          <dd id="program-billed">{formatRupiah(report.billed)}</dd>
          <dt>{t('programs.page.received')}</dt>
          <dd id="program-received">{formatRupiah(report.received)}</dd>
          <dt>{t('programs.page.paid')}</dt>
          <dd id="program-paid">{formatRupiah(report.paid)}</dd>
          <dt>{t('programs.page.held')}</dt>
          <dd>{formatRupiah(report.held)}</dd>
          <dt>{t('programs.page.refunded')}</dt>
          <dd>{formatRupiah(report.refunded)}</dd>
          <dt>{t('programs.page.remaining')}</dt>
          <dd id="program-remaining">{formatRupiah(report.remainingBudget)}</dd>
        </dl>
        <p class="hint">
          {t('programs.page.updatedAt', { at: formatInstant(report.updatedAt, lang) })}
        </p>
      </section>
    </>
  );
}

function StatementsTable({
  page,
  months,
}: {
  page: SignedInContext;
  months: readonly StatementMonth[];
}) {
  const { t, lang } = page;
  return (
    <section aria-labelledby="statements-title">
      <h2 id="statements-title">{t('programs.statements.title')}</h2>
      {months.length === 0 ? (
        <p>{t('programs.statements.none')}</p>
      ) : (
        <Table
          id="statements"
          caption={t('programs.statements.caption')}
          columns={[
            t('programs.col.month'),
            t('programs.col.dueDate'),
            { label: t('programs.col.dues'), amount: true },
            { label: t('programs.col.billed'), amount: true },
            { label: t('programs.col.releasedAfterDeaths'), amount: true },
            { label: t('programs.col.received'), amount: true },
            { label: t('programs.col.paid'), amount: true },
            { label: t('programs.col.held'), amount: true },
            { label: t('programs.col.outstanding'), amount: true },
            { label: t('programs.col.refundedAfterDeaths'), amount: true },
          ]}
        >
          {months.map((month) => (
            <tr key={month.month} data-month={month.month}>
              <th scope="row">{formatMonth(month.month, lang)}</th>
              <td>{formatDate(month.dueDate, lang)}</td>
              <td class="amount">{formatNumber(month.duesNow, lang)}</td>
              <td class="amount">{formatRupiah(month.billed)}</td>
              <td class="amount">{formatRupiah(month.releasedAfterDeaths)}</td>
              <td class="amount">{formatRupiah(month.received)}</td>
              <td class="amount">{formatRupiah(month.paid)}</td>
              <td class="amount">{formatRupiah(month.held)}</td>
              <td class="amount">{formatRupiah(month.outstanding)}</td>
              <td class="amount">{formatRupiah(month.refundedAfterDeaths ?? 0)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function PaymentsTable({
  page,
  statements,
  advance,
}: {
  page: SignedInContext;
  statements: readonly Statement[];
  advance: number;
}) {
  const { t, lang } = page;
  const payments = statements.flatMap((statement) =>
    statement.payments.map((payment) => ({ ...payment, month: statement.month })),
  );
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">{t('programs.payments.title')}</h2>
      {advance > 0 ? (
        <p id="payments-advance">
          {t('programs.payments.advance', { amount: formatRupiah(advance) })}
        </p>
      ) : null}
      {payments.length === 0 ? (
        advance > 0 ? null : (
          <p>{t('programs.payments.none')}</p>
        )
      ) : (
        <Table
          id="payments"
          caption={t('programs.payments.caption')}
          columns={[
            t('programs.col.reference'),
            t('programs.col.month'),
            t('programs.col.paidOn'),
            { label: t('programs.col.amount'), amount: true },
            { label: t('programs.col.allocatedDues'), amount: true },
          ]}
        >
          {payments.map((payment) => (
            <tr key={payment.paymentReference}>
              <th scope="row" class="mono">
                {payment.paymentReference}
              </th>
              <td>{formatMonth(payment.month, lang)}</td>
              <td>{formatDate(payment.paidOn, lang)}</td>
              <td class="amount">{formatRupiah(payment.amount)}</td>
              <td class="amount">{formatNumber(payment.allocatedDues, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function PaymentForm({
  page,
  programId,
  months,
  form,
}: {
  page: SignedInContext;
  programId: string;
  months: readonly StatementMonth[];
  form: FormState;
}) {
  const { t, lang } = page;
  const labels = {
    month: t('programs.field.month'),
    amount: t('programs.field.amount'),
    paymentReference: t('programs.field.paymentReference'),
    paidOn: t('programs.field.paidOn'),
  };
  return (
    <section aria-labelledby="payment-title">
      <h2 id="payment-title">{t('programs.payment.title')}</h2>
      {months.length === 0 ? (
        <p>{t('programs.payment.noMonth')}</p>
      ) : (
        <>
          <p>{t('programs.payment.intro')}</p>
          <ErrorSummary page={page} form={form} labels={labels} />
          <FormError form={form} />
          <PostForm
            page={page}
            action={`${programPath(programId)}/payments`}
            label={t('programs.payment.title')}
          >
            <SelectField
              form={form}
              name="month"
              label={labels.month}
              required
              value={months.find((month) => month.outstanding > 0)?.month ?? months[0]?.month}
              choices={months.map((month) => ({
                value: month.month,
                label: formatMonth(month.month, lang),
              }))}
            />
            <TextField
              form={form}
              name="amount"
              label={labels.amount}
              inputMode="numeric"
              required
            />
            <TextField
              form={form}
              name="paymentReference"
              label={labels.paymentReference}
              required
            />
            <TextField form={form} name="paidOn" type="date" label={labels.paidOn} required />
            <p>
              <button type="submit">{t('programs.payment.submit')}</button>
            </p>
          </PostForm>
        </>
      )}
    </section>
  );
}

function UploadForm({
  page,
  programId,
  form,
}: {
  page: SignedInContext;
  programId: string;
  form: FormState;
}) {
  const { t } = page;
  const fileErrors = form.fieldErrors['file'] ?? [];
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{t('programs.upload.title')}</h2>
      <p>{t('programs.upload.intro')}</p>
      <FormError form={form} />
      <form
        method="post"
        action={`${programPath(programId)}/enrolment-uploads`}
        enctype="multipart/form-data"
        aria-label={t('programs.upload.title')}
        novalidate
      >
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <div class={fileErrors.length === 0 ? 'field' : 'field invalid'}>
          <label for={fieldId('file')}>
            {t('programs.field.file')}
            <span class="required-mark"> *</span>
          </label>
          {fileErrors.length === 0 ? null : (
            <p class="field-error" id={`${fieldId('file')}-error`}>
              {fileErrors.join(' ')}
            </p>
          )}
          <input
            type="file"
            id={fieldId('file')}
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileErrors.length === 0 ? undefined : 'true'}
            aria-describedby={fileErrors.length === 0 ? undefined : `${fieldId('file')}-error`}
          />
        </div>
        <TextField
          form={form}
          name="incomeEffectiveFrom"
          label={t('programs.field.incomeEffectiveFrom')}
          hint={t('programs.field.incomeEffectiveFrom.hint')}
        />
        <p>
          <button type="submit">{t('programs.upload.submit')}</button>
        </p>
      </form>
    </section>
  );
}

/** Statements are the scheduler's; an administrator may run the month's task now. */
function StatementRunForm({
  page,
  programId,
  report,
  form,
}: {
  page: SignedInContext;
  programId: string;
  report: ProgramReport;
  form: FormState;
}) {
  const { t, lang } = page;
  return (
    <section aria-labelledby="statement-run-title">
      <h2 id="statement-run-title">{t('programs.statementRun.title')}</h2>
      <p>{t('programs.statementRun.intro')}</p>
      <FormError form={form} />
      <PostForm
        page={page}
        action={`${programPath(programId)}/statement-runs`}
        label={t('programs.statementRun.title')}
      >
        <SelectField
          form={form}
          name="statementMonth"
          label={t('programs.field.statementMonth')}
          required
          choices={monthsOf(report.firstMonth, report.lastMonth).map((month) => ({
            value: month,
            label: formatMonth(month, lang),
          }))}
        />
        <p>
          <button type="submit" class="secondary">
            {t('programs.statementRun.submit')}
          </button>
        </p>
      </PostForm>
    </section>
  );
}

export function ProgramPage({
  page,
  programId,
  report,
  reportProblem,
  months,
  statements,
  paymentForm,
  uploadForm,
  statementRunForm,
  uploads,
}: {
  page: SignedInContext;
  programId: string;
  report: ProgramReport | null;
  reportProblem: string | null;
  months: readonly StatementMonth[];
  statements: readonly Statement[];
  paymentForm: FormState;
  uploadForm: FormState;
  statementRunForm: FormState;
  /** The program's uploads the signed-in person may follow; null when enrollment did not answer. */
  uploads: readonly EnrollmentJob[] | null;
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('programs.page.title', { name: report?.name ?? programId })}>
      <p class="mono">{programId}</p>
      {report === null ? (
        <ErrorMessage message={reportProblem ?? t('programs.page.reportPending')} />
      ) : (
        <ReportFacts page={page} report={report} />
      )}
      <StatementsTable page={page} months={months} />
      {report !== null && page.user.roles.includes('admin') ? (
        <StatementRunForm
          page={page}
          programId={programId}
          report={report}
          form={statementRunForm}
        />
      ) : null}
      <PaymentsTable
        page={page}
        statements={statements}
        advance={receivedInAdvance(report, months)}
      />
      <PaymentForm page={page} programId={programId} months={months} form={paymentForm} />
      <UploadForm page={page} programId={programId} form={uploadForm} />
      <UploadsTable page={page} programId={programId} uploads={uploads} />
    </Layout>
  );
}

/** The files sent for this program, so an operator can come back to a job and its refused rows. */
function UploadsTable({
  page,
  programId,
  uploads,
}: {
  page: SignedInContext;
  programId: string;
  uploads: readonly EnrollmentJob[] | null;
}) {
  const { t, lang } = page;
  return (
    <section aria-labelledby="uploads-title">
      <h2 id="uploads-title">{t('programs.uploads.title')}</h2>
      {uploads === null ? (
        <ErrorMessage message={t('programs.uploads.unavailable')} />
      ) : uploads.length === 0 ? (
        <p>{t('programs.uploads.none')}</p>
      ) : (
        <Table
          id="uploads"
          caption={t('programs.uploads.caption')}
          columns={[
            t('programs.col.file'),
            t('programs.col.uploadedAt'),
            t('programs.col.state'),
            { label: t('programs.job.enrolled'), amount: true },
            { label: t('programs.job.alreadyEnrolled'), amount: true },
            { label: t('programs.job.rejected'), amount: true },
          ]}
        >
          {uploads.map((job) => (
            <tr key={job.jobId}>
              <th scope="row">
                <a
                  href={`${programPath(programId)}/enrolment-uploads/${encodeURIComponent(job.jobId)}`}
                >
                  {job.fileName ?? t('programs.job.untitled')}
                </a>
              </th>
              <td>{formatInstant(job.createdAt, lang)}</td>
              <td>{t(jobStateKey(job.state))}</td>
              <td class="amount">{formatNumber(job.enrolled, lang)}</td>
              <td class="amount">{formatNumber(job.alreadyEnrolled, lang)}</td>
              <td class="amount">{formatNumber(job.rejected, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function jobStateKey(state: string): MessageKey {
  return ['queued', 'running', 'completed', 'failed'].includes(state)
    ? (`programs.job.state.${state}` as MessageKey)
    : 'programs.job.state.running';
}

export function isFinished(job: EnrollmentJob): boolean {
  return job.state === 'completed' || job.state === 'failed';
}

/** The live part of a job page: what the script swaps in as it polls. */
export function JobProgress({ page, job }: { page: SignedInContext; job: EnrollmentJob }) {
  const { t, lang } = page;
  const percent = percentRead(job.rowsRead, job.totalRows);
  return (
    <div
      id="job-progress"
      data-finished={isFinished(job) ? 'true' : 'false'}
      data-job-state={job.state}
    >
      <p id="job-state" role="status">
        {t('programs.job.state', { state: t(jobStateKey(job.state)) })}
      </p>
      <label for="job-progress-bar">{t('programs.job.progress')}</label>{' '}
      <progress id="job-progress-bar" max={Math.max(job.totalRows, 1)} value={job.rowsRead}>
        {percent}%
      </progress>{' '}
      <span id="job-progress-text">
        {t('programs.job.progressText', {
          read: formatNumber(job.rowsRead, lang),
          total: formatNumber(job.totalRows, lang),
          percent,
        })}
      </span>
      <dl class="summary-list" id="job-counts">
        <dt>{t('programs.job.rowsRead')}</dt>
        <dd data-count="rowsRead">{formatNumber(job.rowsRead, lang)}</dd>
        <dt>{t('programs.job.enrolled')}</dt>
        <dd data-count="enrolled">{formatNumber(job.enrolled, lang)}</dd>
        <dt>{t('programs.job.alreadyEnrolled')}</dt>
        <dd data-count="alreadyEnrolled">{formatNumber(job.alreadyEnrolled, lang)}</dd>
        <dt>{t('programs.job.rejected')}</dt>
        <dd data-count="rejected">{formatNumber(job.rejected, lang)}</dd>
      </dl>
      {job.failure === null ? null : (
        <p class="form-error" role="alert">
          {t('programs.job.failure', { failure: job.failure })}
        </p>
      )}
    </div>
  );
}

export const REJECTED_ROWS_SHOWN = 200;

export function JobPage({
  page,
  job,
  problems,
  problemsError,
  moreProblems,
}: {
  page: SignedInContext;
  job: EnrollmentJob;
  problems: readonly RowProblem[];
  problemsError: string | null;
  moreProblems: boolean;
}) {
  const { t } = page;
  const base = `${programPath(job.programId)}/enrolment-uploads/${encodeURIComponent(job.jobId)}`;
  const finished = isFinished(job);
  return (
    <Layout
      page={page}
      title={t('programs.job.title', { file: job.fileName ?? t('programs.job.untitled') })}
    >
      <p>
        <a href={programPath(job.programId)}>
          {t('programs.job.back', { programId: job.programId })}
        </a>
      </p>
      <section aria-labelledby="progress-title" data-progress-url={`${base}/progress`}>
        <h2 id="progress-title">{t('programs.job.progress')}</h2>
        <JobProgress page={page} job={job} />
        {finished ? null : (
          <p>
            <a href={base} id="job-refresh">
              {t('programs.job.refresh')}
            </a>
          </p>
        )}
        {job.fileSha256 === null ? null : (
          <p class="hint mono">{t('programs.job.sha', { sha: job.fileSha256 })}</p>
        )}
      </section>
      <section aria-labelledby="rejected-title">
        <h2 id="rejected-title">{t('programs.rejected.title')}</h2>
        {!finished ? (
          <p>{t('programs.rejected.wait')}</p>
        ) : problemsError !== null ? (
          <ErrorMessage message={problemsError} />
        ) : problems.length === 0 ? (
          <p>{t('programs.rejected.none')}</p>
        ) : (
          <>
            <p>
              <a class="button" href={`${base}/rejected-rows.csv`} download>
                {t('programs.rejected.download')}
              </a>
            </p>
            {moreProblems ? (
              <p>{t('programs.rejected.more', { shown: REJECTED_ROWS_SHOWN })}</p>
            ) : null}
            <Table
              id="rejected-rows"
              caption={t('programs.rejected.caption')}
              columns={[
                t('programs.col.row'),
                t('programs.col.field'),
                t('programs.col.code'),
                t('programs.col.reason'),
                t('programs.col.cells'),
              ]}
            >
              {problems.map((problem, index) => (
                <tr key={`${problem.rowNumber}-${index}`}>
                  <th scope="row">{problem.rowNumber}</th>
                  <td class="mono">{problem.field}</td>
                  <td class="mono">{problem.code}</td>
                  <td>{rowProblemReason(t, problem.code, problem.reason)}</td>
                  <td class="mono">
                    {(problem.cells ?? []).map((cell) => cell.value).join(' | ')}
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>
      <Script />
    </Layout>
  );
}
