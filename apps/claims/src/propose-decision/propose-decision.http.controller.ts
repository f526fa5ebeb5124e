import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import type { DecisionEvidence } from '../shared/claim-facts.builder';
import { ClaimIdParams, bankAccountOf } from '../shared/http.dto';
import { MAKER } from '../shared/roles';
import { DecisionOutcomeResponse, decisionOutcome } from './decision-outcome.response';
import { ProposeDecisionDto } from './propose-decision.dto';
import { ProposeDecisionHandler } from './propose-decision.handler';

function evidenceOf(body: ProposeDecisionDto): DecisionEvidence {
  const arranger = body.burialArrangedBy;
  const account = body.scholarshipAccount;
  return {
    ...(body.nominatedPayeeId === undefined ? {} : { nominatedPayeeId: body.nominatedPayeeId }),
    consentsGivenBy: body.consentsGivenBy ?? [],
    burialArrangedBy:
      arranger === undefined
        ? null
        : {
            arrangerId: arranger.arrangerId,
            fullName: arranger.fullName,
            ...(arranger.bankAccount === undefined
              ? {}
              : { bankAccount: bankAccountOf(arranger.bankAccount) }),
          },
    scholarshipAccount:
      account === undefined
        ? null
        : {
            holder: account.holder,
            childId: account.childId ?? null,
            fullName: account.fullName,
            bankAccount: bankAccountOf(account.bankAccount),
          },
  };
}

@ApiTag(
  'decisions',
  'Decisions under maker–checker: the officer proposes (an approval with its explanation, or a rejection), a supervisor approves, sends back or rejects; reopening for an appeal.',
)
@Controller('claims/:claimId/decisions')
export class ProposeDecisionController {
  constructor(@Inject(ProposeDecisionHandler) private readonly handler: ProposeDecisionHandler) {}

  @Post()
  @HttpCode(201)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Propose the decision (maker): eligibility with reasons and the benefit breakdown',
    description:
      'Assesses the nine named eligibility policies on the facts claims holds. Ineligible: ' +
      'the claim is rejected with reason codes (final, appealable). A sponsored month not yet ' +
      'paid: the claim waits (pending-contribution) and is re-assessed when the sponsor pays. ' +
      'Eligible: the decision is proposed with its explanation (rule set, components with legal ' +
      'basis, formulas, inputs, payees); a death, a CTT or an amount at or above the threshold ' +
      'awaits a checker, anything else is approved at once.',
  })
  @ApiCreatedResponse({ type: DecisionOutcomeResponse })
  @ApiProblems({
    404: 'CLAIM_NOT_FOUND',
    409: [
      'DECISION_ALREADY_PROPOSED',
      'CLAIM_ALREADY_DECIDED',
      'DOCUMENTS_INCOMPLETE',
      'WORK_ACCIDENT_NOT_YET_DECIDED',
      'DEATH_BENEFIT_NOT_REGISTERED',
      'PERSONAL_DATA_ERASED',
    ],
    422: [
      'PAYEE_CONSENT_MISSING',
      'PAYEE_BANK_ACCOUNT_MISSING',
      'BURIAL_ARRANGER_UNKNOWN',
      'SCHOLARSHIP_PAYEE_MISSING',
      'FACTS_INVALID',
      'BENEFIT_NOT_COMPUTABLE',
      'PARTICIPANT_UNKNOWN',
    ],
  })
  async propose(
    @Param() params: ClaimIdParams,
    @Body() body: ProposeDecisionDto,
    @RequestCause() cause: CommandCause,
  ): Promise<DecisionOutcomeResponse> {
    const result = accepted(await this.handler.propose(params.claimId, evidenceOf(body), cause));
    return decisionOutcome(result.state, result.events, result.version);
  }
}
