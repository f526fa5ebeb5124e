import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CorrelationId,
  CurrentActor,
  Roles,
  type Actor,
  accepted,
} from '@santunan/platform';
import { ClaimWorkflow } from '../claim-workflow/claim-workflow';
import { ParticipantDirectory } from '../participants/participant-directory';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { claimantOf } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { SubmitJkmClaimDto } from './submit-jkm-claim.dto';

@ApiTags('claims')
@Controller('claims/jkm')
export class SubmitJkmClaimController {
  constructor(
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ParticipantDirectory) private readonly participants: ParticipantDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Lodge a JKM death claim',
    description:
      'The participant must be known from enrollment. The death certificate, once recorded, ' +
      'enters the claim in the death register (one death, one death benefit).',
  })
  @ApiCreatedResponse({ type: ClaimChangeResponse })
  @ApiProblems({
    422: [
      'PARTICIPANT_UNKNOWN',
      'INCIDENT_DATE_IN_FUTURE',
      'LODGED_DATE_INVALID',
      'CLAIMANT_INVALID',
      'DATE_INVALID',
    ],
  })
  async submit(
    @Body() body: SubmitJkmClaimDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClaimChangeResponse> {
    await this.participants.require(body.participantId);
    const claimId = this.workflow.newId();
    const result = accepted(
      await this.workflow.claim(
        claimId,
        body.participantId,
        {
          type: 'SubmitJkmClaim',
          claimId,
          participantId: body.participantId,
          dateOfDeath: body.dateOfDeath,
          claimant: claimantOf(body.claimant),
          ...(body.lodgedOn === undefined ? {} : { lodgedOn: body.lodgedOn }),
          officerId: actor.id,
        },
        { actor, correlationId },
      ),
    );
    return claimChangeResponse(result.state, result.version);
  }
}
