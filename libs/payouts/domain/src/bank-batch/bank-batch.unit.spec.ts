import type { PayoutsEventOf } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import {
  decideBankBatch,
  evolveBankBatch,
  initialBankBatchState,
  type InstructBatch,
} from './bank-batch';
import { bankFileName, renderBankFile } from './bank-file';

const spec = deciderSpec({
  decide: decideBankBatch,
  evolve: evolveBankBatch,
  initialState: initialBankBatchState,
});

const instruct: InstructBatch = {
  type: 'InstructBatch',
  batchId: 'batch-1',
  payouts: [
    { payoutId: 'payout-1', attempt: 1, amount: 42_000_000 },
    { payoutId: 'payout-2', attempt: 2, amount: 1_500_000 },
  ],
  fileName: 'santunan-payouts-2026-03-17-batch-1.csv',
  instructedBy: 'finance-1',
  instructedOn: '2026-03-17',
};

const instructed: PayoutsEventOf<'PayoutBatchInstructed'> = {
  type: 'PayoutBatchInstructed',
  data: {
    batchId: 'batch-1',
    payouts: instruct.payouts,
    count: 2,
    total: 43_500_000,
    currency: 'IDR',
    fileName: 'santunan-payouts-2026-03-17-batch-1.csv',
    instructedBy: 'finance-1',
    instructedOn: '2026-03-17',
  },
};

describe('bank batch decider', () => {
  it('instructs a batch with its count and total, once', () => {
    spec.given([]).when(instruct).then([instructed]);
    spec.given([instructed]).when(instruct).thenNothingHappened();
    spec
      .given([instructed])
      .when({ ...instruct, payouts: [] })
      .thenRejects('BATCH_ALREADY_INSTRUCTED');
  });

  it('refuses an empty batch', () => {
    spec
      .given([])
      .when({ ...instruct, payouts: [] })
      .thenRejects('BATCH_EMPTY');
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
