import { withTraceHeaders } from '@santunan/platform';
import {
  problemOf,
  unavailable,
  type ServiceClient,
  type ServiceResult,
} from '../services/service-client';

// Contributions' program endpoints and enrollment's bulk upload, as the program pages read them.
// Every amount is integer rupiah.

export interface MonthlyContribution {
  readonly jkk: number;
  readonly jkm: number;
  readonly total: number;
}

export interface ProgramSummary {
  readonly programId: string;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly name: string | null;
  readonly sponsorType: string | null;
  readonly budget: number | null;
  readonly quota: number | null;
  readonly enrolled: number | null;
  readonly billed: number | null;
  readonly received: number | null;
  readonly paid: number | null;
  readonly remainingBudget: number | null;
}

export interface ProgramQuote {
  readonly budget: number;
  readonly months: number;
  readonly declaredIncome: number;
  readonly payerType: string;
  readonly contribution: MonthlyContribution;
  readonly ruleSetIds: readonly string[];
  readonly costPerWorker: number;
  readonly quota: number;
  readonly quotaCost: number;
  readonly remainder: number;
}

export interface OpenedProgram {
  readonly programId: string;
  readonly quota: number;
  readonly changed: boolean;
}

export interface ProgramReport {
  readonly programId: string;
  readonly name: string;
  readonly sponsorType: string;
  readonly payerType: string;
  readonly pksNumber: string;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly contribution: MonthlyContribution;
  readonly budget: number;
  readonly quota: number;
  readonly enrolled: number;
  readonly sponsorshipsEnded: number;
  readonly committed: number;
  readonly uncommittedBudget: number;
  readonly billed: number;
  readonly received: number;
  readonly paid: number;
  readonly held: number;
  readonly refunded: number;
  readonly remainingBudget: number;
  readonly updatedAt: string;
}

export interface StatementMonth {
  readonly month: string;
  readonly issuedAt: string;
  readonly dueDate: string;
  readonly dues: number;
  readonly billed: number;
  readonly duesNow: number;
  readonly releasedAfterDeaths: number;
  /** Paid for the month, then owed back after deaths; absent from an older contributions. */
  readonly refundedAfterDeaths?: number;
  readonly received: number;
  readonly paid: number;
  readonly held: number;
  readonly outstanding: number;
  readonly payments: number;
}

export interface StatementPayment {
  readonly paymentReference: string;
  readonly amount: number;
  readonly paidOn: string;
  readonly allocatedDues: number;
  readonly heldForMonth: number;
}

export interface Statement {
  readonly month: string;
  readonly payments: readonly StatementPayment[];
}

export interface PaymentRequest {
  readonly month: string;
  readonly paymentReference: string;
  readonly amount: number | string | undefined;
  readonly paidAt: string;
  readonly paidOn: string;
}

export interface QuoteTerms {
  readonly budget: number | string;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly sponsorType?: string;
  readonly declaredIncome?: number | string;
}

/** Contributions' sponsor-program endpoints. */
export class ProgramsApi {
  constructor(private readonly contributions: ServiceClient) {}

  list(token: string): Promise<ServiceResult<{ programs: ProgramSummary[] }>> {
    return this.contributions.get(token, '/programs');
  }

  quote(token: string, terms: QuoteTerms): Promise<ServiceResult<ProgramQuote>> {
    return this.contributions.get(token, '/program-quotes', {
      budget: terms.budget,
      firstMonth: terms.firstMonth,
      lastMonth: terms.lastMonth,
      sponsorType: terms.sponsorType,
      declaredIncome: terms.declaredIncome,
    });
  }

  open(token: string, body: Record<string, unknown>): Promise<ServiceResult<OpenedProgram>> {
    return this.contributions.post(token, '/programs', body);
  }

  report(token: string, programId: string): Promise<ServiceResult<ProgramReport>> {
    return this.contributions.get(token, `/programs/${encodeURIComponent(programId)}/report`);
  }

  statementMonths(
    token: string,
    programId: string,
  ): Promise<ServiceResult<{ months: StatementMonth[] }>> {
    return this.contributions.get(token, `/programs/${encodeURIComponent(programId)}/statements`);
  }

