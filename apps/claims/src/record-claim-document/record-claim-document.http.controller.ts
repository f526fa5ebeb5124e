import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deathRegisterFacts, isDeathClaim } from '@santunan/claims-domain';
import {
  ApiProblems,
  CorrelationId,
  CurrentActor,
  Roles,
  type Actor,
  accepted,
} from '@santunan/platform';
import { ClaimWorkflow, DEATH_REGISTER_FOLD } from '../claim-workflow/claim-workflow';
import { claimChangeResponse } from '../shared/claim-change.response';
import { deathRegisterStreamId } from '../shared/claims-streams';
import { ClaimIdParams } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { RecordClaimDocumentDto, RecordClaimDocumentResponse } from './record-claim-document.dto';

@ApiTags('claims')
@Controller('claims/:claimId/documents')
export class RecordClaimDocumentController {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  @Post()
  @HttpCode(200)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Record a document of the claim’s checklist',
    description:
      'The last required document starts (or resumes) the payment SLA clock. On a death claim ' +
      'the death certificate enters the claim in the death register in the same transaction.',
  })
  @ApiOkResponse({ type: RecordClaimDocumentResponse })
  @ApiProblems({
    404: 'CLAIM_NOT_FOUND',
    409: ['DECISION_ALREADY_PROPOSED', 'CLAIM_ALREADY_DECIDED', 'DEATH_DATE_CONFLICT'],
    422: ['DOCUMENT_DATE_INVALID', 'DOCUMENT_REFERENCE_MISSING'],
  })
  async record(
    @Param() params: ClaimIdParams,
    @Body() body: RecordClaimDocumentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<RecordClaimDocumentResponse> {
    const participantId = await this.workflow.participantOfClaim(params.claimId);
    const result = accepted(
      await this.workflow.claim(
        params.claimId,
        participantId,
        {
          type: 'RecordClaimDocument',
          document: body.document,
          reference: body.reference,
          receivedOn: body.receivedOn ?? this.workflow.today(),
          officerId: actor.id,
        },
        { actor, correlationId },
      ),
    );
    const claim = claimChangeResponse(result.state, result.version);
    if (!isDeathClaim(claim.benefitType)) return { ...claim, deathRegister: null };
    const register = deathRegisterFacts(
      (await this.workflow.deaths.load(deathRegisterStreamId(participantId), DEATH_REGISTER_FOLD))
        .state,
    );
    const holderClaimId = register.benefitClaimedBy?.claimId ?? null;
    return {
      ...claim,
      deathRegister: { holderClaimId, heldByThisClaim: holderClaimId === params.claimId },
    };
  }
}
