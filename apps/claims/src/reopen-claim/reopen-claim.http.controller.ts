import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { claimChangeResponse } from '../shared/claim-change.response';
import { ClaimIdParams } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { ReopenClaimDto, ReopenClaimResponse } from './reopen-claim.dto';
import { ReopenClaimHandler } from './reopen-claim.handler';

@ApiTags('decisions')
@Controller('claims/:claimId/reopening')
export class ReopenClaimController {
  constructor(@Inject(ReopenClaimHandler) private readonly handler: ReopenClaimHandler) {}

  @Post()
  @HttpCode(200)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Reopen a decided claim for an appeal or a correction',
    description:
      'Nothing is edited: the next proposal is a new decision whose supersedesDecisionId names ' +
      'the one it replaces; payouts acts on the difference.',
  })
  @ApiOkResponse({ type: ReopenClaimResponse })
  @ApiProblems({ 404: 'CLAIM_NOT_FOUND', 409: 'CLAIM_NOT_DECIDED', 422: 'REASON_REQUIRED' })
  async reopen(
    @Param() params: ClaimIdParams,
    @Body() body: ReopenClaimDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ReopenClaimResponse> {
    const result = accepted(
      await this.handler.reopen(params.claimId, { kind: body.kind, reason: body.reason }, cause),
    );
    const reopened = result.events.find((event) => event.type === 'ClaimReopened');
    const previousDecisionId = (reopened?.data as { previousDecisionId?: string } | undefined)
      ?.previousDecisionId;
    if (previousDecisionId === undefined) throw new Error('ReopenClaim appends ClaimReopened');
    return { ...claimChangeResponse(result.state, result.version), previousDecisionId };
  }
}