  statement(token: string, programId: string, month: string): Promise<ServiceResult<Statement>> {
    return this.contributions.get(
      token,
      `/programs/${encodeURIComponent(programId)}/statements/${encodeURIComponent(month)}`,
      { limit: 1 },
    );
  }

  /** Contributions' statement task for a month: every program covering it (admins). */
  issueStatements(
    token: string,
    month: string,
  ): Promise<ServiceResult<{ processed: number; changed: number }>> {
    return this.contributions.post(token, '/scheduler/runs', { task: 'issue-statements', month });
  }

  recordPayment(
    token: string,
    programId: string,
    payment: PaymentRequest,
  ): Promise<ServiceResult<unknown>> {
    return this.contributions.post(
      token,
      `/programs/${encodeURIComponent(programId)}/payments`,
      payment,
    );
  }
}

export interface EnrollmentJob {
  readonly jobId: string;
  readonly programId: string;
  /** queued, running, completed or failed. */
  readonly state: string;
  readonly fileName: string | null;
  readonly incomeEffectiveFrom: string;
  readonly totalRows: number;
  readonly rowsRead: number;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
  readonly rejected: number;
  readonly fileSha256: string | null;
  readonly failure: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface EnrollmentJobList {
  readonly programId: string;
  readonly jobs: readonly EnrollmentJob[];
}

/** How many of a program's uploads its page lists. */
export const UPLOADS_LISTED = 20;

export interface RejectedCell {
  readonly column: string;
  readonly value: string;
}

export interface RowProblem {
  readonly rowNumber: number;
  readonly field: string;
  readonly code: string;
  readonly reason: string;
  readonly cells?: readonly RejectedCell[];
}

export interface JobProblemsPage {
  readonly problems: readonly RowProblem[];
  readonly next?: number;
}

/** Enrollment's bulk upload: the CSV itself as the body, then the job and its refused rows. */
export class EnrolmentUploadsApi {
  constructor(
    private readonly enrollment: ServiceClient,
    private readonly enrollmentUrl: string,
    private readonly timeoutMs = 120_000,
  ) {}

  async upload(
    token: string,
    programId: string,
    file: { readonly name: string; readonly bytes: Buffer },
    incomeEffectiveFrom: string | undefined,
  ): Promise<ServiceResult<EnrollmentJob>> {
    const url = new URL(
      `${this.enrollmentUrl}/sponsor-programs/${encodeURIComponent(programId)}/enrollment-jobs`,
    );
    if (file.name !== '') url.searchParams.set('fileName', file.name.slice(0, 200));
    if (incomeEffectiveFrom !== undefined) {
      url.searchParams.set('incomeEffectiveFrom', incomeEffectiveFrom);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: withTraceHeaders({
          authorization: `Bearer ${token}`,
          accept: 'application/json, application/problem+json',
          'content-type': 'text/csv',
        }),
        body: Uint8Array.from(file.bytes),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return {
        ok: false,
        problem: unavailable('enrollment', error instanceof Error ? error.message : String(error)),
      };
    }
    const raw = await response.text();
    let parsed: unknown;
    try {
      parsed = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    return response.ok
      ? { ok: true, status: response.status, value: parsed as EnrollmentJob }
      : { ok: false, problem: problemOf('enrollment', response.status, parsed) };
  }

  /** The program's uploads, newest first; a sponsor operator gets only their own. */
  ofProgram(token: string, programId: string): Promise<ServiceResult<EnrollmentJobList>> {
    return this.enrollment.get(
      token,
      `/sponsor-programs/${encodeURIComponent(programId)}/enrollment-jobs`,
      { limit: UPLOADS_LISTED },
    );
  }

  job(token: string, jobId: string): Promise<ServiceResult<EnrollmentJob>> {
    return this.enrollment.get(token, `/enrollment-jobs/${encodeURIComponent(jobId)}`);
  }

  problems(
    token: string,
    jobId: string,
    afterRow = 0,
    limit = 1000,
  ): Promise<ServiceResult<JobProblemsPage>> {
    return this.enrollment.get(token, `/enrollment-jobs/${encodeURIComponent(jobId)}/problems`, {
      afterRow,
      limit,
    });
  }
}
