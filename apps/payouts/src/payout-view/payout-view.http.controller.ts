import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiTag,
  CurrentActor,
  DomainRejectedError,
  Roles,
  type Actor,
} from '@santunan/platform';
import { payoutNotFound } from '../shared/payouts-rejections';
import { PayoutViewReader, type PayoutHistoryEntry, type PayoutView } from './payout-view.reader';
import {
  PayoutDetailResponse,
  PayoutIdParams,
  PayoutListResponse,
  PayoutQueryDto,
} from './payout-view.dto';

@ApiTag(
  'payouts',
  'Payout orders: what is owed to whom, where each stands, cancellation and reissue to a corrected account.',
)
@Controller('payouts')
export class PayoutViewController {
  constructor(@Inject(PayoutViewReader) private readonly payouts: PayoutViewReader) {}

  @Get()
  @Roles('finance', 'auditor', 'claims-supervisor')
  @ApiOperation({
    summary: 'List payouts',
    description: 'Filter by status, program, decision, claim, participant or batch.',
  })
  @ApiOkResponse({ type: PayoutListResponse })
  list(
    @Query() query: PayoutQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: PayoutView[]; total: number }> {
    return this.payouts.list(query, actor);
  }

  @Get(':payoutId')
  @Roles('finance', 'auditor', 'claims-supervisor')
  @ApiOperation({
    summary: 'A payout with its history',
    description: 'The current state and every event of its stream.',
  })
  @ApiOkResponse({ type: PayoutDetailResponse })
  @ApiProblems({ 404: 'PAYOUT_NOT_FOUND' })
  async get(
    @Param() params: PayoutIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<{ payout: PayoutView; history: PayoutHistoryEntry[] }> {
    const found = await this.payouts.get(params.payoutId, actor);
    if (found === undefined) throw new DomainRejectedError(payoutNotFound(params.payoutId));
    return found;
  }
}
