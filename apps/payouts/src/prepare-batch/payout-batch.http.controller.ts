import type { ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  DomainRejectedError,
  OffsetPageQuery,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { BatchListResponse } from '../payout-view/payout-view.dto';
import { PayoutViewReader } from '../payout-view/payout-view.reader';
import { batchNotFound } from '../shared/payouts-rejections';
import { BankFileReader } from './bank-file.reader';
import { PrepareBatchHandler } from './prepare-batch.handler';
import {
  BatchIdParams,
  CreatePayoutBatchDto,
  PayoutBatchDetailResponse,
  PayoutBatchResponse,
} from './payout-batch.dto';

export class BatchListQuery extends OffsetPageQuery({ defaultLimit: 50, maxLimit: 500 }) {}

@ApiTag('payout batches', 'Scheduled payouts handed to the bank as a batch, and its bank file.')
@Controller('payout-batches')
export class PayoutBatchController {
  constructor(
    @Inject(PrepareBatchHandler) private readonly handler: PrepareBatchHandler,
    @Inject(PayoutViewReader) private readonly payouts: PayoutViewReader,
    @Inject(BankFileReader) private readonly bankFiles: BankFileReader,
  ) {}

  @Post()
  @Roles('finance')
  @ApiOperation({
    summary: 'Prepare a bank batch of the scheduled payouts',
    description:
      'Locks every scheduled payout (or those named, or of one program) into a new batch ' +
      '(PayoutBatched per payout, PayoutBatchPrepared) and names its bank file. Nothing is ' +
      'instructed until a finance officer marks the batch as handed to the bank ' +
      '(POST /payout-batches/{batchId}/instructed, ADR 0035). ' +
      'Idempotent with a batchId: the same id answers 200 with the batch as first created.',
  })
  @ApiCreatedResponse({ type: PayoutBatchResponse })
  @ApiOkResponse({ type: PayoutBatchResponse, description: 'The batch existed already.' })
  // BATCH_EMPTY: nothing scheduled; BATCH_ALREADY_PREPARED: the id names another batch.
  @ApiProblems({ 409: 'BATCH_ALREADY_PREPARED', 422: 'BATCH_EMPTY' })
  async create(
    @Body() body: CreatePayoutBatchDto,
    @RequestCause() cause: CommandCause,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PayoutBatchResponse> {
    const batch = await this.handler.prepare(
      {
        batchId: body.batchId,
        payoutIds: body.payoutIds,
        program: body.program,
        limit: body.limit ?? 1000,
      },
      { ...cause, causationId: null },
    );
    if (!batch.created) response.statusCode = HttpStatus.OK;
    return { ...batch, payouts: [...batch.payouts] };
  }

  @Get()
  @Roles('finance', 'auditor')
  @ApiOperation({
    summary: 'The batches, newest first: prepared, instructed (with whom and when) or settled',
  })
  @ApiOkResponse({ type: BatchListResponse })
  async list(@Query() query: BatchListQuery): Promise<BatchListResponse> {
    const page = await this.payouts.batches({ limit: query.limit, offset: query.offset });
    return { items: [...page.items], total: page.total };
  }

  @Get(':batchId')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'A batch and where each of its payouts stands' })
  @ApiOkResponse({ type: PayoutBatchDetailResponse })
  @ApiProblems({ 404: 'BATCH_NOT_FOUND' })
  async get(@Param() params: BatchIdParams): Promise<PayoutBatchDetailResponse> {
    const batch = await this.payouts.batch(params.batchId);
    if (batch === undefined) throw new DomainRejectedError(batchNotFound(params.batchId));
    return { ...batch, payouts: [...batch.payouts] };
  }

  @Get(':batchId/file')
  @Roles('finance')
  @ApiOperation({
    summary: 'The bank file of a batch (CSV)',
    description:
      'RFC 4180 CSV, one credit transfer per line with the account as put in this batch. ' +
      'X-Batch-Count and X-Batch-Total (whole rupiah) carry the control totals.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file.',
    schema: { type: 'string' },
    headers: {
      'X-Batch-Count': {
        description: 'Credit transfers in the file.',
        schema: { type: 'integer' },
      },
      'X-Batch-Total': { description: 'Their sum, whole rupiah.', schema: { type: 'integer' } },
    },
  })
  // PERSONAL_DATA_ERASED: an account can no longer be read (with payoutIds).
  @ApiProblems({ 404: 'BATCH_NOT_FOUND', 409: 'PERSONAL_DATA_ERASED' })
  async file(
    @Param() params: BatchIdParams,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<string> {
    const file = accepted(await this.bankFiles.read(params.batchId));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.setHeader('X-Batch-Count', String(file.count));
    response.setHeader('X-Batch-Total', String(file.total));
    return file.content;
  }
}
