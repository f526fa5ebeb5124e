import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { BatchIdParams } from '../prepare-batch/payout-batch.dto';
import { MarkBatchInstructedHandler } from './mark-batch-instructed.handler';
import { InstructedBatchResponse, MarkBatchInstructedDto } from './mark-batch-instructed.dto';

@ApiTag('payout batches', 'Scheduled payouts handed to the bank as a batch, and its bank file.')
@Controller('payout-batches')
export class MarkBatchInstructedController {
  constructor(
    @Inject(MarkBatchInstructedHandler) private readonly handler: MarkBatchInstructedHandler,
  ) {}

  @Post(':batchId/instructed')
  @Roles('finance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark a prepared batch as handed to the bank',
    description:
      'The finance officer says the batch’s file is with the bank (uploaded to its portal, sent ' +
      'host-to-host). Each payout of the batch is instructed (PayoutInstructed) and the batch ' +
      '(PayoutBatchInstructed, and PayoutBatchBankReferenceRecorded with a reference); only then ' +
      'are the bank’s settlement reports for it accepted. Marking again changes nothing and may ' +
      'add a reference the first mark lacked (ADR 0035).',
  })
  @ApiOkResponse({ type: InstructedBatchResponse })
  @ApiProblems({
    404: 'BATCH_NOT_FOUND',
    409: 'BATCH_BANK_REFERENCE_CONFLICT',
    422: 'BATCH_BANK_REFERENCE_INVALID',
  })
  async mark(
    @Param() params: BatchIdParams,
    @Body() body: MarkBatchInstructedDto,
    @RequestCause() cause: CommandCause,
  ): Promise<InstructedBatchResponse> {
    const { batch, changed } = accepted(
      await this.handler.mark(
        { batchId: params.batchId, bankReference: body.bankReference ?? null },
        { ...cause, causationId: null },
      ),
    );
    return {
      batchId: batch.batchId,
      status: 'instructed',
      changed,
      count: batch.count,
      total: batch.total,
      fileName: batch.fileName,
      preparedBy: batch.preparedBy,
      preparedOn: batch.preparedOn,
      instructedBy: batch.instructedBy,
      instructedOn: batch.instructedOn,
      bankReference: batch.bankReference,
      payouts: [...batch.payouts],
    };
  }
}
