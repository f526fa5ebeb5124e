import type { PayoutSettled, PayoutSla } from '@santunan/contracts';
import { verifyExplanation } from '@santunan/rules';
import { CALENDAR, scheduledOrder } from '../__tests__/fixtures';
import {
  evolvePayoutOrder,
  initialPayoutOrderState,
  type PayoutOrderState,
} from '../payout-order/payout-order.state';
import { lateCompensationOrder } from './compensation-order';
import { assessLatePayment } from './late-payment';

/** A JKM claim complete on 2026-03-16: 3 working days → due 2026-03-23 (Nyepi, Idul Fitri). */
const sla: PayoutSla = {
  program: 'jkm',
  documentsCompletedOn: '2026-03-16',
  dueDate: '2026-03-23',
  ruleSetId: 'PP50-2025',
};

describe('assessLatePayment: 1% of the benefit per day late (rules library)', () => {
  it.each([
    ['on the due date', '2026-03-23', null, null],
    ['before it', '2026-03-18', null, null],
    ['one day late', '2026-03-24', 1, 420_000],
    ['two days late', '2026-03-25', 2, 840_000],
    ['a month late', '2026-04-22', 30, 12_600_000],
  ])('Rp42,000,000 settled %s', (_case, settledOn, daysLate, amount) => {
    const result = assessLatePayment({
      benefitAmount: 42_000_000,
      sla,
      settledOn,
      calendar: CALENDAR,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value === null ? null : result.value.daysLate).toBe(daysLate);
    expect(result.value === null ? null : result.value.explanation.total).toBe(amount);
  });

  it('floors to the rupiah and explains itself so that recompute re-derives it', () => {
    const result = assessLatePayment({
      benefitAmount: 1_234_567,
      sla,
      settledOn: '2026-03-26',
      calendar: CALENDAR,
    });
    if (!result.ok || result.value === null) throw new Error('expected compensation');
    // 1% × 1,234,567 × 3 = 37,037.01 → 37,037
    expect(result.value.explanation.total).toBe(37_037);
    expect(result.value.explanation.components[0]).toMatchObject({
      code: 'LATE_PAYMENT_COMPENSATION',
      inputs: { benefitAmount: 1_234_567, daysLate: 3 },
    });
    expect(verifyExplanation(result.value.explanation)).toMatchObject({
      ok: true,
      value: { kind: 'match' },
    });
  });

  it('counts from the decision’s due date when the SLA clock was paused (documents awaited)', () => {
    const paused: PayoutSla = { ...sla, dueDate: '2026-03-26' };
    const result = assessLatePayment({
      benefitAmount: 42_000_000,
      sla: paused,
      settledOn: '2026-03-30',
      calendar: CALENDAR,
    });
    if (!result.ok || result.value === null) throw new Error('expected compensation');
    expect(result.value).toMatchObject({ dueDate: '2026-03-26', daysLate: 4 });
    expect(result.value.explanation.total).toBe(1_680_000);
  });
});

describe('lateCompensationOrder: its own payout, referencing the original', () => {
  const history = (...settlements: PayoutSettled[]): PayoutOrderState => {
    let state = evolvePayoutOrder(initialPayoutOrderState(), {
      type: 'PayoutScheduled',
      data: scheduledOrder(),
    });
    for (const settled of settlements)
      state = evolvePayoutOrder(state, { type: 'PayoutSettled', data: settled });
    return state;
  };
  const settled = (settledOn: string): PayoutSettled => ({
    payoutId: 'payout-1',
    batchId: 'batch-1',
    attempt: 1,
    bankReference: `BRI-${settledOn}`,
    settlementReportId: 'report-1',
    amount: 42_000_000,
    settledOn,
    dueDate: '2026-03-23',
    late: settledOn > '2026-03-23',
  });
  const order = (before: PayoutOrderState, settlement: PayoutSettled) =>
    lateCompensationOrder({
      before,
      settled: settlement,
      compensationPayoutId: 'payout-1-late',
      calendar: CALENDAR,
      scheduledOn: '2026-03-25',
    });

  it('orders Rp840,000 to the same beneficiary for a payout settled two days late', () => {
    const result = order(history(), settled('2026-03-25'));
    if (!result.ok || result.value === null) throw new Error('expected an order');
    expect(result.value.order).toMatchObject({
      payoutId: 'payout-1-late',
      kind: 'late-payment-compensation',
      amount: 840_000,
      components: [{ code: 'LATE_PAYMENT_COMPENSATION', amount: 840_000 }],
      beneficiary: { beneficiaryId: 'heir:h-widow' },
      decision: { decisionId: 'd-1' },
      dueDate: null,
      sla: null,
      compensation: {
        compensatesPayoutId: 'payout-1',
        benefitAmount: 42_000_000,
        daysLate: 2,
        dueDate: '2026-03-23',
      },
    });
  });

  it('orders nothing for an on-time payout, a second settlement, compensation itself, or a scholarship', () => {
    expect(order(history(), settled('2026-03-20'))).toEqual({ ok: true, value: null });
    expect(order(history(settled('2026-03-20')), settled('2026-04-20'))).toEqual({
      ok: true,
      value: null,
    });
    const compensation = evolvePayoutOrder(initialPayoutOrderState(), {
      type: 'PayoutScheduled',
      data: scheduledOrder({ kind: 'late-payment-compensation', sla: null, dueDate: null }),
    });
    expect(order(compensation, settled('2026-04-20'))).toEqual({ ok: true, value: null });
    const instalment = evolvePayoutOrder(initialPayoutOrderState(), {
      type: 'PayoutScheduled',
      data: scheduledOrder({ program: 'scholarship', sla: null, dueDate: null }),
    });
    expect(order(instalment, { ...settled('2026-04-20'), late: false })).toEqual({
      ok: true,
      value: null,
    });
  });
});
