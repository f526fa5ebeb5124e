import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CorrelationId,
  CurrentActor,
  Roles,
  type Actor,
  accepted,
} from '@santunan/platform';
import { ClaimWorkflow } from '../claim-workflow/claim-workflow';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { ClaimIdParams } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { RequestClaimDocumentsDto } from './request-claim-documents.dto';

@ApiTags('claims')
@Controller('claims/:claimId/document-requests')
export class RequestClaimDocumentsController {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  @Post()
  @HttpCode(200)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Ask the claimant for missing documents',
    description:
      'While the payment clock runs, a request pauses it until the documents come back: the ' +
      'working days in between do not count against the SLA.',
  })
  @ApiOkResponse({ type: ClaimChangeResponse })
  @ApiProblems({
    404: 'CLAIM_NOT_FOUND',
    409: ['DECISION_ALREADY_PROPOSED', 'CLAIM_ALREADY_DECIDED'],
    422: 'DOCUMENTS_REQUEST_EMPTY',
  })
  async request(
    @Param() params: ClaimIdParams,
    @Body() body: RequestClaimDocumentsDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClaimChangeResponse> {
    const participantId = await this.workflow.participantOfClaim(params.claimId);
    const result = accepted(
      await this.workflow.claim(
        params.claimId,
        participantId,
        {
          type: 'RequestClaimDocuments',
          documents: body.documents,
          note: body.note,
          officerId: actor.id,
        },
        { actor, correlationId },
      ),
    );
    return claimChangeResponse(result.state, result.version);
  }
}
