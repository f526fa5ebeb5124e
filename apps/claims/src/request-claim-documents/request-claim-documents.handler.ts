import { Inject, Injectable } from '@nestjs/common';
import type { ClaimCommand, ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';

type RequestClaimDocuments = Extract<ClaimCommand, { type: 'RequestClaimDocuments' }>;

/** Asking the claimant for missing documents (pauses a running SLA clock). */
@Injectable()
export class RequestClaimDocumentsHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async request(
    claimId: string,
    request: Pick<RequestClaimDocuments, 'documents' | 'note'>,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    return this.workflow.onClaim(
      claimId,
      {
        type: 'RequestClaimDocuments',
        documents: request.documents,
        note: request.note,
        officerId: acting.actor.id,
      },
      acting,
    );
  }
}
