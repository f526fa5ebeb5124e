import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PayoutIdParams } from '../payout-view/payout-view.dto';
import { PayoutChangeResponse } from '../reissue-payout/reissue-payout.dto';
import { payoutChange } from '../reissue-payout/reissue-payout.http.controller';
import { CancelPayoutHandler } from './cancel-payout.handler';

const REASONS = ['returned-to-fund', 'cancelled-by-finance'] as const;

export class CancelPayoutDto {
  @ApiProperty({ enum: REASONS })
  @IsIn(REASONS)
  reason!: (typeof REASONS)[number];

  @ApiProperty({ example: 'Ahli waris tidak dapat dihubungi', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note!: string;
}

@ApiTags('payouts')
@Controller('payouts/:payoutId/cancellation')
export class CancelPayoutController {
  constructor(@Inject(CancelPayoutHandler) private readonly handler: CancelPayoutHandler) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('finance')
  @ApiOperation({
    summary: 'Cancel a payout that is not with the bank (scheduled, failed or returned)',
    description: 'Reconciliation then lists the decision as short until a new decision pays it.',
  })
  @ApiOkResponse({ type: PayoutChangeResponse })
  @ApiProblems({ 404: 'PAYOUT_NOT_FOUND', 409: 'PAYOUT_NOT_CANCELLABLE' })
  async cancel(
    @Param() params: PayoutIdParams,
    @Body() body: CancelPayoutDto,
    @RequestCause() cause: CommandCause,
  ): Promise<PayoutChangeResponse> {
    const { actor, correlationId } = cause;
    const result = await this.handler.cancel(params.payoutId, body, {
      actor,
      correlationId,
      causationId: null,
    });
    return payoutChange(params.payoutId, result);
  }
}
