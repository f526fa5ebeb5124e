import { Inject, Injectable } from '@nestjs/common';
import type { PayoutProgram } from '@santunan/contracts';
import { bankFileName, type BatchedPayout } from '@santunan/payouts-domain';
import {
  accepted,
  ServiceRuntime,
  type Clock,
  type IdGenerator,
  type PlatformDatabase,
} from '@santunan/platform';
import { PayoutViewProjection } from '../payout-view/payout-view.projection';
import type { Cause } from '../shared/cause';
import { payoutBatchStreamId } from '../shared/payout-streams';
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

export interface InstructedBatch {
  readonly batchId: string;
  /** False when the batch existed already (a retried request). */
  readonly created: boolean;
  readonly payouts: readonly BatchedPayout[];
  readonly total: number;
  readonly fileName: string;
  readonly instructedOn: string;
}

/**
 * Hands the scheduled payouts to the bank: each payout is instructed and the batch recorded
 * in one transaction, so a payout is in exactly one batch per attempt. The candidates come
 * from the read model; each payout's decider has the last word (one no longer scheduled is
 * left out), and a lost race with another batch starts the whole transaction again. A batch
 * the decider refuses (nothing to instruct, the id taken by another batch) is raised as a
 * DomainRejectedError, so that nothing of it is written.
 */
@Injectable()
export class InstructBatchHandler {
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

  async instruct(request: BatchRequest, cause: Cause): Promise<InstructedBatch> {
    const batchId = request.batchId ?? this.ids.next();
    const existing = await this.streams.batch(undefined, batchId);
    if (existing.status === 'instructed') return this.describe(batchId, false);

    await this.runtime.catchUp(this.view);
    const candidates = await this.candidates(request);
    const instructedOn = this.clock.today();
    const fileName = bankFileName(batchId, instructedOn);
    return inTransaction(this.database, async (tx) => {
      const payouts: BatchedPayout[] = [];
      for (const { payoutId, participantId } of candidates) {
        const result = await this.streams.decideOrder(
          tx,
          payoutId,
          participantId,
          { type: 'InstructPayout', batchId, instructedOn },
          cause,
        );
        // No longer scheduled (another batch took it, it was cancelled): not in this batch.
        if (!result.ok || result.state.status !== 'instructed' || result.events.length === 0)
          continue;
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
          type: 'InstructBatch',
          batchId,
          payouts,
          fileName,
          instructedBy: cause.actor.id,
          instructedOn,
        },
        cause,
      );
      accepted(batch, `batch ${batchId}`);
      const total = payouts.reduce((sum, payout) => sum + payout.amount, 0);
      return { batchId, created: true, payouts, total, fileName, instructedOn };
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

  /** A batch as its stream recorded it (a retried request gets the first answer). */
  private async describe(batchId: string, created: boolean): Promise<InstructedBatch> {
    const [envelope] = await this.runtime.store.readStream(
      this.database,
      payoutBatchStreamId(batchId),
    );
    if (envelope === undefined) throw new Error(`batch ${batchId} has no events`);
    const { data } = await this.streams.batches.toDomainEvent(envelope);
    return {
      batchId,
      created,
      payouts: data.payouts,
      total: data.total,
      fileName: data.fileName,
      instructedOn: data.instructedOn,
    };
  }
}
