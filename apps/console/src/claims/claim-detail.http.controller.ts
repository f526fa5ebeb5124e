import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { PeopleDirectory } from '../people/people-directory';
import { ClaimsApi, type RejectionBody } from '../services/claims.api';
import { ContributionsApi, EnrollmentApi, PayoutsApi } from '../services/participants.api';
import type { ServiceResult } from '../services/service-client';
import { EMPTY_FORM, repeatedField, textFields, type FormState } from '../web/form-state';
import { Page, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { formErrorsOf, problemMessage, type CodeFields } from '../web/problem-messages';
import { backToForm, seeOther, sendPage } from '../web/render';
import { ClaimDetailPage, type Section } from './claim-detail.page';

const UUID = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new PageNotFound() });
const ANY_UUID = new ParseUUIDPipe({ exceptionFactory: () => new PageNotFound() });

function section<T>(page: SignedInContext, result: ServiceResult<T>): Section<T> {
  return result.ok
    ? { value: result.value }
    : { unavailable: problemMessage(page.t, result.problem) };
}

const formKey = (claimId: string, form: string): string => `claim:${claimId}:${form}`;

/** Where the service's own refusals belong on the claim page's forms. */
const DOCUMENT_CODES: CodeFields = {
  DOCUMENT_REFERENCE_MISSING: 'reference',
  DOCUMENT_DATE_INVALID: 'receivedOn',
  DOCUMENTS_REQUEST_EMPTY: 'documents',
};
/** The request form names its note `requestNote`: the page has other notes. */
const REQUEST_CODES: CodeFields = { ...DOCUMENT_CODES, REASON_REQUIRED: 'requestNote' };
const PROPOSAL_CODES: CodeFields = {
  PAYEE_CONSENT_MISSING: 'consentsGivenBy',
};
const SEND_BACK_CODES: CodeFields = { REASON_REQUIRED: 'reason' };
const REJECTION_CODES: CodeFields = { REASON_REQUIRED: 'note', REASON_CODE_INVALID: 'reasonCode' };

/** A claim with everything the office needs to decide it, and the forms that act on it. */
@Controller('claims/:claimId')
export class ClaimDetailController {
  constructor(
    @Inject(ClaimsApi) private readonly claims: ClaimsApi,
    @Inject(EnrollmentApi) private readonly enrollment: EnrollmentApi,
    @Inject(ContributionsApi) private readonly contributions: ContributionsApi,
    @Inject(PayoutsApi) private readonly payouts: PayoutsApi,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
  ) {}

  @Get()
  @RequireRoles('claims-officer', 'claims-supervisor', 'auditor')
  async detail(
    @Param('claimId', ANY_UUID) claimId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = page.accessToken;
    const claim = await this.claims.claim(token, claimId);
    if (!claim.ok) {
      if (claim.problem.status === 404) throw new PageNotFound();
      notify(request, 'error', problemMessage(page.t, claim.problem));
      await seeOther(request, response, '/claims');
      return;
    }
    const { participantId, status } = claim.value;
    const decided = status === 'approved';
    const detail = claim.value;
    const [participant, coverage, chain, payouts, people] = await Promise.all([
      this.enrollment.profile(token, participantId),
      this.contributions.coverage(token, participantId),
      this.claims.verifyChain(token, claimId),
      decided ? this.payouts.ofClaim(token, claimId) : Promise.resolve(null),
      this.people.namesOf([
        detail.submittedBy,
        detail.decision?.proposedBy,
        detail.decision?.approval?.checkerId,
        detail.proposal?.proposedBy,
        detail.rejection?.rejectedBy,
        ...detail.timeline.map((entry) => entry.actor.id),
      ]),
    ]);
    sendPage(
      response,
      ClaimDetailPage({
        page,
        claim: claim.value,
        today: todayInJakarta(),
        participant: section(page, participant),
        coverage: section(page, coverage),
        chain: section(page, chain),
        people,
        payouts:
          payouts === null
            ? null
            : payouts.ok
              ? { value: payouts.value.items }
              : { unavailable: problemMessage(page.t, payouts.problem) },
        forms: {
          recordDocument: takeForm(request, formKey(claimId, 'record')),
          requestDocuments: takeForm(request, formKey(claimId, 'request')),
          propose: takeForm(request, formKey(claimId, 'propose')),
          approve: takeForm(request, formKey(claimId, 'approve')),
          sendBack: takeForm(request, formKey(claimId, 'send-back')),
          reject: takeForm(request, formKey(claimId, 'reject')),
          rejectProposal: takeForm(request, formKey(claimId, 'reject-proposal')),
          scholarship:
            claim.value.scholarshipEntitlementId === null
              ? EMPTY_FORM
              : takeForm(request, `scholarship:${claim.value.scholarshipEntitlementId}`),
        },
      }),
    );
  }

