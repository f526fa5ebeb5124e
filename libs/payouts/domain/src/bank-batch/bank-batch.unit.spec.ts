import type { PayoutsEventOf } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import {
  decideBankBatch,
  evolveBankBatch,
  initialBankBatchState,
  type MarkBatchInstructed,
  type PrepareBatch,
} from './bank-batch';
import { bankFileName, renderBankFile } from './bank-file';

const spec = deciderSpec({
  decide: decideBankBatch,
  evolve: evolveBankBatch,
  initialState: initialBankBatchState,
});

const payouts = [
  { payoutId: 'payout-1', attempt: 1, amount: 42_000_000 },
  { payoutId: 'payout-2', attempt: 2, amount: 1_500_000 },
];
const fileName = 'santunan-payouts-2026-03-17-batch-1.csv';

const prepare: PrepareBatch = {
  type: 'PrepareBatch',
  batchId: 'batch-1',
  payouts,
  fileName,
  preparedBy: 'finance-1',
  preparedOn: '2026-03-16',
};

const prepared: PayoutsEventOf<'PayoutBatchPrepared'> = {
  type: 'PayoutBatchPrepared',
  data: {
    batchId: 'batch-1',
    payouts,
    count: 2,
    total: 43_500_000,
    currency: 'IDR',
    fileName,
    preparedBy: 'finance-1',
    preparedOn: '2026-03-16',
  },
};

const mark: MarkBatchInstructed = {
  type: 'MarkBatchInstructed',
  batchId: 'batch-1',
  instructedBy: 'finance-2',
  instructedOn: '2026-03-17',
  bankReference: null,
};

const instructed: PayoutsEventOf<'PayoutBatchInstructed'> = {
  type: 'PayoutBatchInstructed',
  data: {
    batchId: 'batch-1',
    payouts,
    count: 2,
    total: 43_500_000,
    currency: 'IDR',
    fileName,
    instructedBy: 'finance-2',
    instructedOn: '2026-03-17',
  },
};

const reference = (bankReference: string): PayoutsEventOf<'PayoutBatchBankReferenceRecorded'> => ({
  type: 'PayoutBatchBankReferenceRecorded',
  data: { batchId: 'batch-1', bankReference, recordedBy: 'finance-2', recordedOn: '2026-03-17' },
});

describe('bank batch decider: prepared, then marked instructed', () => {
  it('prepares a batch with its count and total, once', () => {
    spec.given([]).when(prepare).then([prepared]);
    spec.given([prepared]).when(prepare).thenNothingHappened();
    spec
      .given([prepared])
      .when({ ...prepare, payouts: [] })
      .thenRejects('BATCH_ALREADY_PREPARED');
  });

  it('refuses an empty batch', () => {
    spec
      .given([])
      .when({ ...prepare, payouts: [] })
      .thenRejects('BATCH_EMPTY');
  });

  it('is marked instructed once, by whom and when, with the bank reference when given', () => {
    spec.given([prepared]).when(mark).then([instructed]);
    spec
      .given([prepared])
      .when({ ...mark, bankReference: ' H2H-0042 ' })
      .then([instructed, reference('H2H-0042')]);
    spec.given([prepared, instructed]).when(mark).thenNothingHappened();
    spec
      .given([prepared, instructed, reference('H2H-0042')])
      .when({ ...mark, bankReference: 'H2H-0042' })
      .thenNothingHappened();
  });

  it('takes the bank reference later, but never a second, different one', () => {
    spec
      .given([prepared, instructed])
      .when({ ...mark, bankReference: 'H2H-0042' })
      .then([reference('H2H-0042')]);
    spec
      .given([prepared, instructed, reference('H2H-0042')])
      .when({ ...mark, bankReference: 'H2H-0043' })
      .thenRejects('BATCH_BANK_REFERENCE_CONFLICT');
  });

  it('refuses to mark a batch that does not exist, or with a blank or overlong reference', () => {
    spec.given([]).when(mark).thenRejects('BATCH_NOT_FOUND');
    spec
      .given([prepared])
      .when({ ...mark, bankReference: '   ' })
      .thenRejects('BATCH_BANK_REFERENCE_INVALID');
    spec
      .given([prepared])
      .when({ ...mark, bankReference: 'x'.repeat(101) })
      .thenRejects('BATCH_BANK_REFERENCE_INVALID');
  });

  it('reads a batch recorded before ADR 0035 (instructed alone) as instructed', () => {
    spec.given([instructed]).when(mark).thenNothingHappened();
    spec.given([instructed]).when(prepare).thenNothingHappened();
    expect(evolveBankBatch(initialBankBatchState(), instructed)).toMatchObject({
      status: 'instructed',
      preparedBy: null,
      instructedBy: 'finance-2',
    });
  });
});

describe('bank file', () => {
  it('is RFC 4180 CSV with whole-rupiah amounts, quoting and no formula injection', () => {
    const file = renderBankFile([
      {
        payoutId: 'payout-1',
        attempt: 1,
        bankCode: 'BRI',
        accountNumber: '0001',
        accountName: 'Bria, Maria',
        beneficiaryName: '=HYPERLINK("x")',
        amount: 42_000_000,
      },
    ]);
    expect(file).toBe(
      'payout_id,attempt,bank_code,account_number,account_name,beneficiary_name,amount,currency,remittance_info\r\n' +
        'payout-1,1,BRI,0001,"Bria, Maria","\'=HYPERLINK(""x"")",42000000,IDR,SANTUNAN payout-1\r\n',
    );
    expect(bankFileName('batch-1', '2026-03-17')).toBe('santunan-payouts-2026-03-17-batch-1.csv');
  });
});
