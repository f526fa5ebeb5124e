import type { PayoutsEventOf } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import { account, scheduledOrder } from '../__tests__/fixtures';
import type { BankOutcome, PayoutOrderCommand } from './payout-order.commands';
import { decidePayoutOrder } from './payout-order.decide';
import { evolvePayoutOrder, initialPayoutOrderState } from './payout-order.state';

const spec = deciderSpec({
  decide: decidePayoutOrder,
  evolve: evolvePayoutOrder,
  initialState: initialPayoutOrderState,
});

const scheduled: PayoutsEventOf<'PayoutScheduled'> = {
  type: 'PayoutScheduled',
  data: scheduledOrder(),
};

const instructed = (batchId = 'batch-1', attempt = 1): PayoutsEventOf<'PayoutInstructed'> => ({
  type: 'PayoutInstructed',
  data: {
    payoutId: 'payout-1',
    batchId,
    attempt,
    amount: 42_000_000,
    bankAccount: attempt === 1 ? account('0001') : account('0002'),
    instructedOn: '2026-03-17',
  },
});

const batched = (batchId = 'batch-1', attempt = 1): PayoutsEventOf<'PayoutBatched'> => ({
  type: 'PayoutBatched',
  data: {
    payoutId: 'payout-1',
    batchId,
    attempt,
    amount: 42_000_000,
    bankAccount: attempt === 1 ? account('0001') : account('0002'),
    batchedOn: '2026-03-16',
  },
});

const report = (overrides: Partial<BankOutcome> = {}): PayoutOrderCommand => ({
  type: 'RecordBankOutcome',
  report: {
    reportId: 'report-1',
    batchId: 'batch-1',
    outcome: 'settled',
    bankReference: 'BRI-0001',
    amount: 42_000_000,
    valueDate: '2026-03-18',
    reasonCode: null,
    reason: null,
    ...overrides,
  },
});

const settled: PayoutsEventOf<'PayoutSettled'> = {
  type: 'PayoutSettled',
  data: {
    payoutId: 'payout-1',
    batchId: 'batch-1',
    attempt: 1,
    bankReference: 'BRI-0001',
    settlementReportId: 'report-1',
    amount: 42_000_000,
    settledOn: '2026-03-18',
    dueDate: '2026-03-23',
    late: false,
  },
};

const failed: PayoutsEventOf<'PayoutFailed'> = {
  type: 'PayoutFailed',
  data: {
    payoutId: 'payout-1',
    batchId: 'batch-1',
    attempt: 1,
    bankReference: 'BRI-F-1',
    settlementReportId: 'report-1',
    reasonCode: 'ACCOUNT_CLOSED',
    reason: 'rekening ditutup',
    failedOn: '2026-03-18',
  },
};

const failure = report({
  outcome: 'failed',
  bankReference: 'BRI-F-1',
  reasonCode: 'ACCOUNT_CLOSED',
  reason: 'rekening ditutup',
});

const requested: PayoutsEventOf<'PayoutReissueRequested'> = {
  type: 'PayoutReissueRequested',
  data: {
    payoutId: 'payout-1',
    requestId: 'req-1',
    bankAccount: account('0002'),
    reason: 'rekening baru',
    requestedBy: 'finance-maker',
    requestedOn: '2026-03-19',
  },
};

const reissued: PayoutsEventOf<'PayoutReissued'> = {
  type: 'PayoutReissued',
  data: {
    payoutId: 'payout-1',
    requestId: 'req-1',
    attempt: 2,
    bankAccount: account('0002'),
    reason: 'rekening baru',
    requestedBy: 'finance-maker',
    approvedBy: 'finance-checker',
    reissuedOn: '2026-03-20',
  },
};

describe('payout order decider: scheduling', () => {
  it('orders a payout once; the same order again changes nothing; other terms are a conflict', () => {
    spec.given([]).when({ type: 'SchedulePayout', order: scheduledOrder() }).then([scheduled]);
    spec
      .given([scheduled])
      .when({ type: 'SchedulePayout', order: scheduledOrder() })
      .thenNothingHappened();
    spec
      .given([scheduled])
      .when({
        type: 'SchedulePayout',
        order: scheduledOrder({ amount: 1, components: [{ code: 'X', amount: 1 }] }),
      })
      .thenRejects('PAYOUT_ORDER_CONFLICT');
  });

  it('refuses an amount that is not its components’ sum, or not positive', () => {
    spec
      .given([])
      .when({ type: 'SchedulePayout', order: scheduledOrder({ amount: 41_999_999 }) })
      .thenRejects('PAYOUT_AMOUNT_INVALID');
    spec
      .given([])
      .when({ type: 'SchedulePayout', order: scheduledOrder({ amount: 0, components: [] }) })
      .thenRejects('PAYOUT_AMOUNT_INVALID');
  });
});

