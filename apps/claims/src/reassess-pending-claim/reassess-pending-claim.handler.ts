import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  DomainRejectedError,
  defaultLogger,
  PLATFORM_LOGGER,
  type Actor,
  type PlatformLogger,
  type ConsumedEvent,
  type Transaction,
} from '@santunan/platform';
import { ClaimFactsBuilder } from '../shared/claim-facts.builder';
import { CLAIM_FOLD, ClaimWorkflow } from '../shared/claim-workflow';
import { claimStreamId } from '../shared/claims-streams';

/** The consumer acts for the platform; the sponsor's payment event is the cause. */
export const REASSESSING_ACTOR: Actor = { id: 'claims.pending-contribution', kind: 'system' };

/**
 * Product decision 1: a claim waiting for a sponsor's contribution (pending-contribution) is
 * looked at again when the sponsor pays or its grace runs out (`ReassessPendingClaim`): the
 * wait ends as eligible — the maker then proposes — or as a rejection.
 */
@Injectable()
export class ReassessPendingClaimHandler {
  private readonly logger: PlatformLogger;

  constructor(
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ClaimFactsBuilder) private readonly facts: ClaimFactsBuilder,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'pending-claims-reassessor' });
  }

  async reassess(
    tx: Transaction,
    participantId: string,
    cause: ConsumedEvent<unknown>,
  ): Promise<void> {
    for (const claimId of await this.workflow.claimIdsOf(participantId, tx)) {
      const { state } = await this.workflow.claims.load(claimStreamId(claimId), CLAIM_FOLD, tx);
      if (state.status !== 'pending-contribution') continue;
      // A savepoint, so a claim refused half-way leaves nothing behind in the inbox transaction.
      await tx.query('savepoint reassess_claim');
      try {
        const result = await this.workflow.claim(
          claimId,
          participantId,
          {
            type: 'ReassessPendingClaim',
            decisionId: this.workflow.newId(),
            actorId: REASSESSING_ACTOR.id,
            facts: await this.facts.build(state.file, {}, tx),
          },
          {
            actor: REASSESSING_ACTOR,
            correlationId: cause.metadata.correlationId,
            causationId: cause.eventId,
          },
          tx,
        );
        await tx.query('release savepoint reassess_claim');
        if (!result.ok)
          this.keptWaiting(claimId, `${result.rejection.code}: ${result.rejection.message}`);
      } catch (error) {
        await tx.query('rollback to savepoint reassess_claim');
        // A claim that cannot be re-assessed (its facts are refused) keeps waiting for the
        // maker; the payment itself must still reach the coverage projection.
        if (!(error instanceof DomainRejectedError)) throw error;
        this.keptWaiting(claimId, `${error.rejection.code}: ${error.rejection.message}`);
      }
    }
  }

  private keptWaiting(claimId: string, why: string): void {
    this.logger.warn({ claimId, why }, `claim ${claimId} stays pending-contribution`);
  }
}
