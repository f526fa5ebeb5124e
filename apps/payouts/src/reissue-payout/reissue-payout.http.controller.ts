import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  CorrelationId,
  CurrentActor,
  DomainRejectedError,
  Roles,
  type Actor,
} from '@santunan/platform';
import { PAYOUTS_SERVICES } from '../http/services.provider';
import type { PayoutsServices } from '../payouts/payouts-services';
import { payoutNotFound } from '../shared/payouts-rejections';
import { PayoutIdParams } from '../payout-view/payout-view.dto';
import type { PayoutCommandOutcome } from './reissue-payout.use-case';
import {
  PayoutChangeResponse,
  ReissueRequestParams,
  ReissueRequestedResponse,
  RequestReissueDto,
} from './reissue-payout.dto';

/** The outcome of a command on one payout, as the HTTP edge answers it. */
export function payoutChange(
  payoutId: string,
  outcome: PayoutCommandOutcome,
): PayoutChangeResponse {
  if (outcome.kind === 'not-found') throw new DomainRejectedError(payoutNotFound(payoutId));
  const result = accepted(outcome.result);
  return {
    payoutId,
    status: result.state.status,
    changed: result.events.length > 0,
    version: result.version,
  };
}

@ApiTags('payouts')
@Controller('payouts/:payoutId/reissue-requests')
export class ReissuePayoutController {
  constructor(@Inject(PAYOUTS_SERVICES) private readonly services: PayoutsServices) {}

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
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ReissueRequestedResponse> {
    const requestId = body.requestId ?? this.services.runtime.ids.next();
    const outcome = await this.services.reissuePayout.request(
      params.payoutId,
      {
        requestId,
        bankAccount: { ...body.bankAccount },
        reason: body.reason,
      },
      { actor, correlationId, causationId: null },
    );
    return { ...payoutChange(params.payoutId, outcome), requestId };
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
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<PayoutChangeResponse> {
    const outcome = await this.services.reissuePayout.approve(params.payoutId, params.requestId, {
      actor,
      correlationId,
      causationId: null,
    });
    return payoutChange(params.payoutId, outcome);
  }
}
