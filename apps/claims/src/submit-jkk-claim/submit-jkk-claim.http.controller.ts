import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { bankAccountOf, claimantOf } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { SubmitJkkClaimDto, benefitLineOf } from './submit-jkk-claim.dto';
import { SubmitJkkClaimHandler } from './submit-jkk-claim.handler';

@ApiTag('claims', 'Lodging JKK and JKM claims and their documents.')
@Controller('claims/jkk')
export class SubmitJkkClaimController {
  constructor(@Inject(SubmitJkkClaimHandler) private readonly handler: SubmitJkkClaimHandler) {}

  @Post()
  @HttpCode(201)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Lodge a JKK claim (stage II) on a reported accident',
    description:
      'STMB, medical and transport reimbursements, partial disability with the assessed ' +
      'percentage, CTT, or death. The answer lists the documents the claim needs.',
  })
  @ApiCreatedResponse({ type: ClaimChangeResponse })
  @ApiProblems({
    404: 'REPORT_NOT_FOUND',
    409: 'NOT_A_WORK_ACCIDENT',
    422: [
      'NO_BENEFIT_CLAIMED',
      'BENEFIT_LINES_INVALID',
      'DEATH_DATE_INVALID',
      'CLAIMANT_INVALID',
      'LODGED_DATE_INVALID',
    ],
  })
  async submit(
    @Body() body: SubmitJkkClaimDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ClaimChangeResponse> {
    const result = accepted(
      await this.handler.submit(
        body.accidentReportId,
        {
          benefits: body.benefits.map(benefitLineOf),
          dateOfDeath: body.dateOfDeath ?? null,
          paymentAccount:
            body.paymentAccount === undefined ? null : bankAccountOf(body.paymentAccount),
          claimant: claimantOf(body.claimant),
          ...(body.lodgedOn === undefined ? {} : { lodgedOn: body.lodgedOn }),
        },
        cause,
      ),
    );
    return claimChangeResponse(result.state, result.version);
  }
}