  @Post('documents')
  async recordDocument(
    @Param('claimId', ANY_UUID) claimId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const result = await this.settled(page, claimId, () =>
      this.claims.recordDocument(page.accessToken, claimId, {
        document: values['document'] ?? '',
        reference: (values['reference'] ?? '').trim(),
        ...(values['receivedOn'] ? { receivedOn: values['receivedOn'] } : {}),
      }),
    );
    await this.answer(
      request,
      response,
      page,
      claimId,
      'record',
      values,
      result,
      DOCUMENT_CODES,
      's-documents',
      'documents.recorded',
    );
  }

  @Post('document-requests')
  async requestDocuments(
    @Param('claimId', ANY_UUID) claimId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const documents = repeatedField(body, 'documents');
    const kept = { ...values, documents: documents.join(',') };
    const note = (values['requestNote'] ?? '').trim();
    const missing: Record<string, string[]> = {};
    if (documents.length === 0) missing['documents'] = [page.t('documents.chooseOne')];
    if (note === '') missing['requestNote'] = [page.t('form.required')];
    if (Object.keys(missing).length > 0) {
      await this.refuse(
        request,
        response,
        claimId,
        'request',
        { values: kept, fieldErrors: missing, formError: null },
        's-documents',
      );
      return;
    }
    const result = await this.settled(page, claimId, () =>
      this.claims.requestDocuments(page.accessToken, claimId, {
        documents,
        note,
      }),
    );
    await this.answer(
      request,
      response,
      page,
      claimId,
      'request',
      kept,
      result,
      REQUEST_CODES,
      's-documents',
      'documents.requestedNotice',
    );
  }

  @Post('proposal')
  async propose(
    @Param('claimId', ANY_UUID) claimId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const consents = repeatedField(body, 'consentsGivenBy');
    const payee = values['nominatedPayeeId'] ?? '';
    const result = await this.settled(page, claimId, () =>
      this.claims.propose(page.accessToken, claimId, {
        ...(payee === '' ? {} : { nominatedPayeeId: payee }),
        ...(consents.length === 0 ? {} : { consentsGivenBy: consents }),
      }),
    );
    const kept = { ...values, consentsGivenBy: consents.join(',') };
    if (result.ok) {
      const outcome = result.value.status;
      notify(
        request,
        outcome === 'rejected' ? 'error' : 'success',
        page.t(outcome === 'rejected' ? 'decision.proposedRejected' : 'decision.proposedNotice', {
          status: page.t(`status.${outcome}`),
        }),
      );
      await seeOther(request, response, `/claims/${claimId}#s-decision`);
      return;
    }
    await this.refuse(
      request,
      response,
      claimId,
      'propose',
      {
        values: kept,
        ...formErrorsOf(page.t, result.problem, { codeFields: PROPOSAL_CODES, values: kept }),
      },
      's-decision',
    );
  }

  @Post('decisions/:decisionId/approval')
  async approve(
    @Param('claimId', ANY_UUID) claimId: string,
    @Param('decisionId', UUID) decisionId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.settled(page, claimId, () =>
      this.claims.approve(page.accessToken, claimId, decisionId),
    );
    // Approving a proposed rejection confirms it: the claim ends rejected.
    const confirmedRejection = result.ok && result.value.status === 'rejected';
    await this.answer(
      request,
      response,
      page,
      claimId,
      'approve',
      {},
      result,
      {},
      's-decision',
      confirmedRejection ? 'decision.rejectionConfirmedNotice' : 'decision.approvedNotice',
    );
  }

  @Post('decisions/:decisionId/send-back')
  async sendBack(
    @Param('claimId', ANY_UUID) claimId: string,
    @Param('decisionId', UUID) decisionId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const reason = (values['reason'] ?? '').trim();
    if (reason === '') {
      // Refused here as well as by the service: a return without its reason is never sent.
      await this.refuse(
        request,
        response,
        claimId,
        'send-back',
        { values, fieldErrors: { reason: [page.t('decision.reasonRequired')] }, formError: null },
        's-decision',
      );
      return;
    }
    const result = await this.settled(page, claimId, () =>
      this.claims.sendBack(page.accessToken, claimId, decisionId, reason),
    );
    await this.answer(
      request,
      response,
      page,
      claimId,
      'send-back',
      values,
      result,
      SEND_BACK_CODES,
      's-decision',
      'decision.sentBackNotice',
    );
  }

