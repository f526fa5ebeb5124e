import { Inject, Injectable } from '@nestjs/common';
import { deathRegisterFacts, type ClaimCommand, type ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, DEATH_REGISTER_FOLD, type Acting } from '../shared/claim-workflow';
import { deathRegisterStreamId } from '../shared/claims-streams';

type RecordClaimDocument = Extract<ClaimCommand, { type: 'RecordClaimDocument' }>;

/**
 * A document of the claim's checklist; received today unless told. On a death claim the death
 * certificate enters the claim in the death register in the same transaction (ClaimWorkflow).
 */
@Injectable()
export class RecordClaimDocumentHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async record(
    claimId: string,
    document: Pick<RecordClaimDocument, 'document' | 'reference'> & {
      readonly receivedOn: string | undefined;
    },
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    return this.workflow.onClaim(
      claimId,
      {
        type: 'RecordClaimDocument',
        document: document.document,
        reference: document.reference,
        receivedOn: document.receivedOn ?? this.workflow.today(),
        officerId: acting.actor.id,
      },
      acting,
    );
  }

  /** The claim that holds the participant's death benefit, if any. */
  async deathBenefitHolder(participantId: string): Promise<string | null> {
    const { state } = await this.workflow.deaths.load(
      deathRegisterStreamId(participantId),
      DEATH_REGISTER_FOLD,
    );
    return deathRegisterFacts(state).benefitClaimedBy?.claimId ?? null;
  }
}
