import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { render } from 'preact-render-to-string';
import { PublicPage, RequireRoles } from '../auth/page-access';
import { formatMonth, formatRupiah } from '../i18n/format';
import type { ServiceResult } from '../services/service-client';
import { EMPTY_FORM, textFields, type FormState } from '../web/form-state';
import { Page, keepForm, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import type { CodeFields } from '../web/problem-messages';
import { seeOther, sendPage } from '../web/render';
import { paidAtOf, rupiahInput } from './program-terms';
import {
  EnrolmentUploadsApi,
  ProgramsApi,
  type EnrollmentJob,
  type ProgramQuote,
  type RowProblem,
  type Statement,
} from './programs.api';
import {
  JobPage,
  JobProgress,
  NewProgramPage,
  ProgramListPage,
  ProgramPage,
  QuoteSummary,
  REJECTED_ROWS_SHOWN,
  isFinished,
} from './programs.pages';
import { programsFormErrors, programsProblemMessage, rowProblemReason } from './programs-problems';
import { PROGRAMS_SCRIPT_SOURCE } from './programs.script';
import { rejectedRowsCsv } from './rejected-rows.csv';
import { UPLOAD_FILE_FIELD, uploadedFileOf } from './upload.middleware';

const PROGRAM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows of refused lines the download gathers at most (ten pages of the service's). */
const DOWNLOAD_PAGES = 100;

function programIdOf(value: string): string {
  if (!PROGRAM_ID.test(value)) throw new PageNotFound();
  return value;
}

function jobIdOf(value: string): string {
  if (!JOB_ID.test(value)) throw new PageNotFound();
  return value;
}

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Where contributions' refusals of an opening belong on the form. */
const OPENING_CODES: CodeFields = {
  PROGRAM_BUDGET_TOO_SMALL: 'budget',
  PROGRAM_TARIFF_VARIES: 'lastMonth',
  TARIFF_UNAVAILABLE: 'firstMonth',
  PROGRAM_ALREADY_OPENED: 'programId',
};

/** Where contributions' refusals of a payment belong on the form. */
const PAYMENT_CODES: CodeFields = {
  PAYMENT_EXCEEDS_OUTSTANDING: 'amount',
  PAYMENT_AMOUNT_INVALID: 'amount',
  MONTH_OUTSIDE_COVERAGE: 'month',
  STATEMENT_NOT_ISSUED: 'month',
  PAYMENT_REFERENCE_CONFLICT: 'paymentReference',
};

/** Where enrollment's refusals of a whole file belong on the upload form. */
const UPLOAD_CODES: CodeFields = {
  CSV_EMPTY: 'file',
  CSV_NO_ROWS: 'file',
  CSV_COLUMNS_MISSING: 'file',
  CSV_MALFORMED: 'file',
  CSV_RECORD_TOO_LARGE: 'file',
  UPLOAD_TOO_LARGE: 'file',
  UPLOAD_MEDIA_TYPE: 'file',
};

function paymentFormKey(programId: string): string {
  return `program-payment:${programId}`;
}

function uploadFormKey(programId: string): string {
  return `program-upload:${programId}`;
}

/**
 * The sponsor operator's pages: their programs, opening one with its quota, a program's
 * budget, statements and payments, bulk enrolment from a CSV with its job's progress and
 * refused rows. Contributions and enrollment decide and authorise everything (a payment is
 * finance's at contributions: an operator's attempt comes back as the service's refusal).
 */
@Controller('programs')
@RequireRoles('sponsor-operator', 'finance', 'admin', 'auditor')
export class ProgramsController {
  constructor(
    @Inject(ProgramsApi) private readonly programs: ProgramsApi,
    @Inject(EnrolmentUploadsApi) private readonly uploads: EnrolmentUploadsApi,
  ) {}

  /** The pages' script; public like the console's other assets (it holds nothing of anyone's). */
  @Get('assets/programs.js')
  @PublicPage()
  script(@Res() response: Response): void {
    response
      .type('application/javascript')
      .setHeader('Cache-Control', 'public, max-age=3600')
      .send(PROGRAMS_SCRIPT_SOURCE);
  }

  @Get()
  async list(@Page() page: SignedInContext, @Res() response: Response): Promise<void> {
    const result = await this.programs.list(page.accessToken);
    sendPage(
      response,
      ProgramListPage({
        page,
        programs: result.ok ? result.value.programs : [],
        error: result.ok ? null : programsProblemMessage(page.t, result.problem),
      }),
    );
  }

  @Get('new')
  newProgram(@Page() page: SignedInContext, @Req() request: Request, @Res() response: Response) {
    sendPage(
      response,
      NewProgramPage({
        page,
        form: takeForm(request, 'program-new'),
        quote: null,
        quoteProblem: null,
      }),
    );
  }

  /** The quota of the terms typed so far, for the script (JSON, with the summary as HTML). */
  @Get('new/quote')
  async quoteFragment(
    @Query() query: Record<string, unknown>,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(query);
    const { quote, problem } = await this.quoteOf(page, values);
    response
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .json({
        quota: quote?.quota ?? null,
        remainder: quote?.remainder ?? null,
        costPerWorker: quote?.costPerWorker ?? null,
        html: render(QuoteSummary({ page, quote, problem })),
      });
  }

  /** "Compute the quota" re-renders the form with it; "Open the program" opens it. */
  @Post('new')
  async submitProgram(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    if (values['intent'] !== 'open') {
      const { quote, problem } = await this.quoteOf(page, values);
      sendPage(
        response,
        NewProgramPage({ page, form: { ...EMPTY_FORM, values }, quote, quoteProblem: problem }),
      );
      return;
    }
    const programId = optional(values['programId']);
    const declaredIncome = rupiahInput(values['declaredIncome']);
    const result = await this.programs.open(page.accessToken, {
      ...(programId === undefined ? {} : { programId }),
      name: values['name']?.trim() ?? '',
      sponsorType: values['sponsorType'] ?? '',
      pksNumber: values['pksNumber']?.trim() ?? '',
      budget: rupiahInput(values['budget']) ?? '',
      firstMonth: values['firstMonth']?.trim() ?? '',
      lastMonth: values['lastMonth']?.trim() ?? '',
      ...(declaredIncome === undefined ? {} : { declaredIncome }),
    });
    if (!result.ok) {
      keepForm(request, 'program-new', {
        values,
        ...programsFormErrors(page.t, result.problem, { codeFields: OPENING_CODES, values }),
      });
      await seeOther(request, response, '/programs/new');
      return;
    }
    const opened = result.value;
    notify(
      request,
      'success',
      opened.changed
        ? page.t('programs.opened', { programId: opened.programId, quota: opened.quota })
        : page.t('programs.openedAgain', { programId: opened.programId }),
    );
    await seeOther(request, response, `/programs/${encodeURIComponent(opened.programId)}`);
  }

  @Get(':programId')
  async program(
    @Param('programId') rawProgramId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const programId = programIdOf(rawProgramId);
    const token = page.accessToken;
    const [report, months, uploads] = await Promise.all([
      this.programs.report(token, programId),
      this.programs.statementMonths(token, programId),
      this.uploads.ofProgram(token, programId),
    ]);
    if (
      !report.ok &&
      report.problem.status === 404 &&
      report.problem.code === 'PROGRAM_NOT_FOUND'
    ) {
      throw new PageNotFound();
    }
    const issued = months.ok ? months.value.months : [];
    const statements = await Promise.all(
      issued
        .filter((month) => month.payments > 0)
        .map((month) => this.programs.statement(token, programId, month.month)),
    );
    sendPage(
      response,
      ProgramPage({
        page,
        programId,
        report: report.ok ? report.value : null,
        reportProblem:
          report.ok || report.problem.code === 'PROGRAM_REPORT_NOT_FOUND'
            ? null
            : programsProblemMessage(page.t, report.problem),
        months: issued,
        statements: statements.flatMap((statement): Statement[] =>
          statement.ok ? [statement.value] : [],
        ),
        paymentForm: takeForm(request, paymentFormKey(programId)),
        uploadForm: takeForm(request, uploadFormKey(programId)),
        statementRunForm: takeForm(request, `program-statement-run:${programId}`),
        uploads: uploads.ok ? uploads.value.jobs : null,
      }),
    );
  }

  @Post(':programId/payments')
  async recordPayment(
    @Param('programId') rawProgramId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const programId = programIdOf(rawProgramId);
    const values = textFields(body);
    const paidOn = values['paidOn']?.trim() ?? '';
    const month = values['month']?.trim() ?? '';
    const paymentReference = values['paymentReference']?.trim() ?? '';
    const result = await this.programs.recordPayment(page.accessToken, programId, {
      month,
      paymentReference,
      amount: rupiahInput(values['amount']),
      paidOn,
      paidAt: paidAtOf(paidOn),
    });
    const back = `/programs/${encodeURIComponent(programId)}`;
    if (!result.ok) {
      keepForm(request, paymentFormKey(programId), {
        values,
        ...programsFormErrors(page.t, result.problem, {
          codeFields: PAYMENT_CODES,
          fieldNames: { paidAt: 'paidOn' },
          values,
        }),
      });
      await seeOther(request, response, `${back}#payment-title`);
      return;
    }
    const recorded = result.value as { changed?: boolean; amount?: number };
    notify(
      request,
      'success',
      recorded.changed === false
        ? page.t('programs.payment.again', { reference: paymentReference })
        : page.t('programs.payment.recorded', {
            reference: paymentReference,
            amount: formatRupiah(recorded.amount ?? 0),
            month: formatMonth(month, page.lang),
          }),
    );
    await seeOther(request, response, `${back}#payments-title`);
  }

  /** An administrator runs the month's statement task now (contributions decides who may). */
  @Post(':programId/statement-runs')
  async runStatements(
    @Param('programId') rawProgramId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const programId = programIdOf(rawProgramId);
    const values = textFields(body);
    const month = values['statementMonth']?.trim() ?? '';
    const result = await this.programs.issueStatements(page.accessToken, month);
    const back = `/programs/${encodeURIComponent(programId)}`;
    if (!result.ok) {
      keepForm(request, `program-statement-run:${programId}`, {
        values,
        ...programsFormErrors(page.t, result.problem, {
          codeFields: { STATEMENT_TOO_EARLY: 'statementMonth' },
          fieldNames: { month: 'statementMonth' },
          values,
        }),
      });
      await seeOther(request, response, `${back}#statement-run-title`);
      return;
    }
    notify(
      request,
      'success',
      page.t('programs.statementRun.done', {
        month: formatMonth(month, page.lang),
        changed: result.value.changed,
      }),
    );
    await seeOther(request, response, `${back}#statements-title`);
  }

  /** The CSV arrives as multipart/form-data (read by the upload middleware) and goes on as text/csv. */
  @Post(':programId/enrolment-uploads')
  async upload(
    @Param('programId') rawProgramId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const programId = programIdOf(rawProgramId);
    const values = textFields(body);
    const back = `/programs/${encodeURIComponent(programId)}`;
    const file = uploadedFileOf(request);
    const fail = async (form: Pick<FormState, 'fieldErrors' | 'formError'>) => {
      keepForm(request, uploadFormKey(programId), { values, ...form });
      await seeOther(request, response, `${back}#upload-title`);
    };
    if (file === 'too-large') {
      await fail({
        fieldErrors: { [UPLOAD_FILE_FIELD]: [page.t('programs.problem.UPLOAD_TOO_LARGE')] },
        formError: null,
      });
      return;
    }
    if (file === null || file.bytes.length === 0) {
      await fail({
        fieldErrors: { [UPLOAD_FILE_FIELD]: [page.t('programs.upload.noFile')] },
        formError: null,
      });
      return;
    }
    const result = await this.uploads.upload(
      page.accessToken,
      programId,
      file,
      optional(values['incomeEffectiveFrom']),
    );
    if (!result.ok) {
      await fail(
        programsFormErrors(page.t, result.problem, {
          codeFields: UPLOAD_CODES,
          values: { ...values, file: file.name },
        }),
      );
      return;
    }
    await seeOther(
      request,
      response,
      `${back}/enrolment-uploads/${encodeURIComponent(result.value.jobId)}`,
    );
  }

  @Get(':programId/enrolment-uploads/:jobId')
  async job(
    @Param('programId') rawProgramId: string,
    @Param('jobId') rawJobId: string,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const job = await this.jobOf(page, programIdOf(rawProgramId), jobIdOf(rawJobId));
    let problems: readonly RowProblem[] = [];
    let problemsError: string | null = null;
    let moreProblems = false;
    if (isFinished(job) && job.rejected > 0) {
      const result = await this.uploads.problems(
        page.accessToken,
        job.jobId,
        0,
        REJECTED_ROWS_SHOWN,
      );
      if (result.ok) {
        problems = result.value.problems;
        moreProblems = result.value.next !== undefined;
      } else {
        problemsError = programsProblemMessage(page.t, result.problem);
      }
    }
    sendPage(response, JobPage({ page, job, problems, problemsError, moreProblems }));
  }

  /** The job's counts for the script (JSON, with the progress as HTML in the user's language). */
  @Get(':programId/enrolment-uploads/:jobId/progress')
  async progress(
    @Param('programId') rawProgramId: string,
    @Param('jobId') rawJobId: string,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const job = await this.jobOf(page, programIdOf(rawProgramId), jobIdOf(rawJobId));
    response
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .json({
        state: job.state,
        finished: isFinished(job),
        totalRows: job.totalRows,
        rowsRead: job.rowsRead,
        enrolled: job.enrolled,
        alreadyEnrolled: job.alreadyEnrolled,
        rejected: job.rejected,
        html: render(JobProgress({ page, job })),
      });
  }

  /** Every refused row as a CSV to fix and upload again, formulas neutralised. */
  @Get(':programId/enrolment-uploads/:jobId/rejected-rows.csv')
  async rejectedRows(
    @Param('programId') rawProgramId: string,
    @Param('jobId') rawJobId: string,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const job = await this.jobOf(page, programIdOf(rawProgramId), jobIdOf(rawJobId));
    const problems: RowProblem[] = [];
    let afterRow = 0;
    for (let pageNumber = 0; pageNumber < DOWNLOAD_PAGES; pageNumber += 1) {
      const result = await this.uploads.problems(page.accessToken, job.jobId, afterRow, 1000);
      if (!result.ok) throw new Error(`refused rows of job ${job.jobId}: ${result.problem.code}`);
      problems.push(...result.value.problems);
      if (result.value.next === undefined) break;
      afterRow = result.value.next;
    }
    const { t } = page;
    const readable = problems.map((problem) => ({
      ...problem,
      reason: rowProblemReason(t, problem.code, problem.reason),
    }));
    const csv = rejectedRowsCsv(readable, {
      row: t('programs.csv.row'),
      field: t('programs.csv.field'),
      code: t('programs.csv.code'),
      reason: t('programs.csv.reason'),
    });
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', `attachment; filename="rejected-rows-${job.jobId}.csv"`)
      // A BOM so spreadsheet programs read the names as UTF-8.
      .send(`\uFEFF${csv}`);
  }

  private async jobOf(
    page: SignedInContext,
    programId: string,
    jobId: string,
  ): Promise<EnrollmentJob> {
    const result = await this.uploads.job(page.accessToken, jobId);
    if (!result.ok) {
      if (result.problem.status === 404) throw new PageNotFound();
      throw new Error(`enrollment job ${jobId}: ${result.problem.code}`);
    }
    if (result.value.programId !== programId) throw new PageNotFound();
    return result.value;
  }

  private async quoteOf(
    page: SignedInContext,
    values: Readonly<Record<string, string>>,
  ): Promise<{ quote: ProgramQuote | null; problem: string | null }> {
    const budget = rupiahInput(values['budget']);
    const firstMonth = optional(values['firstMonth']);
    const lastMonth = optional(values['lastMonth']);
    if (budget === undefined || firstMonth === undefined || lastMonth === undefined) {
      return { quote: null, problem: null };
    }
    const declaredIncome = rupiahInput(values['declaredIncome']);
    const result: ServiceResult<ProgramQuote> = await this.programs.quote(page.accessToken, {
      budget,
      firstMonth,
      lastMonth,
      ...(values['sponsorType'] === undefined ? {} : { sponsorType: values['sponsorType'] }),
      ...(declaredIncome === undefined ? {} : { declaredIncome }),
    });
    if (result.ok) return { quote: result.value, problem: null };
    const form = programsFormErrors(page.t, result.problem, { values });
    const fieldMessages = Object.values(form.fieldErrors).flat();
    return {
      quote: null,
      problem: form.formError ?? (fieldMessages.length > 0 ? fieldMessages.join(' ') : null),
    };
  }
}
