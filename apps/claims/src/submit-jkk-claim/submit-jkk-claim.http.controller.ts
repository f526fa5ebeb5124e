import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { accidentReportFacts } from '@santunan/claims-domain';
import {
  ApiProblems,
  ApiTag,
  CorrelationId,
  CurrentActor,
  Roles,
  type Actor,
  accepted,
} from '@santunan/platform';
import { ACCIDENT_REPORT_FOLD, ClaimWorkflow } from '../claim-workflow/claim-workflow';
import { ClaimChangeResponse, claimChangeResponse } from '../shared/claim-change.response';
import { accidentReportStreamId } from '../shared/claims-streams';
import { bankAccountOf, claimantOf } from '../shared/http.dto';
import { refused } from '../shared/claims-rejections';
import { MAKER } from '../shared/roles';
import { SubmitJkkClaimDto, benefitLineOf } from './submit-jkk-claim.dto';

@ApiTag('claims', 'Lodging JKK and JKM claims and their documents.')
@Controller('claims/jkk')
export class SubmitJkkClaimController {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

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
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClaimChangeResponse> {
    const { state } = await this.workflow.reports.load(
      accidentReportStreamId(body.accidentReportId),
      ACCIDENT_REPORT_FOLD,
    );
    const report = accidentReportFacts(state);
    if (report === null) {
      throw refused('REPORT_NOT_FOUND', `no accident report ${body.accidentReportId}`);
    }
    const claimId = this.workflow.newId();
    const result = accepted(
      await this.workflow.claim(
        claimId,
        report.participantId,
        {
          type: 'SubmitJkkClaim',
          claimId,
          participantId: report.participantId,
          accidentReport: report,
          benefits: body.benefits.map(benefitLineOf),
          dateOfDeath: body.dateOfDeath ?? null,
          paymentAccount:
            body.paymentAccount === undefined ? null : bankAccountOf(body.paymentAccount),
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
