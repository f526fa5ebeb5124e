import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles, ServiceRuntime } from '@santunan/platform';
import { ClaimIdParams } from '../shared/http.dto';
import { refused } from '../shared/claims-rejections';
import { READERS } from '../shared/roles';
import { ChainVerificationResponse, ClaimDetailResponse } from './claim-detail.dto';
import { ClaimDetailReader } from './claim-detail.reader';

@ApiTags('work queue')
@Controller('claims/:claimId')
export class ClaimDetailController {
  constructor(
    @Inject(ClaimDetailReader) private readonly reader: ClaimDetailReader,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A claim: documents, SLA, the decision with its explanation, and its timeline',
    description: 'The timeline lists every event with who did it (the actor of the event).',
  })
  @ApiOkResponse({ type: ClaimDetailResponse })
  @ApiProblems({ 404: 'CLAIM_NOT_FOUND' })
  async detail(@Param() params: ClaimIdParams): Promise<ClaimDetailResponse> {
    const detail = await this.reader.detail(params.claimId, this.runtime.clock.today());
    if (detail === null) throw refused('CLAIM_NOT_FOUND', `no claim ${params.claimId}`);
    return detail;
  }

  @Get('chain-verification')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Verify the claim’s hash chains now',
    description:
      'Recomputes each event’s hash over its stored form and its link to the previous event, ' +
      'for the claim’s stream and every stream on its timeline (accident report, death ' +
      'register, scholarship entitlement). `verified` is false when any event was altered, ' +
      'removed or reordered.',
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  @ApiProblems({ 404: 'CLAIM_NOT_FOUND' })
  async chainVerification(@Param() params: ClaimIdParams): Promise<ChainVerificationResponse> {
    const result = await this.reader.chainVerification(params.claimId, this.runtime.clock.now());
    if (result === null) throw refused('CLAIM_NOT_FOUND', `no claim ${params.claimId}`);
    return result;
  }
}
