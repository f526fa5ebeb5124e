import { Inject, Injectable } from '@nestjs/common';
import type { ClaimCommand, ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';

type ProposeClaimRejection = Extract<ClaimCommand, { type: 'ProposeClaimRejection' }>;

/** The maker proposes to reject a claim on the evidence; a checker confirms or sends it back. */
@Injectable()
export class ProposeRejectionHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async propose(
    claimId: string,
    reason: Pick<ProposeClaimRejection, 'reasonCode' | 'note'>,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    return this.workflow.onClaim(
      claimId,
      {
        type: 'ProposeClaimRejection',
        decisionId: this.workflow.newId(),
        officerId: acting.actor.id,
        reasonCode: reason.reasonCode,
        note: reason.note,
      },
      acting,
    );
  }
}
