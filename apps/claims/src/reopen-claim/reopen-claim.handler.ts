import { Inject, Injectable } from '@nestjs/common';
import type { ClaimCommand, ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';

type ReopenClaim = Extract<ClaimCommand, { type: 'ReopenClaim' }>;

/** A decided claim opens again for an appeal or a correction; nothing is edited. */
@Injectable()
export class ReopenClaimHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async reopen(
    claimId: string,
    reopening: Pick<ReopenClaim, 'kind' | 'reason'>,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    return this.workflow.onClaim(
      claimId,
      {
        type: 'ReopenClaim',
        kind: reopening.kind,
        reason: reopening.reason,
        officerId: acting.actor.id,
      },
      acting,
    );
  }
}
