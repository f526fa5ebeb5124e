import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { PayoutIdParams } from '../payout-view/payout-view.dto';
import type { PayoutCommandResult } from '../shared/payout-streams.repository';
import {
  PayoutChangeResponse,
  ReissueRequestParams,
  ReissueRequestedResponse,
  RequestReissueDto,
} from './reissue-payout.dto';
import { ReissuePayoutHandler } from './reissue-payout.handler';

/** The outcome of a command on one payout, as the HTTP edge answers it. */
export function payoutChange(payoutId: string, result: PayoutCommandResult): PayoutChangeResponse {
  const { state, events, version } = accepted(result);
  return { payoutId, status: state.status, changed: events.length > 0, version };
}

@ApiTags('payouts')
@Controller('payouts/:payoutId/reissue-requests')
export class ReissuePayoutController {
  constructor(@Inject(ReissuePayoutHandler) private readonly handler: ReissuePayoutHandler) {}

  @Post()
  @Roles('finance')
  @ApiOperation({
    summary: 'Ask to pay a failed or returned payout into a corrected account (maker)',
    description:
      'Another finance officer must approve it before the payout goes into a batch again.',
  })
  @ApiCreatedResponse({ type: ReissueRequestedResponse })
  @ApiProblems({
    404: 'PAYOUT_NOT_FOUND',
    409: ['PAYOUT_NOT_REISSUABLE', 'REISSUE_ALREADY_REQUESTED'],
    422: 'BANK_ACCOUNT_INVALID',
  })
  async request(
    @Param() params: PayoutIdParams,
    @Body() body: RequestReissueDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ReissueRequestedResponse> {
    const { requestId, result } = await this.handler.request(
      params.payoutId,
      {
        requestId: body.requestId,
        bankAccount: { ...body.bankAccount },
        reason: body.reason,
      },
      { ...cause, causationId: null },
    );
    return { ...payoutChange(params.payoutId, result), requestId };
  }

  @Post(':requestId/approval')
  @HttpCode(HttpStatus.OK)
  @Roles('finance')
  @ApiOperation({
    summary: 'Approve a reissue (checker: not the maker)',
    description: 'The payout is scheduled again, to the corrected account, for the next batch.',
  })
  @ApiOkResponse({ type: PayoutChangeResponse })
  @ApiProblems({
    403: 'REISSUE_SAME_PERSON',
    404: ['PAYOUT_NOT_FOUND', 'REISSUE_REQUEST_NOT_FOUND'],
    409: 'PAYOUT_NOT_REISSUABLE',
  })
  async approve(
    @Param() params: ReissueRequestParams,
    @RequestCause() cause: CommandCause,
  ): Promise<PayoutChangeResponse> {
    const { actor, correlationId } = cause;
    const result = await this.handler.approve(params.payoutId, params.requestId, {
      actor,
      correlationId,
      causationId: null,
    });
    return payoutChange(params.payoutId, result);
  }
}
