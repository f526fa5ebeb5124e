import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { NotFoundError } from '@santunan/audit';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { textFields, type FormState } from '../web/form-state';
import { Page, keepForm, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound, localPath } from '../web/page-exceptions';
import { seeOther, sendPage } from '../web/render';
import {
  AuditExplorer,
  calendarDay,
  isPlausibleId,
  todayInJakarta,
  type ExplainKind,
} from './audit-explorer';
import { AuditStartPage } from './audit-start.page';
import { AuditorGuard } from './auditor-access';
import { ExplanationPage } from './explanation.page';
import { ParticipantAsOfPage } from './participant.page';
import { MAX_REASON_LENGTH, RevealLog } from './reveal-log';
import { grantFor, withGrant } from './reveal-grants';
import { VERIFY_REFRESH_SECONDS, VerifyJobPage } from './verify-job.page';
import { VerifyJobs } from './verify-jobs';

const FORMS = {
  payout: 'audit-explain-payout',
  claim: 'audit-explain-claim',
  asOf: 'audit-as-of',
  reveal: (participantId: string) => `audit-reveal-${participantId}`,
} as const;

function invalid(values: Record<string, string>, field: string, message: string): FormState {
  return { values, fieldErrors: { [field]: [message] }, formError: null };
}

/** A kept form for the GET page, read once; this page's own when it names the same subject. */
function revealFormOf(request: Request, participantId: string | null): FormState {
  return takeForm(request, FORMS.reveal(participantId ?? ''));
}

/**
 * The auditor's pages (issue 13, item 5). They only show: the one thing they write is the
 * reveal log, in the console's own database.
 */
@Controller('audit')
@RequireRoles('auditor')
@UseGuards(AuditorGuard)
export class AuditController {
  constructor(
    @Inject(AuditExplorer) private readonly explorer: AuditExplorer,
    @Inject(VerifyJobs) private readonly jobs: VerifyJobs,
    @Inject(RevealLog) private readonly reveals: RevealLog,
  ) {}

  @Get()
  start(@Page() page: SignedInContext, @Req() request: Request, @Res() response: Response): void {
    sendPage(
      response,
      AuditStartPage({
        page,
        today: todayInJakarta(),
        forms: {
          payout: takeForm(request, FORMS.payout),
          claim: takeForm(request, FORMS.claim),
          asOf: takeForm(request, FORMS.asOf),
        },
      }),
    );
  }

  @Post('explain/payout')
  async explainPayout(
    @Page() page: SignedInContext,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.lookUp(page, request, response, body, 'payout');
  }

  @Post('explain/claim')
  async explainClaim(
    @Page() page: SignedInContext,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.lookUp(page, request, response, body, 'claim');
  }

  private async lookUp(
    page: SignedInContext,
    request: Request,
    response: Response,
    body: unknown,
    kind: ExplainKind,
  ): Promise<void> {
    const field = kind === 'payout' ? 'payoutId' : 'claimId';
    const values = textFields(body);
    const id = (values[field] ?? '').trim();
    if (!isPlausibleId(id)) {
      keepForm(
        request,
        FORMS[kind],
        invalid(values, field, page.t(id === '' ? 'form.required' : 'audit.field.idInvalid')),
      );
      await seeOther(request, response, '/audit');
      return;
    }
    await seeOther(request, response, `/audit/${kind}s/${encodeURIComponent(id)}`);
  }

  @Post('as-of')
  async asOfLookUp(
    @Page() page: SignedInContext,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const participantId = (values['participantId'] ?? '').trim();
    const at = calendarDay(values['at']);
    const fieldErrors: Record<string, string[]> = {};
    if (!isPlausibleId(participantId)) {
      fieldErrors['participantId'] = [
        page.t(participantId === '' ? 'form.required' : 'audit.field.idInvalid'),
      ];
    }
    if (at === null) fieldErrors['at'] = [page.t('audit.field.dateInvalid')];
    if (Object.keys(fieldErrors).length > 0) {
      keepForm(request, FORMS.asOf, { values, fieldErrors, formError: null });
      await seeOther(request, response, '/audit');
      return;
    }
    await seeOther(
      request,
      response,
      `/audit/participants/${encodeURIComponent(participantId)}?at=${at}`,
    );
  }

