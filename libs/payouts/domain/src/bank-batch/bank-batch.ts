import type { IsoDate, PayoutsEventOf } from '@santunan/contracts';
import { accept, rejectWith, type Decision } from '@santunan/domain-kernel';
import { sumRupiah } from '../shared/rupiah';

export type BankBatchEvent = PayoutsEventOf<'PayoutBatchInstructed'>;

export interface BatchedPayout {
  readonly payoutId: string;
  readonly attempt: number;
  readonly amount: number;
}

/** Hand these payouts (already instructed one by one) to the bank as one file. */
export interface InstructBatch {
  readonly type: 'InstructBatch';
  readonly batchId: string;
  readonly payouts: readonly BatchedPayout[];
  readonly fileName: string;
  readonly instructedBy: string;
  readonly instructedOn: IsoDate;
}

export type BankBatchCommand = InstructBatch;

export type BankBatchState =
  | { readonly status: 'none' }
  | { readonly status: 'instructed'; readonly payouts: readonly BatchedPayout[] };

export type BankBatchRejectionCode = 'BATCH_EMPTY' | 'BATCH_ALREADY_INSTRUCTED';

export const initialBankBatchState = (): BankBatchState => ({ status: 'none' });

export function evolveBankBatch(_state: BankBatchState, event: BankBatchEvent): BankBatchState {
  return { status: 'instructed', payouts: event.data.payouts };
}

function samePayouts(a: readonly BatchedPayout[], b: readonly BatchedPayout[]): boolean {
  const key = (payouts: readonly BatchedPayout[]) =>
    payouts
      .map((p) => `${p.payoutId}#${p.attempt}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

export function decideBankBatch(
  command: BankBatchCommand,
  state: BankBatchState,
): Decision<BankBatchEvent, BankBatchRejectionCode> {
  if (state.status === 'instructed') {
    return samePayouts(state.payouts, command.payouts)
      ? accept()
      : rejectWith(
          'BATCH_ALREADY_INSTRUCTED',
          `batch ${command.batchId} was instructed with other payouts`,
        );
  }
  if (command.payouts.length === 0) {
    return rejectWith('BATCH_EMPTY', 'no scheduled payout to hand to the bank');
  }
  return accept({
    type: 'PayoutBatchInstructed',
    data: {
      batchId: command.batchId,
      payouts: command.payouts,
      count: command.payouts.length,
      total: sumRupiah(command.payouts.map((payout) => payout.amount)),
      currency: 'IDR',
      fileName: command.fileName,
      instructedBy: command.instructedBy,
      instructedOn: command.instructedOn,
    },
  });
}
