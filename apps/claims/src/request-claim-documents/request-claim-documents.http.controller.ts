import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { ClaimIdParams } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { RequestClaimDocumentsDto } from './request-claim-documents.dto';
import { RequestClaimDocumentsHandler } from './request-claim-documents.handler';

@ApiTags('claims')
@Controller('claims/:claimId/document-requests')
export class RequestClaimDocumentsController {
  constructor(
    @Inject(RequestClaimDocumentsHandler) private readonly handler: RequestClaimDocumentsHandler,
  ) {}

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
    @RequestCause() cause: CommandCause,
  ): Promise<ClaimChangeResponse> {
    const result = accepted(
      await this.handler.request(
        params.claimId,
        { documents: body.documents, note: body.note },
        cause,
      ),
    );
    return claimChangeResponse(result.state, result.version);
  }
}