  @Get('payouts/:payoutId')
  payout(
    @Page() page: SignedInContext,
    @Param('payoutId') payoutId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.explanation(page, request, response, 'payout', payoutId);
  }

  @Get('claims/:claimId')
  claim(
    @Page() page: SignedInContext,
    @Param('claimId') claimId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.explanation(page, request, response, 'claim', claimId);
  }

  private async explanation(
    page: SignedInContext,
    request: Request,
    response: Response,
    kind: ExplainKind,
    id: string,
  ): Promise<void> {
    if (!isPlausibleId(id)) throw new PageNotFound();
    const now = Date.now();
    const grants = request.session.auditReveals;
    const view = await this.found(() =>
      this.explorer.explain(
        kind,
        id,
        (participantId) => grantFor(grants, participantId, now) !== null,
      ),
    );
    const revealRequested =
      view.participantId !== null && grantFor(grants, view.participantId, now) !== null;
    sendPage(
      response,
      ExplanationPage({
        page,
        view,
        revealRequested,
        revealForm: revealFormOf(request, view.participantId),
      }),
    );
  }

  @Post('verify')
  async verify(
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const job = this.jobs.start(page.user.id);
    await seeOther(request, response, `/audit/verify/${job.jobId}`);
  }

  @Get('verify/:jobId')
  verifyJob(
    @Page() page: SignedInContext,
    @Param('jobId') jobId: string,
    @Res() response: Response,
  ): void {
    const job = this.jobs.find(jobId);
    if (job === null) throw new PageNotFound();
    // Refreshes itself while running, without script; a finished job's page stays still.
    if (job.status === 'running') response.setHeader('Refresh', String(VERIFY_REFRESH_SECONDS));
    sendPage(response, VerifyJobPage({ page, job }));
  }

  @Get('participants/:participantId')
  async participant(
    @Page() page: SignedInContext,
    @Param('participantId') participantId: string,
    @Query('at') at: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isPlausibleId(participantId)) throw new PageNotFound();
    const date = at === undefined || at === '' ? todayInJakarta() : calendarDay(at);
    if (date === null) throw new PageNotFound();
    const revealRequested =
      grantFor(request.session.auditReveals, participantId, Date.now()) !== null;
    const [asOf, reveals] = await Promise.all([
      this.found(() => this.explorer.participantAsOf(participantId, date, revealRequested)),
      this.reveals.ofParticipant(participantId),
    ]);
    sendPage(
      response,
      ParticipantAsOfPage({
        page,
        asOf,
        revealRequested,
        revealForm: revealFormOf(request, participantId),
        dateForm: takeForm(request, FORMS.asOf),
        reveals,
      }),
    );
  }

  /** Records who revealed whom, when and why, then opens the data in this session for a while. */
  @Post('participants/:participantId/reveal')
  async reveal(
    @Page() page: SignedInContext,
    @Param('participantId') participantId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isPlausibleId(participantId)) throw new PageNotFound();
    const values = textFields(body);
    const back = localPath(
      values['returnTo'],
      `/audit/participants/${encodeURIComponent(participantId)}`,
    );
    const reason = (values['reason'] ?? '').trim();
    if (reason === '' || reason.length > MAX_REASON_LENGTH) {
      keepForm(
        request,
        FORMS.reveal(participantId),
        invalid(
          values,
          'reason',
          reason === ''
            ? page.t('audit.reveal.reasonRequired')
            : page.t('audit.reveal.reasonTooLong', { max: MAX_REASON_LENGTH }),
        ),
      );
      await seeOther(request, response, back);
      return;
    }
    // Only a participant the stores know is revealed (and logged).
    await this.found(() => this.explorer.participantAsOf(participantId, todayInJakarta(), false));
    const recorded = await this.reveals.record({
      auditorId: page.user.id,
      auditorName: page.user.name,
      participantId,
      reason,
    });
    request.session.auditReveals = withGrant(
      request.session.auditReveals,
      participantId,
      recorded.revealId,
      Date.now(),
    );
    notify(request, 'success', page.t('audit.reveal.done'));
    await seeOther(request, response, back);
  }

  private async found<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof NotFoundError) throw new PageNotFound();
      throw error;
    }
  }
}
