import { Inject, Injectable } from '@nestjs/common';
import type { PayoutScheduled } from '@santunan/contracts';
import type {
  BankBatchCommand,
  BankBatchEvent,
  BankBatchState,
  PayoutOrderCommand,
  PayoutOrderEvent,
  PayoutOrderState,
  PayoutPlanCommand,
  PayoutPlanEvent,
  PayoutPlanState,
} from '@santunan/payouts-domain';
import {
  ServiceRuntime,
  type CommandMetadata,
  type CommandResult,
  type DomainRejection,
  type EventEnvelope,
  type EventSourcedRepository,
  type SqlExecutor,
  type Transaction,
} from '@santunan/platform';
import type { Cause } from './cause';
import { PayoutOrderIndex } from './payout-order-index';
import { payoutNotFound } from './payouts-rejections';
import {
  PAYOUT_BATCH_STREAM,
  PAYOUT_PLAN_STREAM,
  PAYOUT_STREAM,
  bankBatchDecider,
  payoutBatchStreamId,
  payoutOrderDecider,
  payoutPlanDecider,
  payoutPlanStreamId,
  payoutStreamId,
} from './payout-streams';
import { inTransaction } from './transactions';

type Alongside<State> = NonNullable<CommandMetadata<State>['alongside']>;

/** A command on an existing payout: the decider's result, or PAYOUT_NOT_FOUND. */
export type PayoutCommandResult =
  | CommandResult<PayoutOrderState>
  | { readonly ok: false; readonly rejection: DomainRejection };

/**
 * The three aggregates' streams, decided and appended inside the caller's transaction: one
 * decision's plan, its orders and their index rows commit together with the consumer's inbox
 * row (or not at all). The caller retries the whole transaction on a concurrency conflict.
 * One provider, shared by the handlers and readers.
 */
@Injectable()
export class PayoutStreams {
  readonly plans: EventSourcedRepository<PayoutPlanEvent>;
  readonly orders: EventSourcedRepository<PayoutOrderEvent>;
  readonly batches: EventSourcedRepository<BankBatchEvent>;
  readonly index = new PayoutOrderIndex();

  constructor(@Inject(ServiceRuntime) readonly runtime: ServiceRuntime) {
    this.plans = runtime.repository(PAYOUT_PLAN_STREAM);
    this.orders = runtime.repository(PAYOUT_STREAM);
    this.batches = runtime.repository(PAYOUT_BATCH_STREAM);
  }

  async plan(tx: Transaction, decisionId: string): Promise<PayoutPlanState> {
    return (await this.plans.load(payoutPlanStreamId(decisionId), payoutPlanDecider, tx)).state;
  }

  async order(tx: Transaction | undefined, payoutId: string): Promise<PayoutOrderState> {
    return (await this.orders.load(payoutStreamId(payoutId), payoutOrderDecider, tx)).state;
  }

  async batch(tx: Transaction | undefined, batchId: string): Promise<BankBatchState> {
    return (await this.batches.load(payoutBatchStreamId(batchId), bankBatchDecider, tx)).state;
  }

  decidePlan(
    tx: Transaction,
    decisionId: string,
    participantId: string,
    command: PayoutPlanCommand,
    cause: Cause,
  ): Promise<CommandResult<PayoutPlanState>> {
    return this.plans.handleWithin(tx, {
      streamId: payoutPlanStreamId(decisionId),
      decider: payoutPlanDecider,
      command,
      ...cause,
      dataSubjectId: participantId,
    });
  }

  /**
   * A command of finance on a payout that must exist (the key of its participant seals its
   * personal data), in its own transaction, decided again after a lost race.
   */
  decideExisting(
    payoutId: string,
    command: () => PayoutOrderCommand,
    cause: Cause,
  ): Promise<PayoutCommandResult> {
    return inTransaction(this.runtime.database, async (tx) => {
      const participantId = await this.index.participantOf(tx, payoutId);
      if (participantId === undefined) return { ok: false, rejection: payoutNotFound(payoutId) };
      return this.decideOrder(tx, payoutId, participantId, command(), cause);
    });
  }

  decideOrder(
    tx: Transaction,
    payoutId: string,
    participantId: string,
    command: PayoutOrderCommand,
    cause: Cause,
    alongside?: Alongside<PayoutOrderState>,
  ): Promise<CommandResult<PayoutOrderState>> {
    return this.orders.handleWithin(tx, {
      streamId: payoutStreamId(payoutId),
      decider: payoutOrderDecider,
      command,
      ...cause,
      // The participant's key seals the beneficiary's name and account, as claims sealed them.
      dataSubjectId: participantId,
      alongside,
    });
  }

  /** Orders a payout and, in the same transaction, claims its row in the unique index. */
  schedule(
    tx: Transaction,
    order: PayoutScheduled,
    cause: Cause,
  ): Promise<CommandResult<PayoutOrderState>> {
    return this.decideOrder(
      tx,
      order.payoutId,
      order.participantId,
      { type: 'SchedulePayout', order },
      cause,
      async (inner, stored) => {
        if (stored.some((event) => event.type === 'PayoutScheduled'))
          await this.index.record(inner, order);
      },
    );
  }

  decideBatch(
    tx: Transaction,
    batchId: string,
    command: BankBatchCommand,
    cause: Cause,
  ): Promise<CommandResult<BankBatchState>> {
    return this.batches.handleWithin(tx, {
      streamId: payoutBatchStreamId(batchId),
      decider: bankBatchDecider,
      command,
      ...cause,
      // A batch holds no personal data; the subject is never used.
      dataSubjectId: batchId,
    });
  }

  /** A payout's events as stored (envelopes) and as the domain reads them (decrypted). */
  async history(
    executor: SqlExecutor,
    payoutId: string,
  ): Promise<{ envelope: EventEnvelope; event: PayoutOrderEvent }[]> {
    const envelopes = await this.runtime.store.readStream(executor, payoutStreamId(payoutId));
    return Promise.all(
      envelopes.map(async (envelope) => ({
        envelope,
        event: await this.orders.toDomainEvent(envelope),
      })),
    );
  }
}
