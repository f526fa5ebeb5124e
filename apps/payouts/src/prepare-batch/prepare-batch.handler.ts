import { Inject, Injectable } from '@nestjs/common';
import type { PayoutProgram } from '@santunan/contracts';
import {
  bankFileName,
  type BatchedPayout,
  type InstructedBatch,
  type PreparedBatch,
} from '@santunan/payouts-domain';
import {
  accepted,
  ServiceRuntime,
  type Clock,
  type IdGenerator,
  type PlatformDatabase,
} from '@santunan/platform';
import { PayoutViewProjection } from '../payout-view/payout-view.projection';
import type { Cause } from '../shared/cause';
import { PayoutStreams } from '../shared/payout-streams.repository';
import { inTransaction } from '../shared/transactions';

export interface BatchRequest {
  /** The client's id for the batch: asking again with it returns the same batch. */
  readonly batchId?: string;
  /** Only these payouts (those still scheduled); otherwise every scheduled payout. */
  readonly payoutIds?: readonly string[];
  readonly program?: PayoutProgram;
  readonly limit: number;
}

export interface PreparedBatchAnswer {
  readonly batchId: string;
  /** False when the batch existed already (a retried request). */
  readonly created: boolean;
  /** `prepared` until a finance officer marks its file as handed to the bank. */
  readonly status: 'prepared' | 'instructed';
  readonly payouts: readonly BatchedPayout[];
  readonly total: number;
  readonly fileName: string;
  readonly preparedOn: string;
}

/**
 * Prepares a bank batch from the scheduled payouts (ADR 0035): each payout is locked into it
 * (`PayoutBatched`) and the batch recorded (`PayoutBatchPrepared`) in one transaction, so a
 * payout is in exactly one batch per attempt. Nothing is instructed yet: that is a finance
 * officer's mark once the file is with the bank (`MarkBatchInstructedHandler`). The candidates
 * come from the read model; each payout's decider has the last word (one no longer scheduled
 * is left out), and a lost race with another batch starts the whole transaction again. A batch
 * the decider refuses (nothing to put in it, the id taken by another batch) is raised as a
 * DomainRejectedError, so that nothing of it is written.
 */
@Injectable()
export class PrepareBatchHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
    @Inject(PayoutViewProjection) private readonly view: PayoutViewProjection,
  ) {}

  private get database(): PlatformDatabase {
    return this.runtime.database;
  }

  private get clock(): Clock {
    return this.runtime.clock;
  }

  private get ids(): IdGenerator {
    return this.runtime.ids;
  }

  async prepare(request: BatchRequest, cause: Cause): Promise<PreparedBatchAnswer> {
    const batchId = request.batchId ?? this.ids.next();
    const existing = await this.streams.batch(undefined, batchId);
    if (existing.status !== 'none') return describe(batchId, existing);

    await this.runtime.catchUp(this.view);
    const candidates = await this.candidates(request);
    const preparedOn = this.clock.today();
    const fileName = bankFileName(batchId, preparedOn);
    return inTransaction(this.database, async (tx) => {
      const payouts: BatchedPayout[] = [];
      for (const { payoutId, participantId } of candidates) {
        const result = await this.streams.decideOrder(
          tx,
          payoutId,
          participantId,
          { type: 'BatchPayout', batchId, batchedOn: preparedOn },
          cause,
        );
        // No longer scheduled (another batch took it, it was cancelled): not in this batch.
        if (!result.ok || result.state.status !== 'batched' || result.events.length === 0) continue;
        payouts.push({
          payoutId,
          attempt: result.state.attempt,
          amount: result.state.order.amount,
        });
      }
      const batch = await this.streams.decideBatch(
        tx,
        batchId,
        {
          type: 'PrepareBatch',
          batchId,
          payouts,
          fileName,
          preparedBy: cause.actor.id,
          preparedOn,
        },
        cause,
      );
      accepted(batch, `batch ${batchId}`);
      const total = payouts.reduce((sum, payout) => sum + payout.amount, 0);
      return {
        batchId,
        created: true,
        status: 'prepared' as const,
        payouts,
        total,
        fileName,
        preparedOn,
      };
    });
  }

  /**
   * Named payouts come from the write side's index (exact: a payout ordered a moment ago is
   * there); "everything scheduled" from the read model, so a payout ordered while its
   * projection lags goes in the next batch. Either way each payout's decider decides.
   */
  private async candidates(
    request: BatchRequest,
  ): Promise<{ payoutId: string; participantId: string }[]> {
    const rows =
      request.payoutIds !== undefined
        ? await this.database.query<{ payout_id: string; participant_id: string }>(
            `select payout_id, participant_id from payout_orders
              where payout_id = any($1::uuid[])
              order by ordered_at, payout_id
              limit $2`,
            [request.payoutIds, request.limit],
          )
        : await this.database.query<{ payout_id: string; participant_id: string }>(
            `select payout_id, participant_id from payout_view
              where status = 'scheduled' and ($1::text is null or program = $1)
              order by scheduled_on, payout_id
              limit $2`,
            [request.program ?? null, request.limit],
          );
    return rows.map((row) => ({ payoutId: row.payout_id, participantId: row.participant_id }));
  }
}

/** A batch as its stream recorded it (a retried request gets the first answer). */
function describe(batchId: string, batch: PreparedBatch | InstructedBatch): PreparedBatchAnswer {
  return {
    batchId,
    created: false,
    status: batch.status,
    payouts: batch.payouts,
    total: batch.total,
    fileName: batch.fileName,
    // A batch from before ADR 0035 was prepared and instructed the same day.
    preparedOn:
      batch.status === 'prepared' ? batch.preparedOn : (batch.preparedOn ?? batch.instructedOn),
  };
}
