import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import {
  DecisionOutcomeResponse,
  decisionOutcome,
} from '../propose-decision/decision-outcome.response';
import { ClaimIdParams } from '../shared/http.dto';
import { RejectionReasonDto } from '../shared/rejection-reason.dto';
import { MAKER } from '../shared/roles';
import { ProposeRejectionHandler } from './propose-rejection.handler';

/**
 * The maker proposes to reject a claim on the evidence, where no eligibility policy decides
 * (ADR 0009, "Officer rejections"). Nothing is decided yet: a supervisor other than the maker
 * confirms it (`…/decisions/:decisionId/approval`) or sends it back (`…/send-back`).
 */
@ApiTags('decisions')
@Controller('claims/:claimId/rejection-proposals')
export class ProposeRejectionController {
  constructor(@Inject(ProposeRejectionHandler) private readonly handler: ProposeRejectionHandler) {}

  @Post()
  @HttpCode(201)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Propose to reject the claim (maker): reason code and note, for a checker',
    description:
      'Records ClaimRejectionProposed: the claim awaits a checker (`proposal.kind` = ' +
      '`rejection`). Allowed on an open claim or one waiting for a sponsor, whatever its ' +
      'documents; never on a decided claim or over another proposal. The rejection takes ' +
      'effect (ClaimRejected, policy `officer-review`) when a supervisor other than the maker ' +
      'approves the proposal.',
  })
  @ApiCreatedResponse({ type: DecisionOutcomeResponse })
  @ApiProblems({
    404: 'CLAIM_NOT_FOUND',
    409: ['DECISION_ALREADY_PROPOSED', 'CLAIM_ALREADY_DECIDED'],
    422: ['REASON_REQUIRED', 'REASON_CODE_INVALID'],
  })
  async propose(
    @Param() params: ClaimIdParams,
    @Body() body: RejectionReasonDto,
    @RequestCause() cause: CommandCause,
  ): Promise<DecisionOutcomeResponse> {
    const result = accepted(
      await this.handler.propose(
        params.claimId,
        { reasonCode: body.reasonCode, note: body.note },
        cause,
      ),
    );
    return decisionOutcome(result.state, result.events, result.version);
  }
}