  @Post('rejection')
  async reject(
    @Param('claimId', ANY_UUID) claimId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.rejection(
      request,
      response,
      page,
      claimId,
      'reject',
      body,
      'decision.rejectionProposedNotice',
      (rejection) => this.claims.proposeRejection(page.accessToken, claimId, rejection),
    );
  }

  @Post('decisions/:decisionId/rejection')
  async rejectProposal(
    @Param('claimId', ANY_UUID) claimId: string,
    @Param('decisionId', UUID) decisionId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.rejection(
      request,
      response,
      page,
      claimId,
      'reject-proposal',
      body,
      'decision.rejectedNotice',
      (rejection) => this.claims.rejectProposal(page.accessToken, claimId, decisionId, rejection),
    );
  }

  /**
   * A rejection needs its reason code and its note: an empty one is refused here, next to its
   * field, before the service is asked (which refuses it too, for any other client).
   */
  private async rejection(
    request: Request,
    response: Response,
    page: SignedInContext,
    claimId: string,
    form: 'reject' | 'reject-proposal',
    body: unknown,
    success: 'decision.rejectionProposedNotice' | 'decision.rejectedNotice',
    send: (rejection: RejectionBody) => Promise<ServiceResult<unknown>>,
  ): Promise<void> {
    const values = textFields(body);
    const reasonCode = values['reasonCode'] ?? '';
    const note = (values['note'] ?? '').trim();
    const missing: Record<string, string[]> = {};
    if (reasonCode === '') missing['reasonCode'] = [page.t('decision.reasonCodeRequired')];
    if (note === '') missing['note'] = [page.t('decision.rejectionNoteRequired')];
    if (Object.keys(missing).length > 0) {
      await this.refuse(
        request,
        response,
        claimId,
        form,
        { values, fieldErrors: missing, formError: null },
        's-decision',
      );
      return;
    }
    const result = await this.settled(page, claimId, () => send({ reasonCode, note }));
    await this.answer(
      request,
      response,
      page,
      claimId,
      form,
      values,
      result,
      REJECTION_CODES,
      's-decision',
      success,
    );
  }

  /**
   * Runs a command and, when it succeeds, waits briefly until the claim's read models show it:
   * the page after the redirect then shows the claim as the command left it (read your writes),
   * not a moment before. The wait ends after about two seconds whatever happens.
   */
  private async settled<T>(
    page: SignedInContext,
    claimId: string,
    run: () => Promise<ServiceResult<T>>,
  ): Promise<ServiceResult<T>> {
    const before = await this.claims.claim(page.accessToken, claimId);
    const result = await run();
    if (!result.ok || !before.ok) return result;
    const was = { events: before.value.timeline.length, updatedAt: before.value.updatedAt };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const now = await this.claims.claim(page.accessToken, claimId);
      if (!now.ok) break;
      if (now.value.timeline.length > was.events && now.value.updatedAt !== was.updatedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return result;
  }

  /** POST → 303 → GET: success is a notice; a refusal is kept for the form to show. */
  private async answer(
    request: Request,
    response: Response,
    page: SignedInContext,
    claimId: string,
    form: string,
    values: Record<string, string>,
    result: ServiceResult<unknown>,
    codeFields: CodeFields,
    anchor: string,
    success:
      | 'documents.recorded'
      | 'documents.requestedNotice'
      | 'decision.approvedNotice'
      | 'decision.rejectionConfirmedNotice'
      | 'decision.sentBackNotice'
      | 'decision.rejectionProposedNotice'
      | 'decision.rejectedNotice',
  ): Promise<void> {
    if (result.ok) {
      notify(request, 'success', page.t(success));
      await seeOther(request, response, `/claims/${claimId}#${anchor}`);
      return;
    }
    await this.refuse(
      request,
      response,
      claimId,
      form,
      { values, ...formErrorsOf(page.t, result.problem, { codeFields, values }) },
      anchor,
    );
  }

  private async refuse(
    request: Request,
    response: Response,
    claimId: string,
    form: string,
    state: FormState,
    anchor: string,
  ): Promise<void> {
    await backToForm(
      request,
      response,
      formKey(claimId, form),
      state,
      `/claims/${claimId}#${anchor}`,
    );
  }
}

/** Today in Asia/Jakarta (UTC+7, no daylight saving), for the contribution strip. */
export function todayInJakarta(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
