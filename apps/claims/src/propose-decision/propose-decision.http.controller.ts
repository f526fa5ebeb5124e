import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiTag,
  CorrelationId,
  CurrentActor,
  Roles,
  type Actor,
  accepted,
} from '@santunan/platform';
import { ClaimFactsBuilder, type DecisionEvidence } from '../claim-facts/claim-facts.builder';
import { CLAIM_FOLD, ClaimWorkflow } from '../claim-workflow/claim-workflow';
import { claimStreamId } from '../shared/claims-streams';
import { ClaimIdParams, bankAccountOf } from '../shared/http.dto';
import { refused } from '../shared/claims-rejections';
import { MAKER } from '../shared/roles';
import { DecisionOutcomeResponse, decisionOutcome } from './decision-outcome.response';
import { ProposeDecisionDto } from './propose-decision.dto';

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
  constructor(
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ClaimFactsBuilder) private readonly facts: ClaimFactsBuilder,
  ) {}

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
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<DecisionOutcomeResponse> {
    const participantId = await this.workflow.participantOfClaim(params.claimId);
    const { state } = await this.workflow.claims.load(claimStreamId(params.claimId), CLAIM_FOLD);
    if (state.status === 'none') throw refused('CLAIM_NOT_FOUND', `no claim ${params.claimId}`);
    const acting = { actor, correlationId };
    if (state.status === 'open' || state.status === 'pending-contribution') {
      await this.workflow.enterDeathRegister(params.claimId, state, acting);
    }
    // Facts that never change after submission (participant, program, report) select them;
    // their values are read now, from claims' own projections and streams.
    const facts = await this.facts.build(state.file, evidenceOf(body));
    const result = accepted(
      await this.workflow.claim(
        params.claimId,
        participantId,
        {
          type: 'ProposeClaimDecision',
          decisionId: this.workflow.newId(),
          officerId: actor.id,
          facts,
        },
        acting,
      ),
    );
    return decisionOutcome(result.state, result.events, result.version);
  }
}