describe('payout order decider: scheduled → batched → instructed → settled or failed', () => {
  const batch = { type: 'BatchPayout' as const, batchId: 'batch-1', batchedOn: '2026-03-16' };
  const instruct = {
    type: 'InstructPayout' as const,
    batchId: 'batch-1',
    instructedOn: '2026-03-17',
  };

  it('goes into one prepared batch with the account it pays into, and only one', () => {
    spec.given([scheduled]).when(batch).then([batched()]);
    spec.given([scheduled, batched()]).when(batch).thenNothingHappened();
    spec
      .given([scheduled, batched()])
      .when({ ...batch, batchId: 'batch-2' })
      .thenRejects('PAYOUT_NOT_SCHEDULED');
    spec
      .given([scheduled, batched(), instructed()])
      .when({ ...batch, batchId: 'batch-2' })
      .thenRejects('PAYOUT_NOT_SCHEDULED');
    spec.given([]).when(batch).thenRejects('PAYOUT_NOT_FOUND');
  });

  it('is instructed only when its own batch is marked, and only once', () => {
    spec.given([scheduled, batched()]).when(instruct).then([instructed()]);
    spec.given([scheduled, batched(), instructed()]).when(instruct).thenNothingHappened();
    spec
      .given([scheduled, batched()])
      .when({ ...instruct, batchId: 'batch-2' })
      .thenRejects('PAYOUT_NOT_IN_BATCH');
    spec.given([scheduled]).when(instruct).thenRejects('PAYOUT_NOT_IN_BATCH');
    spec.given([]).when(instruct).thenRejects('PAYOUT_NOT_FOUND');
  });

  it('refuses a bank outcome while its batch is only prepared (the bank has no file)', () => {
    spec.given([scheduled, batched()]).when(report()).thenRejects('BATCH_NOT_INSTRUCTED');
  });

  it('settles after its batch was marked instructed (a stream from before batches were marked too)', () => {
    spec.given([scheduled, batched(), instructed()]).when(report()).then([settled]);
  });

  it('settles with the bank reference, on time', () => {
    spec.given([scheduled, instructed()]).when(report()).then([settled]);
  });

  it('marks a settlement after the due date as late', () => {
    spec
      .given([scheduled, instructed()])
      .when(report({ valueDate: '2026-03-25' }))
      .then([
        { type: 'PayoutSettled', data: { ...settled.data, settledOn: '2026-03-25', late: true } },
      ]);
  });

  it('is idempotent by bank reference: the same report again changes nothing', () => {
    spec
      .given([scheduled, instructed(), settled])
      .when(report({ reportId: 'resent' }))
      .thenNothingHappened();
    spec.given([scheduled, instructed(), failed]).when(failure).thenNothingHappened();
  });

  it('refuses a second settlement under another reference, or a known reference with another outcome', () => {
    spec
      .given([scheduled, instructed(), settled])
      .when(report({ bankReference: 'BRI-0002' }))
      .thenRejects('PAYOUT_NOT_INSTRUCTED');
    spec
      .given([scheduled, instructed(), settled])
      .when(report({ outcome: 'failed', reasonCode: 'X' }))
      .thenRejects('BANK_REFERENCE_CONFLICT');
  });

  it('refuses a settlement before instruction, for another batch, or for another amount', () => {
    spec.given([scheduled]).when(report()).thenRejects('PAYOUT_NOT_INSTRUCTED');
    spec
      .given([scheduled, instructed()])
      .when(report({ batchId: 'batch-9' }))
      .thenRejects('SETTLEMENT_BATCH_MISMATCH');
    spec
      .given([scheduled, instructed()])
      .when(report({ amount: 41_000_000 }))
      .thenRejects('SETTLEMENT_AMOUNT_MISMATCH');
    spec
      .given([scheduled, instructed()])
      .when(report({ valueDate: '18-03-2026' }))
      .thenRejects('SETTLEMENT_INVALID');
  });

  it('fails with the bank’s reason; a failure needs a reason code', () => {
    spec.given([scheduled, instructed()]).when(failure).then([failed]);
    spec
      .given([scheduled, instructed()])
      .when(report({ outcome: 'failed', bankReference: 'BRI-F-1' }))
      .thenRejects('SETTLEMENT_INVALID');
  });

  it('takes a return of a settled payout only', () => {
    const returned = report({
      outcome: 'returned',
      bankReference: 'BRI-R-1',
      reasonCode: 'ACCOUNT_CLOSED_AFTER_CREDIT',
      reason: 'dana dikembalikan',
      valueDate: '2026-03-30',
    });
    spec
      .given([scheduled, instructed(), settled])
      .when(returned)
      .then([
        {
          type: 'PayoutReturned',
          data: {
            payoutId: 'payout-1',
            batchId: 'batch-1',
            attempt: 1,
            bankReference: 'BRI-R-1',
            settlementReportId: 'report-1',
            amount: 42_000_000,
            reasonCode: 'ACCOUNT_CLOSED_AFTER_CREDIT',
            reason: 'dana dikembalikan',
            returnedOn: '2026-03-30',
          },
        },
      ]);
    spec.given([scheduled, instructed()]).when(returned).thenRejects('PAYOUT_NOT_SETTLED');
  });
});

