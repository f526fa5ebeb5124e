import { Inject, Injectable } from '@nestjs/common';
import type { ClaimCommand, ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';
import { ParticipantDirectory } from '../participants/participant-directory';

type SubmitJkmClaim = Extract<ClaimCommand, { type: 'SubmitJkmClaim' }>;

/** A JKM death claim for a participant enrollment knows. */
@Injectable()
export class SubmitJkmClaimHandler {
  constructor(
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ParticipantDirectory) private readonly participants: ParticipantDirectory,
  ) {}

  async submit(
    claim: Omit<SubmitJkmClaim, 'type' | 'claimId' | 'officerId'>,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    await this.participants.require(claim.participantId);
    const claimId = this.workflow.newId();
    return this.workflow.claim(
      claimId,
      claim.participantId,
      { type: 'SubmitJkmClaim', claimId, ...claim, officerId: acting.actor.id },
      acting,
    );
  }
}
