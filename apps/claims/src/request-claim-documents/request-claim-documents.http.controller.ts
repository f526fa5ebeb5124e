import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ClaimWorkflow } from '../claim-workflow/claim-workflow';
import { CommandProblems, ProtectedRoute } from '../shared/api-docs';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { accepted } from '../shared/command-result';
import { CorrelationId } from '../shared/correlation-id.decorator';
import { ClaimIdParams } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { RequestClaimDocumentsDto } from './request-claim-documents.dto';

@ApiTags('claims')
@ProtectedRoute()
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
  @CommandProblems({
    notFound: 'CLAIM_NOT_FOUND',
    conflict: 'DECISION_ALREADY_PROPOSED, CLAIM_ALREADY_DECIDED',
    unprocessable: 'DOCUMENTS_REQUEST_EMPTY',
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
