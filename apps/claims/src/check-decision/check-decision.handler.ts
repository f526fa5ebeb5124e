import { Inject, Injectable } from '@nestjs/common';
import type { ClaimCommand, ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';

export type CheckerCommand = Extract<
  ClaimCommand,
  { type: 'ApproveClaimDecision' | 'RejectClaimDecision' | 'SendBackClaimDecision' }
>;

/**
 * The checker approves the proposal they looked at, sends it back, or rejects the claim
 * instead; the decider refuses the maker as checker. The claim stream's expected version lets
 * one of two supervisors at once decide.
 */
@Injectable()
export class CheckDecisionHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async check(
    claimId: string,
    command: CheckerCommand,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    return this.workflow.onClaim(claimId, command, acting);
  }
}
