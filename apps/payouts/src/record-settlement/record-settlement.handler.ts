import { Inject, Injectable } from '@nestjs/common';
import {
  lateCompensationOrder,
  type BankOutcome,
  type PayoutOrderEvent,
  type PayoutOrderState,
} from '@santunan/payouts-domain';
import {
  accepted,
  ServiceRuntime,
  type DomainRejection,
  type Transaction,
} from '@santunan/platform';
import type { WorkingDayCalendar } from '@santunan/rules';
import type { Cause } from '../shared/cause';
import { BankReferences } from '../shared/payout-order-index';
import { compensationPayoutId } from '../shared/payout-ids';
import { PayoutStreams } from '../shared/payout-streams.repository';
import { payoutNotFound } from '../shared/payouts-rejections';
import { inTransaction } from '../shared/transactions';
import { workingDayCalendar } from '../shared/working-day-calendar';

export interface SettlementReportCommand extends BankOutcome {
  readonly payoutId: string;
}

export type SettlementOutcome =
  | {
      readonly ok: true;
      /** False when the report was known (same bank reference and outcome): nothing changed. */
      readonly recorded: boolean;
      readonly payoutId: string;
      readonly status: string;
      /** Settled late: the compensation payout ordered with it. */
      readonly compensationPayoutId: string | null;
    }
  | { readonly ok: false; readonly rejection: DomainRejection };

/**
 * A bank outcome for a payout (from the Kafka topic or the HTTP endpoint, the same use case),
 * idempotent by bank reference, and — when a benefit is settled after its due date — the
 * late-payment compensation payout ordered in the same transaction.
 */
@Injectable()
export class RecordSettlementHandler {
  private readonly bankReferences = new BankReferences();
  private readonly calendar: WorkingDayCalendar = workingDayCalendar();

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  /** A report from HTTP: in its own transaction, retried after a lost race. */
  record(report: SettlementReportCommand, cause: Cause): Promise<SettlementOutcome> {
    return inTransaction(this.runtime.database, (tx) => this.apply(tx, report, cause));
  }

  /** A report in the caller's transaction (the consumer's, with its inbox row). */
  async apply(
    tx: Transaction,
    report: SettlementReportCommand,
    cause: Cause,
  ): Promise<SettlementOutcome> {
    const participantId = await this.streams.index.participantOf(tx, report.payoutId);
    if (participantId === undefined) {
      return { ok: false, rejection: payoutNotFound(report.payoutId) };
    }
    const owner = await this.bankReferences.ownerOf(tx, report.bankReference);
    if (owner !== undefined && owner !== report.payoutId) {
      return {
        ok: false,
        rejection: {
          code: 'BANK_REFERENCE_CONFLICT',
          message: `bank reference ${report.bankReference} belongs to payout ${owner}`,
          details: { payoutId: owner },
        },
      };
    }
    const before = await this.streams.order(tx, report.payoutId);
    const result = await this.streams.decideOrder(
      tx,
      report.payoutId,
      participantId,
      { type: 'RecordBankOutcome', report },
      cause,
      async (inner, stored) => {
        if (stored.length > 0) {
          await this.bankReferences.record(
            inner,
            report.bankReference,
            report.payoutId,
            report.outcome,
          );
        }
      },
    );
    if (!result.ok) return { ok: false, rejection: result.rejection };
    let compensationId: string | null = null;
    const settled = result.events.find((event) => event.type === 'PayoutSettled');
    if (settled !== undefined) {
      compensationId = await this.compensateIfLate(
        tx,
        report.payoutId,
        before,
        await this.streams.orders.toDomainEvent(settled),
        cause,
      );
    }
    return {
      ok: true,
      recorded: result.events.length > 0,
      payoutId: report.payoutId,
      status: result.state.status,
      compensationPayoutId: compensationId,
    };
  }

  private async compensateIfLate(
    tx: Transaction,
    payoutId: string,
    before: PayoutOrderState,
    settled: PayoutOrderEvent,
    cause: Cause,
  ): Promise<string | null> {
    if (settled.type !== 'PayoutSettled') return null;
    const order = lateCompensationOrder({
      before,
      settled: settled.data,
      compensationPayoutId: compensationPayoutId(payoutId),
      calendar: this.calendar,
      scheduledOn: this.runtime.clock.today(),
    });
    // A rule that cannot be evaluated must not lose the compensation: fail the whole report.
    if (!order.ok)
      throw new Error(
        `late-payment compensation for ${payoutId}: ${order.error.code}: ${order.error.message}`,
      );
    if (order.value === null) return null;
    const scheduled = await this.streams.schedule(tx, order.value.order, cause);
    accepted(scheduled, `late-payment compensation for ${payoutId}`);
    return order.value.order.payoutId;
  }
}
