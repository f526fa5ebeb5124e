import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  Roles,
  type Actor,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import {
  DecisionOutcomeResponse,
  decisionOutcome,
} from '../propose-decision/decision-outcome.response';
import { ClaimDecisionParams } from '../shared/http.dto';
import { RejectionReasonDto } from '../shared/rejection-reason.dto';
import { CHECKER } from '../shared/roles';
import { SendBackDecisionDto } from './check-decision.dto';
import { CheckDecisionHandler, type CheckerCommand } from './check-decision.handler';

/**
 * The checker: a supervisor other than the maker (by user id — an admin is no exception)
 * approves the proposal they looked at, sends it back, or rejects the claim instead of
 * approving it. Approving a rejection proposal makes the rejection take effect. Two
 * supervisors at once: the claim stream's expected version lets one decide; the other finds
 * it decided (409).
 */
@ApiTags('decisions')
@Controller('claims/:claimId/decisions/:decisionId')
export class CheckDecisionController {
  constructor(@Inject(CheckDecisionHandler) private readonly handler: CheckDecisionHandler) {}

  @Post('approval')
  @HttpCode(200)
  @Roles(...CHECKER)
  @ApiOperation({
    summary: 'Approve a proposed decision (checker)',
    description:
      'An approval proposal: publishes ClaimApproved with the full decision record and the ' +
      'payment due date; an approved death or CTT grants (or refuses) the scholarship ' +
      'entitlement in the same step. A rejection proposal: publishes ClaimRejected with the ' +
      'maker’s reason code and note (policy `officer-review`), naming maker and checker.',
  })
  @ApiOkResponse({ type: DecisionOutcomeResponse })
  @ApiProblems({
    403: 'MAKER_CHECKER_SAME_PERSON',
    404: 'CLAIM_NOT_FOUND',
    409: ['CLAIM_ALREADY_DECIDED', 'NO_DECISION_PROPOSED', 'DECISION_NOT_PENDING'],
    422: 'SLA_NOT_COMPUTABLE',
  })
  async approve(
    @Param() params: ClaimDecisionParams,
    @RequestCause() cause: CommandCause,
  ): Promise<DecisionOutcomeResponse> {
    const { actor, correlationId } = cause;
    return this.check(
      params,
      { type: 'ApproveClaimDecision', decisionId: params.decisionId, supervisorId: actor.id },
      actor,
      correlationId,
    );
  }

  @Post('rejection')
  @HttpCode(200)
  @Roles(...CHECKER)
  @ApiOperation({
    summary: 'Reject the claim instead of approving the proposal (checker): reason code and note',
    description:
      'On an approval proposal: publishes ClaimRejected (policy `officer-review`) with the ' +
      'checker’s reason code and note, the proposal’s eligibility checks, maker and checker. ' +
      'A rejection proposal is approved or sent back instead (REJECTION_ALREADY_PROPOSED).',
  })
  @ApiOkResponse({ type: DecisionOutcomeResponse })
  @ApiProblems({
    403: 'MAKER_CHECKER_SAME_PERSON',
    404: 'CLAIM_NOT_FOUND',
    409: [
      'CLAIM_ALREADY_DECIDED',
      'NO_DECISION_PROPOSED',
      'DECISION_NOT_PENDING',
      'REJECTION_ALREADY_PROPOSED',
    ],
    422: ['REASON_REQUIRED', 'REASON_CODE_INVALID'],
  })
  async reject(
    @Param() params: ClaimDecisionParams,
    @Body() body: RejectionReasonDto,
    @RequestCause() cause: CommandCause,
  ): Promise<DecisionOutcomeResponse> {
    const { actor, correlationId } = cause;
    return this.check(
      params,
      {
        type: 'RejectClaimDecision',
        decisionId: params.decisionId,
        supervisorId: actor.id,
        reasonCode: body.reasonCode,
        note: body.note,
      },
      actor,
      correlationId,
    );
  }

  @Post('send-back')
  @HttpCode(200)
  @Roles(...CHECKER)
  @ApiOperation({ summary: 'Send a proposal back to the maker (checker), with the reason' })
  @ApiOkResponse({ type: DecisionOutcomeResponse })
  @ApiProblems({
    403: 'MAKER_CHECKER_SAME_PERSON',
    404: 'CLAIM_NOT_FOUND',
    409: ['CLAIM_ALREADY_DECIDED', 'NO_DECISION_PROPOSED', 'DECISION_NOT_PENDING'],
    422: 'REASON_REQUIRED',
  })
  async sendBack(
    @Param() params: ClaimDecisionParams,
    @Body() body: SendBackDecisionDto,
    @RequestCause() cause: CommandCause,
  ): Promise<DecisionOutcomeResponse> {
    const { actor, correlationId } = cause;
    return this.check(
      params,
      {
        type: 'SendBackClaimDecision',
        decisionId: params.decisionId,
        supervisorId: actor.id,
        reason: body.reason,
      },
      actor,
      correlationId,
    );
  }

  private async check(
    params: ClaimDecisionParams,
    command: CheckerCommand,
    actor: Actor,
    correlationId: string,
  ): Promise<DecisionOutcomeResponse> {
    const result = accepted(
      await this.handler.check(params.claimId, command, { actor, correlationId }),
    );
    return decisionOutcome(result.state, result.events, result.version);
  }
}
