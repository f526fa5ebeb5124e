import type { IsoDate, PayoutSettled } from '@santunan/contracts';
import type { Result, WorkingDayCalendar } from '@santunan/rules';
import type { SchedulePayout } from '../payout-order/payout-order.commands';
import type { PayoutOrderState } from '../payout-order/payout-order.state';
import { assessLatePayment } from './late-payment';

export interface CompensationOrderInput {
  /** The payout as it was before this settlement. */
  readonly before: PayoutOrderState;
  readonly settled: PayoutSettled;
  /** Stable id of the compensation payout, derived by the service from the original's. */
  readonly compensationPayoutId: string;
  readonly calendar: WorkingDayCalendar;
  readonly scheduledOn: IsoDate;
}

/**
 * The compensation payout a late settlement calls for: its own order, to the same beneficiary
 * and the account the benefit was paid into, referencing the original. Only a benefit's
 * first settlement counts — a payout returned and paid again later earns no second one — and
 * compensation itself earns none.
 */
export function lateCompensationOrder(
  input: CompensationOrderInput,
): Result<SchedulePayout | null> {
  const { before, settled } = input;
  if (before.status === 'none' || before.firstSettledOn !== null) return { ok: true, value: null };
  const original = before.order;
  if (original.kind !== 'benefit' || original.sla === null || !settled.late) {
    return { ok: true, value: null };
  }
  const assessed = assessLatePayment({
    benefitAmount: original.amount,
    sla: original.sla,
    settledOn: settled.settledOn,
    calendar: input.calendar,
  });
  if (!assessed.ok || assessed.value === null)
    return assessed.ok ? { ok: true, value: null } : assessed;
  const { explanation, daysLate, dueDate } = assessed.value;
  return {
    ok: true,
    value: {
      type: 'SchedulePayout',
      order: {
        payoutId: input.compensationPayoutId,
        kind: 'late-payment-compensation',
        decision: original.decision,
        participantId: original.participantId,
        program: original.program,
        benefitType: original.benefitType,
        beneficiary: original.beneficiary,
        bankAccount: before.bankAccount,
        components: explanation.components.map(({ code, amount }) => ({ code, amount })),
        amount: explanation.total,
        currency: 'IDR',
        dueDate: null,
        sla: null,
        regencyCode: original.regencyCode,
        compensation: {
          compensatesPayoutId: original.payoutId,
          benefitAmount: original.amount,
          dueDate,
          settledOn: settled.settledOn,
          daysLate,
          explanation,
        },
        scheduledOn: input.scheduledOn,
      },
    },
  };
}
