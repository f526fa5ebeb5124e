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
import { repeatedField, textFields } from '../web/form-state';
import { Page, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { formErrorsOf, problemMessage } from '../web/problem-messages';
import { backToForm, seeOther, sendPage } from '../web/render';
import { FinanceApi } from './finance.api';
import { financeProblem } from './finance-problems';
import { BATCHES_PAGE_SIZE, BatchListPage, BatchPage } from './finance.pages';

const ANY_UUID = new ParseUUIDPipe();
const NEW_BATCH_FORM = 'finance-batch:new';
const markForm = (batchId: string): string => `finance-batch:${batchId}:instructed`;
/** The service's refusals of a mark that concern the reference the officer typed. */
const REFERENCE_PROBLEMS = new Set([
  'BATCH_BANK_REFERENCE_CONFLICT',
  'BATCH_BANK_REFERENCE_INVALID',
]);
/** Scheduled payouts offered for selection on the batches page (oldest first, as listed). */
const SCHEDULED_SHOWN = 100;

/**
 * Bank batches (ADR 0035): scheduled payouts put into a prepared batch, its bank file, and the
 * officer's mark that the file was handed to the bank; each batch's payouts.
 */
@Controller('finance/batches')
@RequireRoles('finance')
export class FinanceBatchesController {
  constructor(
    @Inject(FinanceApi) private readonly finance: FinanceApi,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
  ) {}

  @Get()
  async list(
    @Page() page: SignedInContext,
    @Query('page') pageParam: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const number = Number(pageParam);
    const current = Number.isInteger(number) && number >= 1 && number <= 10_000 ? number : 1;
    const [batches, scheduled] = await Promise.all([
      this.finance.batches(page.accessToken, {
        limit: BATCHES_PAGE_SIZE,
        offset: (current - 1) * BATCHES_PAGE_SIZE,
      }),
      this.finance.payouts(page.accessToken, {
        status: 'scheduled',
        limit: SCHEDULED_SHOWN,
        offset: 0,
      }),
    ]);
    const failure = !batches.ok ? batches.problem : !scheduled.ok ? scheduled.problem : null;
    sendPage(
      response,
      BatchListPage({
        page,
        batches: batches.ok ? batches.value : null,
        scheduled: scheduled.ok ? scheduled.value : null,
        current,
        form: takeForm(request, NEW_BATCH_FORM),
        error: failure === null ? null : problemMessage(page.t, failure),
      }),
    );
  }

  /** The selected scheduled payouts (or all of them) become one prepared batch. */
  @Post()
  async create(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const scope = textFields(body)['scope'];
    const payoutIds = repeatedField(body, 'payoutIds');
    if (scope !== 'all' && payoutIds.length === 0) {
      await backToForm(
        request,
        response,
        NEW_BATCH_FORM,
        {
          values: {},
          fieldErrors: {},
          formError: page.t('finance.batches.noneSelected'),
        },
        '/finance/batches',
      );
      return;
    }
    const result = await this.finance.createBatch(page.accessToken, {
      batchId: randomUUID(),
      ...(scope === 'all' ? {} : { payoutIds }),
    });
    if (!result.ok) {
      await backToForm(
        request,
        response,
        NEW_BATCH_FORM,
        {
          values: {},
          fieldErrors: {},
          formError: financeProblem(page.t, result.problem),
        },
        '/finance/batches',
      );
      return;
    }
    notify(
      request,
      'success',
      page.t('finance.batches.createdNotice', { count: result.value.payouts.length }),
    );
    await seeOther(request, response, `/finance/batches/${result.value.batchId}`);
  }

  @Get(':batchId')
  async batch(
    @Param('batchId', ANY_UUID) batchId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.finance.batch(page.accessToken, batchId);
    if (!result.ok) {
      if (result.problem.status === 404) throw new PageNotFound();
      notify(request, 'error', problemMessage(page.t, result.problem));
      await seeOther(request, response, '/finance/batches');
      return;
    }
    const { preparedBy, instructedBy } = result.value;
    const people = await this.people.namesOf(
      [preparedBy, instructedBy].filter((id): id is string => id !== null),
    );
    sendPage(
      response,
      BatchPage({
        page,
        batch: result.value,
        people,
        form: takeForm(request, markForm(batchId)),
      }),
    );
  }

  /** The officer marks the batch's file as handed to the bank, with the bank's reference if any. */
  @Post(':batchId/instructed')
  async markInstructed(
    @Param('batchId', ANY_UUID) batchId: string,
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const values = textFields(body);
    const bankReference = (values['bankReference'] ?? '').trim();
    const result = await this.finance.markInstructed(
      page.accessToken,
      batchId,
      bankReference === '' ? {} : { bankReference },
    );
    if (result.ok) {
      notify(request, 'success', page.t('finance.batch.markedNotice'));
      await seeOther(request, response, `/finance/batches/${batchId}`);
      return;
    }
    if (result.problem.status === 404) throw new PageNotFound();
    const kept = { bankReference: values['bankReference'] ?? '' };
    const errors = REFERENCE_PROBLEMS.has(result.problem.code)
      ? {
          fieldErrors: { bankReference: [financeProblem(page.t, result.problem)] },
          formError: null,
        }
      : formErrorsOf(page.t, result.problem, { values: kept });
    await backToForm(
      request,
      response,
      markForm(batchId),
      {
        values: kept,
        fieldErrors: errors.fieldErrors,
        formError:
          errors.formError !== null && result.problem.errors.length === 0
            ? financeProblem(page.t, result.problem)
            : errors.formError,
      },
      `/finance/batches/${batchId}#s-mark`,
    );
  }

  /** The bank file as the payouts service wrote it, downloaded as a CSV attachment. */
  @Get(':batchId/file')
  async file(
    @Param('batchId', ANY_UUID) batchId: string,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.finance.bankFile(page.accessToken, batchId);
    if (!result.ok) {
      if (result.problem.status === 404) throw new PageNotFound();
      notify(request, 'error', financeProblem(page.t, result.problem));
      await seeOther(request, response, `/finance/batches/${batchId}`);
      return;
    }
    const { fileName, content, count, total } = result.value;
    const safeName = /^[A-Za-z0-9._-]+$/.test(fileName) ? fileName : `${batchId}.csv`;
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${safeName}"`)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Content-Type-Options', 'nosniff');
    if (count !== null) response.setHeader('X-Batch-Count', count);
    if (total !== null) response.setHeader('X-Batch-Total', total);
    response.send(content);
  }
}
