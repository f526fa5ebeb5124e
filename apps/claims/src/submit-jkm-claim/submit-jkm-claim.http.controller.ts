import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { claimantOf } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { SubmitJkmClaimDto } from './submit-jkm-claim.dto';
import { SubmitJkmClaimHandler } from './submit-jkm-claim.handler';

@ApiTags('claims')
@Controller('claims/jkm')
export class SubmitJkmClaimController {
  constructor(@Inject(SubmitJkmClaimHandler) private readonly handler: SubmitJkmClaimHandler) {}

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
    @RequestCause() cause: CommandCause,
  ): Promise<ClaimChangeResponse> {
    const result = accepted(
      await this.handler.submit(
        {
          participantId: body.participantId,
          dateOfDeath: body.dateOfDeath,
          claimant: claimantOf(body.claimant),
          ...(body.lodgedOn === undefined ? {} : { lodgedOn: body.lodgedOn }),
        },
        cause,
      ),
    );
    return claimChangeResponse(result.state, result.version);
  }
}
