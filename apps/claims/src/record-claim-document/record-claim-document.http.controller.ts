import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isDeathClaim } from '@santunan/claims-domain';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { claimChangeResponse } from '../shared/claim-change.response';
import { ClaimIdParams } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { RecordClaimDocumentDto, RecordClaimDocumentResponse } from './record-claim-document.dto';
import { RecordClaimDocumentHandler } from './record-claim-document.handler';

@ApiTags('claims')
@Controller('claims/:claimId/documents')
export class RecordClaimDocumentController {
  constructor(
    @Inject(RecordClaimDocumentHandler) private readonly handler: RecordClaimDocumentHandler,
  ) {}

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
    @RequestCause() cause: CommandCause,
  ): Promise<RecordClaimDocumentResponse> {
    const result = accepted(
      await this.handler.record(
        params.claimId,
        { document: body.document, reference: body.reference, receivedOn: body.receivedOn },
        cause,
      ),
    );
    const claim = claimChangeResponse(result.state, result.version);
    if (!isDeathClaim(claim.benefitType)) return { ...claim, deathRegister: null };
    const holderClaimId = await this.handler.deathBenefitHolder(claim.participantId);
    return {
      ...claim,
      deathRegister: { holderClaimId, heldByThisClaim: holderClaimId === params.claimId },
    };
  }
}
