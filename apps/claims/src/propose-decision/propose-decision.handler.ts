import { Inject, Injectable } from '@nestjs/common';
import type { ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimFactsBuilder, type DecisionEvidence } from '../shared/claim-facts.builder';
import { CLAIM_FOLD, ClaimWorkflow, type Acting } from '../shared/claim-workflow';
import { refused } from '../shared/claims-rejections';
import { claimStreamId } from '../shared/claims-streams';

/**
 * The maker proposes the decision: the claim's facts from claims' own projections and streams
 * and the maker's evidence, assessed by the decider (rejected, waiting for a sponsor, proposed
 * for a checker, or approved at once).
 */
@Injectable()
export class ProposeDecisionHandler {
  constructor(
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ClaimFactsBuilder) private readonly facts: ClaimFactsBuilder,
  ) {}

  async propose(
    claimId: string,
    evidence: DecisionEvidence,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    const participantId = await this.workflow.participantOfClaim(claimId);
    const { state } = await this.workflow.claims.load(claimStreamId(claimId), CLAIM_FOLD);
    if (state.status === 'none') throw refused('CLAIM_NOT_FOUND', `no claim ${claimId}`);
    if (state.status === 'open' || state.status === 'pending-contribution') {
      await this.workflow.enterDeathRegister(claimId, state, acting);
    }
    // Facts that never change after submission (participant, program, report) select them;
    // their values are read now, from claims' own projections and streams.
    const facts = await this.facts.build(state.file, evidence);
    return this.workflow.claim(
      claimId,
      participantId,
      {
        type: 'ProposeClaimDecision',
        decisionId: this.workflow.newId(),
        officerId: acting.actor.id,
        facts,
      },
      acting,
    );
  }
}
