import { Inject, Injectable } from '@nestjs/common';
import type { InstructedBatch } from '@santunan/payouts-domain';
import { accepted, ServiceRuntime, type DomainRejection } from '@santunan/platform';
import type { Cause } from '../shared/cause';
import { PayoutStreams } from '../shared/payout-streams.repository';
import { batchNotFound } from '../shared/payouts-rejections';
import { inTransaction } from '../shared/transactions';

export interface MarkBatchInstructedRequest {
  readonly batchId: string;
  /** The bank's reference for the upload or transfer, when the officer has one. */
  readonly bankReference: string | null;
}

export type MarkedBatch =
  | {
      readonly ok: true;
      readonly batch: InstructedBatch & { readonly batchId: string };
      /** False when the batch was marked already (a retried or repeated mark). */
      readonly changed: boolean;
    }
  | { readonly ok: false; readonly rejection: DomainRejection };

/**
 * A finance officer says the batch's file is with the bank (uploaded to its portal, sent
 * host-to-host): every payout of the batch is instructed (`PayoutInstructed`, which finance
 * systems read on payouts.events) and the batch too, in one transaction. Only now may the
 * bank's settlement report be recorded. Marking again changes nothing (ADR 0035).
 */
@Injectable()
export class MarkBatchInstructedHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  mark(request: MarkBatchInstructedRequest, cause: Cause): Promise<MarkedBatch> {
    const { batchId } = request;
    const instructedOn = this.runtime.clock.today();
    return inTransaction(this.runtime.database, async (tx) => {
      const batch = await this.streams.batch(tx, batchId);
      if (batch.status === 'none') return { ok: false, rejection: batchNotFound(batchId) };
      const result = await this.streams.decideBatch(
        tx,
        batchId,
        {
          type: 'MarkBatchInstructed',
          batchId,
          instructedBy: cause.actor.id,
          instructedOn,
          bankReference: request.bankReference,
        },
        cause,
      );
      // Refused before anything else is written: nothing to roll back.
      if (!result.ok) return result;
      if (batch.status === 'prepared') {
        for (const { payoutId } of batch.payouts) {
          const participantId = await this.streams.index.participantOf(tx, payoutId);
          if (participantId === undefined)
            throw new Error(`payout ${payoutId} of batch ${batchId} is not indexed`);
          // A payout of a prepared batch can be nothing but batched in it: a refusal is a bug.
          accepted(
            await this.streams.decideOrder(
              tx,
              payoutId,
              participantId,
              { type: 'InstructPayout', batchId, instructedOn },
              cause,
            ),
            `payout ${payoutId}`,
          );
        }
      }
      if (result.state.status !== 'instructed')
        throw new Error(`batch ${batchId} is ${result.state.status} after its mark`);
      return {
        ok: true,
        batch: { ...result.state, batchId },
        changed: result.events.length > 0,
      };
    });
  }
}
