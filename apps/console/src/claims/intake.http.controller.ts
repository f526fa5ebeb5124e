import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { ClaimsApi } from '../services/claims.api';
import { EnrollmentApi } from '../services/participants.api';
import type { ServiceResult } from '../services/service-client';
import { EMPTY_FORM, textFields } from '../web/form-state';
import { Page, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { formErrorsOf, type CodeFields } from '../web/problem-messages';
import { searchParticipants } from '../web/participant-search';
import { backToForm, seeOther, sendPage } from '../web/render';
import {
  AccidentReportPage,
  NewAccidentReportPage,
  NewJkmClaimPage,
  ParticipantSearchPage,
} from './intake.pages';

const ANY_UUID = new ParseUUIDPipe({ exceptionFactory: () => new PageNotFound() });

/** Where the claims service's own refusals of intake belong on the forms. */
const INTAKE_CODES: CodeFields = {
  DEATH_DATE_INVALID: 'dateOfDeath',
  DATE_INVALID: 'incidentDate',
  INCIDENT_DATE_IN_FUTURE: 'incidentDate',
  LODGED_DATE_INVALID: 'lodgedOn',
  CLAIMANT_INVALID: 'claimant.kind',
  BENEFIT_LINES_INVALID: 'benefits.0.kind',
  NO_BENEFIT_CLAIMED: 'benefits.0.kind',
  DEATH_DATE_CONFLICT: 'dateOfDeath',
  PARTICIPANT_UNKNOWN: 'dateOfDeath',
};

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A whole number typed in a form, or the text itself so the service names what is wrong. */
function wholeNumber(value: string | undefined): number | string | undefined {
  const text = optional(value);
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
}

function claimantOf(values: Record<string, string>): Record<string, string> {
  const kind = values['claimant.kind'] ?? 'heir';
  const fullName = optional(values['claimant.fullName']);
  const relationship = optional(values['claimant.relationship']);
  return {
    kind,
    ...(kind !== 'participant' && fullName !== undefined ? { fullName } : {}),
    ...(kind === 'heir' && relationship !== undefined ? { relationship } : {}),
  };
}

/** Taking claims in: find the participant, lodge a JKM claim, report an accident, the JKK claim. */
@Controller()
@RequireRoles('claims-officer', 'claims-supervisor')
export class IntakeController {
  constructor(
    @Inject(ClaimsApi) private readonly claims: ClaimsApi,
    @Inject(EnrollmentApi) private readonly enrollment: EnrollmentApi,
  ) {}

  @Get('participants')
  search(@Page() page: SignedInContext, @Res() response: Response): void {
    sendPage(response, ParticipantSearchPage({ page, form: EMPTY_FORM, results: null }));
  }

  /** Answered directly, not redirected: a search changes nothing, and the NIK stays out of URLs. */
  @Post('participants')
  async searchResults(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const { form, results, status } = await searchParticipants(values, {
      noCriteria: page.t('search.criteria'),
      search: (criteria) => this.enrollment.search(page.accessToken, criteria),
      refusal: (problem) => formErrorsOf(page.t, problem, { values }),
    });
    sendPage(response, ParticipantSearchPage({ page, form, results }), status);
  }

  @Get('claims/new/jkm')
  newJkm(
    @Query('participantId', ANY_UUID) participantId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    sendPage(
      response,
      NewJkmClaimPage({ page, participantId, form: takeForm(request, `jkm:${participantId}`) }),
    );
  }

  @Post('claims/new/jkm')
  async submitJkm(
    @Query('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const lodgedOn = optional(values['lodgedOn']);
    const result = await this.claims.submitJkm(page.accessToken, {
      participantId,
      dateOfDeath: values['dateOfDeath'] ?? '',
      claimant: claimantOf(values),
      ...(lodgedOn === undefined ? {} : { lodgedOn }),
    });
    await this.answer(
      request,
      response,
      page,
      `jkm:${participantId}`,
      values,
      result,
      `/claims/new/jkm?participantId=${participantId}`,
      (created) => `/claims/${created.claimId}`,
      'jkm.created',
    );
  }

  @Get('accident-reports/new')
  newAccident(
    @Query('participantId') participantId: string | undefined,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const valid =
      participantId !== undefined && /^[0-9a-f-]{36}$/i.test(participantId) ? participantId : null;
    sendPage(
      response,
      NewAccidentReportPage({
        page,
        participantId: valid,
        form: valid === null ? EMPTY_FORM : takeForm(request, `accident:${valid}`),
      }),
    );
  }

  @Post('accident-reports/new')
  async reportAccident(
    @Query('participantId', ANY_UUID) participantId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const witnesses = [values['witnesses.0.name'], values['witnesses.1.name']]
      .map(optional)
      .filter((name): name is string => name !== undefined)
      .map((name) => ({ name }));
    const reportedOn = optional(values['reportedOn']);
    const result = await this.claims.reportAccident(page.accessToken, {
      participantId,
      incidentKind: values['incidentKind'] ?? '',
      incidentDate: values['incidentDate'] ?? '',
      place: values['place'] ?? '',
      chronology: values['chronology'] ?? '',
      trafficAccident: values['trafficAccident'] === 'true',
      notifier: { kind: values['notifier.kind'] ?? '', name: values['notifier.name'] ?? '' },
      witnesses,
      ...(reportedOn === undefined ? {} : { reportedOn }),
    });
    await this.answer(
      request,
      response,
      page,
      `accident:${participantId}`,
      values,
      result,
      `/accident-reports/new?participantId=${participantId}`,
      (report) => `/accident-reports/${report.reportId}`,
      'accident.created',
    );
  }

  @Get('accident-reports/:reportId')
  async report(
    @Param('reportId', ANY_UUID) reportId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.claims.accidentReport(page.accessToken, reportId);
    if (!report.ok) throw new PageNotFound();
    sendPage(
      response,
      AccidentReportPage({
        page,
        report: report.value,
        confirmForm: takeForm(request, `confirm:${reportId}`),
        claimForm: takeForm(request, `jkk:${reportId}`),
      }),
    );
  }

  @Post('accident-reports/:reportId/confirmation')
  async confirm(
    @Param('reportId', ANY_UUID) reportId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.claims.confirmWorkAccident(page.accessToken, reportId, {
      note: values['note'] ?? '',
    });
    const back = `/accident-reports/${reportId}`;
    await this.answer(
      request,
      response,
      page,
      `confirm:${reportId}`,
      values,
      result,
      back,
      () => back,
      'accident.confirmed',
    );
  }

  @Post('accident-reports/:reportId/claim')
  async submitJkk(
    @Param('reportId', ANY_UUID) reportId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const kind = values['benefits.0.kind'] ?? '';
    const months = wholeNumber(values['benefits.0.months']);
    const claimedAmount = wholeNumber(values['benefits.0.claimedAmount']);
    const account = {
      bankCode: optional(values['paymentAccount.bankCode']),
      accountNumber: optional(values['paymentAccount.accountNumber']),
      accountName: optional(values['paymentAccount.accountName']),
    };
    const hasAccount = Object.values(account).some((value) => value !== undefined);
    const dateOfDeath = optional(values['dateOfDeath']);
    const lodgedOn = optional(values['lodgedOn']);
    const result = await this.claims.submitJkk(page.accessToken, {
      accidentReportId: reportId,
      benefits: [
        {
          kind,
          ...(kind === 'stmb' ? { months } : {}),
          ...(kind === 'medical-care' ? { claimedAmount } : {}),
        },
      ],
      ...(dateOfDeath === undefined ? {} : { dateOfDeath }),
      ...(hasAccount ? { paymentAccount: account } : {}),
      claimant: claimantOf(values),
      ...(lodgedOn === undefined ? {} : { lodgedOn }),
    });
    const back = `/accident-reports/${reportId}`;
    await this.answer(
      request,
      response,
      page,
      `jkk:${reportId}`,
      values,
      result,
      back,
      (created) => `/claims/${created.claimId}`,
      'jkk.created',
    );
  }

  @Post('scholarships/:entitlementId/applications')
  async applyForScholarship(
    @Param('entitlementId', ANY_UUID) entitlementId: string,
    @Query('claimId', ANY_UUID) claimId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const documents = Object.entries(values)
      .filter(([name, reference]) => name.startsWith('document.') && reference.trim() !== '')
      .map(([name, reference]) => ({
        code: name.slice('document.'.length),
        reference: reference.trim(),
      }));
    const result = await this.claims.scholarshipApplication(page.accessToken, entitlementId, {
      childId: values['childId'] ?? '',
      schoolYear: values['schoolYear'] ?? '',
      level: values['level'] ?? '',
      enrolment: {
        schoolName: values['enrolment.schoolName'] ?? '',
        evidenceReference: values['enrolment.evidenceReference'] ?? '',
      },
      child: {
        married: values['child.married'] === 'true',
        work: { kind: values['child.work.kind'] ?? 'not-working' },
      },
      documents,
      payee: {
        holder: values['payee.holder'] ?? 'guardian',
        fullName: values['payee.fullName'] ?? '',
        bankAccount: {
          bankCode: values['payee.bankAccount.bankCode'] ?? '',
          accountNumber: values['payee.bankAccount.accountNumber'] ?? '',
          accountName: values['payee.bankAccount.accountName'] ?? '',
        },
      },
    });
    const back = `/claims/${claimId}#s-scholarship`;
    await this.answer(
      request,
      response,
      page,
      `scholarship:${entitlementId}`,
      values,
      result,
      back,
      () => back,
      'scholarship.created',
    );
  }

  /** POST → 303 → GET: on success to what was created; on refusal back to the form, values kept. */
  private async answer<T>(
    request: Request,
    response: Response,
    page: SignedInContext,
    formKey: string,
    values: Record<string, string>,
    result: ServiceResult<T>,
    formUrl: string,
    createdUrl: (created: T) => string,
    notice:
      | 'jkm.created'
      | 'accident.created'
      | 'accident.confirmed'
      | 'jkk.created'
      | 'scholarship.created',
  ): Promise<void> {
    if (result.ok) {
      notify(request, 'success', page.t(notice));
      await seeOther(request, response, createdUrl(result.value));
      return;
    }
    await backToForm(
      request,
      response,
      formKey,
      { values, ...formErrorsOf(page.t, result.problem, { codeFields: INTAKE_CODES, values }) },
      formUrl,
    );
  }
}
