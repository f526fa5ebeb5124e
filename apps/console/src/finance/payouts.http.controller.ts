import { randomUUID } from 'node:crypto';
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
import { PeopleDirectory } from '../people/people-directory';
import type { ServiceResult } from '../services/service-client';
import { textFields } from '../web/form-state';
import { Page, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { formErrorsOf, problemMessage } from '../web/problem-messages';
import { backToForm, seeOther, sendPage } from '../web/render';
import { FinanceApi, type PayoutListQuery } from './finance.api';
import { financeProblem } from './finance-problems';
import { PayoutListPage, PayoutPage } from './finance.pages';
import { payoutFiltersOf, payoutQueryOf } from './payout-filters';

const UUID = new ParseUUIDPipe({ version: '4' });
const ANY_UUID = new ParseUUIDPipe();

function countOf(result: ServiceResult<{ total: number }>): number | null {
  return result.ok ? result.value.total : null;
}

const formKey = (payoutId: string, form: 'request' | 'approve'): string =>
  `finance-payout:${payoutId}:${form}`;

/** Payouts: the list with its filters and counts, one payout's lifecycle, reissue maker–checker. */
@Controller('finance/payouts')
@RequireRoles('finance')
export class FinancePayoutsController {
  constructor(
    @Inject(FinanceApi) private readonly finance: FinanceApi,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
  ) {}

  @Get()
  async list(
    @Page() page: SignedInContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const filters = payoutFiltersOf(query);
    const base = payoutQueryOf(filters);
    // The counts keep the other filters and ask for one row: the service counts, not the page.
    const count = (change: Partial<PayoutListQuery>) => {
      const { status: _status, reissuePending: _pending, ...rest } = base;
      return this.finance.payouts(page.accessToken, { ...rest, ...change, limit: 1, offset: 0 });
    };
    const [result, scheduled, failed, reissuePending] = await Promise.all([
      this.finance.payouts(page.accessToken, base),
      count({ status: 'scheduled' }),
      count({ status: 'failed' }),
      count({ reissuePending: true }),
    ]);
    sendPage(
      response,
      PayoutListPage({
        page,
        filters,
        result: result.ok ? result.value : null,
        counts: {
          scheduled: countOf(scheduled),
          failed: countOf(failed),
          reissuePending: countOf(reissuePending),
        },
        error: result.ok ? null : problemMessage(page.t, result.problem),
      }),
    );
  }

  @Get(':payoutId')
  async payout(
    @Param('payoutId', ANY_UUID) payoutId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.finance.payout(page.accessToken, payoutId);
    if (!result.ok) {
      if (result.problem.status === 404) throw new PageNotFound();
      notify(request, 'error', problemMessage(page.t, result.problem));
      await seeOther(request, response, '/finance/payouts');
      return;
    }
    const { payout, history } = result.value;
    const people = await this.people.namesOf([
      ...history.map((entry) => entry.actor),
      payout.pendingReissue?.requestedBy,
    ]);
    sendPage(
      response,
      PayoutPage({
        page,
        payout,
        history,
        people,
        forms: {
          request: takeForm(request, formKey(payoutId, 'request')),
          approve: takeForm(request, formKey(payoutId, 'approve')),
        },
      }),
    );
  }

  /** Maker: the corrected account and why; a second finance officer must approve it. */
  @Post(':payoutId/reissue-requests')
  async requestReissue(
    @Param('payoutId', ANY_UUID) payoutId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const field = (name: string) => (values[name] ?? '').trim();
    const result = await this.finance.requestReissue(page.accessToken, payoutId, {
      requestId: randomUUID(),
      bankAccount: {
        bankCode: field('bankAccount.bankCode'),
        accountNumber: field('bankAccount.accountNumber'),
        accountName: field('bankAccount.accountName'),
      },
      reason: field('reason'),
    });
    if (result.ok) {
      notify(request, 'success', page.t('finance.reissue.requestedNotice'));
      await seeOther(request, response, `/finance/payouts/${payoutId}#s-reissue`);
      return;
    }
    const errors = formErrorsOf(page.t, result.problem, { values });
    await backToForm(
      request,
      response,
      formKey(payoutId, 'request'),
      {
        values,
        fieldErrors: errors.fieldErrors,
        // A refusal of the whole request (not reissuable, already requested) in finance's words.
        formError:
          errors.formError !== null && result.problem.errors.length === 0
            ? financeProblem(page.t, result.problem)
            : errors.formError,
      },
      `/finance/payouts/${payoutId}#s-reissue`,
    );
  }

  /** Checker: another finance officer than the maker (the service refuses the maker). */
  @Post(':payoutId/reissue-requests/:requestId/approval')
  async approveReissue(
    @Param('payoutId', ANY_UUID) payoutId: string,
    @Param('requestId', UUID) requestId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.finance.approveReissue(page.accessToken, payoutId, requestId);
    if (result.ok) {
      notify(request, 'success', page.t('finance.reissue.approvedNotice'));
      await seeOther(request, response, `/finance/payouts/${payoutId}`);
      return;
    }
    await backToForm(
      request,
      response,
      formKey(payoutId, 'approve'),
      {
        values: {},
        fieldErrors: {},
        formError: financeProblem(page.t, result.problem),
      },
      `/finance/payouts/${payoutId}#s-reissue`,
    );
  }
}