describe('payout order decider: reissue to a corrected account (maker–checker)', () => {
  const request: PayoutOrderCommand = {
    type: 'RequestPayoutReissue',
    requestId: 'req-1',
    bankAccount: account('0002'),
    reason: 'rekening baru',
    requestedBy: 'finance-maker',
    requestedOn: '2026-03-19',
  };
  const approve = (approvedBy: string): PayoutOrderCommand => ({
    type: 'ApprovePayoutReissue',
    requestId: 'req-1',
    approvedBy,
    approvedOn: '2026-03-20',
  });

  it('is requested for a failed payout and approved by someone else; the next instruction uses the new account', () => {
    spec.given([scheduled, instructed(), failed]).when(request).then([requested]);
    spec
      .given([scheduled, instructed(), failed, requested])
      .when(approve('finance-checker'))
      .then([reissued]);
    spec
      .given([scheduled, instructed(), failed, requested, reissued])
      .when({ type: 'BatchPayout', batchId: 'batch-2', batchedOn: '2026-03-21' })
      .then([
        {
          ...batched('batch-2', 2),
          data: { ...batched('batch-2', 2).data, batchedOn: '2026-03-21' },
        },
      ]);
  });

  it('refuses the maker as checker, and a reissue of a payout that did not fail', () => {
    spec
      .given([scheduled, instructed(), failed, requested])
      .when(approve('finance-maker'))
      .thenRejects('REISSUE_SAME_PERSON');
    spec
      .given([scheduled, instructed(), settled])
      .when(request)
      .thenRejects('PAYOUT_NOT_REISSUABLE');
    spec
      .given([scheduled, instructed(), failed])
      .when(approve('finance-checker'))
      .thenRejects('REISSUE_REQUEST_NOT_FOUND');
  });

  it('treats a repeated request or approval as a retry', () => {
    spec.given([scheduled, instructed(), failed, requested]).when(request).thenNothingHappened();
    spec
      .given([scheduled, instructed(), failed, requested])
      .when({ ...request, requestId: 'req-2' })
      .thenRejects('REISSUE_ALREADY_REQUESTED');
    spec
      .given([scheduled, instructed(), failed, requested, reissued])
      .when(approve('finance-checker'))
      .thenNothingHappened();
  });

  it('forgets the first attempt’s failure: a late report for it changes nothing after the reissue', () => {
    spec
      .given([scheduled, instructed(), failed, requested, reissued, instructed('batch-2', 2)])
      .when(failure)
      .thenNothingHappened();
  });
});

describe('payout order decider: cancellation', () => {
  const cancel: PayoutOrderCommand = {
    type: 'CancelPayout',
    reason: 'returned-to-fund',
    note: 'ahli waris tidak dapat dihubungi',
    supersededByDecisionId: null,
    cancelledBy: 'finance-1',
    cancelledOn: '2026-04-01',
  };
  const cancelled: PayoutsEventOf<'PayoutCancelled'> = {
    type: 'PayoutCancelled',
    data: {
      payoutId: 'payout-1',
      reason: 'returned-to-fund',
      note: 'ahli waris tidak dapat dihubungi',
      supersededByDecisionId: null,
      cancelledBy: 'finance-1',
      cancelledOn: '2026-04-01',
    },
  };

  it('cancels while no money is on its way, once', () => {
    spec.given([scheduled]).when(cancel).then([cancelled]);
    spec.given([scheduled, instructed(), failed]).when(cancel).then([cancelled]);
    spec.given([scheduled, cancelled]).when(cancel).thenNothingHappened();
  });

  it('refuses to cancel a payout in a prepared batch, with the bank or paid', () => {
    spec.given([scheduled, batched()]).when(cancel).thenRejects('PAYOUT_NOT_CANCELLABLE');
    spec.given([scheduled, instructed()]).when(cancel).thenRejects('PAYOUT_NOT_CANCELLABLE');
    spec
      .given([scheduled, instructed(), settled])
      .when(cancel)
      .thenRejects('PAYOUT_NOT_CANCELLABLE');
  });
});
