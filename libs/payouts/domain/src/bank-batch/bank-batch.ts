import type { IsoDate, PayoutsEventOf } from '@santunan/contracts';
import { accept, rejectWith, type Decision } from '@santunan/domain-kernel';
import { sumRupiah } from '../shared/rupiah';

export type BankBatchEvent = PayoutsEventOf<
  'PayoutBatchPrepared' | 'PayoutBatchInstructed' | 'PayoutBatchBankReferenceRecorded'
>;

export interface BatchedPayout {
  readonly payoutId: string;
  readonly attempt: number;
  readonly amount: number;
}

/** Lock these payouts (each already batched one by one) into one bank file. */
export interface PrepareBatch {
  readonly type: 'PrepareBatch';
  readonly batchId: string;
  readonly payouts: readonly BatchedPayout[];
  readonly fileName: string;
  readonly preparedBy: string;
  readonly preparedOn: IsoDate;
}

/** A finance officer says the batch's file was handed to the bank (ADR 0035). */
export interface MarkBatchInstructed {
  readonly type: 'MarkBatchInstructed';
  readonly batchId: string;
  readonly instructedBy: string;
  readonly instructedOn: IsoDate;
  /** The bank's reference for the upload or transfer, when the officer has one. */
  readonly bankReference: string | null;
}

export type BankBatchCommand = PrepareBatch | MarkBatchInstructed;

interface BatchFile {
  readonly payouts: readonly BatchedPayout[];
  readonly fileName: string;
  readonly count: number;
  readonly total: number;
}

export interface PreparedBatch extends BatchFile {
  readonly status: 'prepared';
  readonly preparedBy: string;
  readonly preparedOn: IsoDate;
}

export interface InstructedBatch extends BatchFile {
  readonly status: 'instructed';
  /** Null for a batch recorded before ADR 0035, which was prepared and instructed at once. */
  readonly preparedBy: string | null;
  readonly preparedOn: IsoDate | null;
  readonly instructedBy: string;
  readonly instructedOn: IsoDate;
  readonly bankReference: string | null;
}

export type BankBatchState = { readonly status: 'none' } | PreparedBatch | InstructedBatch;

export type BankBatchRejectionCode =
  | 'BATCH_NOT_FOUND'
  | 'BATCH_EMPTY'
  | 'BATCH_ALREADY_PREPARED'
  | 'BATCH_BANK_REFERENCE_CONFLICT'
  | 'BATCH_BANK_REFERENCE_INVALID';

export type BankBatchDecision = Decision<BankBatchEvent, BankBatchRejectionCode>;

export const BANK_REFERENCE_MAX_LENGTH = 100;

export const initialBankBatchState = (): BankBatchState => ({ status: 'none' });

export function evolveBankBatch(state: BankBatchState, event: BankBatchEvent): BankBatchState {
  switch (event.type) {
    case 'PayoutBatchPrepared': {
      const { payouts, fileName, count, total, preparedBy, preparedOn } = event.data;
      return { status: 'prepared', payouts, fileName, count, total, preparedBy, preparedOn };
    }
    case 'PayoutBatchInstructed': {
      const { payouts, fileName, count, total, instructedBy, instructedOn } = event.data;
      return {
        status: 'instructed',
        payouts,
        fileName,
        count,
        total,
        preparedBy: state.status === 'prepared' ? state.preparedBy : null,
        preparedOn: state.status === 'prepared' ? state.preparedOn : null,
        instructedBy,
        instructedOn,
        bankReference: null,
      };
    }
    case 'PayoutBatchBankReferenceRecorded':
      return state.status === 'instructed'
        ? { ...state, bankReference: event.data.bankReference }
        : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function samePayouts(a: readonly BatchedPayout[], b: readonly BatchedPayout[]): boolean {
  const key = (payouts: readonly BatchedPayout[]) =>
    payouts
      .map((p) => `${p.payoutId}#${p.attempt}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

function prepare(command: PrepareBatch, state: BankBatchState): BankBatchDecision {
  if (state.status !== 'none') {
    return samePayouts(state.payouts, command.payouts)
      ? accept()
      : rejectWith(
          'BATCH_ALREADY_PREPARED',
          `batch ${command.batchId} was prepared with other payouts`,
        );
  }
  if (command.payouts.length === 0) {
    return rejectWith('BATCH_EMPTY', 'no scheduled payout to put in a batch');
  }
  return accept({
    type: 'PayoutBatchPrepared',
    data: {
      batchId: command.batchId,
      payouts: command.payouts,
      count: command.payouts.length,
      total: sumRupiah(command.payouts.map((payout) => payout.amount)),
      currency: 'IDR',
      fileName: command.fileName,
      preparedBy: command.preparedBy,
      preparedOn: command.preparedOn,
    },
  });
}

function referenceRecorded(
  command: MarkBatchInstructed,
  bankReference: string,
): PayoutsEventOf<'PayoutBatchBankReferenceRecorded'> {
  return {
    type: 'PayoutBatchBankReferenceRecorded',
    data: {
      batchId: command.batchId,
      bankReference,
      recordedBy: command.instructedBy,
      recordedOn: command.instructedOn,
    },
  };
}

/**
 * Once: marking again changes nothing (a double click, a retried request), and may add the
 * bank's reference when the first mark had none; another reference than the one recorded is a
 * conflict, never a silent overwrite.
 */
function markInstructed(command: MarkBatchInstructed, state: BankBatchState): BankBatchDecision {
  if (state.status === 'none') {
    return rejectWith('BATCH_NOT_FOUND', `no batch ${command.batchId}`);
  }
  const reference = command.bankReference?.trim() ?? null;
  if (reference !== null && (reference === '' || reference.length > BANK_REFERENCE_MAX_LENGTH)) {
    return rejectWith(
      'BATCH_BANK_REFERENCE_INVALID',
      `the bank reference must be 1 to ${BANK_REFERENCE_MAX_LENGTH} characters`,
    );
  }
  if (state.status === 'instructed') {
    if (reference === null || reference === state.bankReference) return accept();
    if (state.bankReference === null) return accept(referenceRecorded(command, reference));
    return rejectWith(
      'BATCH_BANK_REFERENCE_CONFLICT',
      `batch ${command.batchId} was marked with bank reference ${state.bankReference}`,
      { bankReference: state.bankReference },
    );
  }
  const instructed: BankBatchEvent = {
    type: 'PayoutBatchInstructed',
    data: {
      batchId: command.batchId,
      payouts: state.payouts,
      count: state.count,
      total: state.total,
      currency: 'IDR',
      fileName: state.fileName,
      instructedBy: command.instructedBy,
      instructedOn: command.instructedOn,
    },
  };
  return reference === null
    ? accept(instructed)
    : accept<BankBatchEvent>(instructed, referenceRecorded(command, reference));
}

export function decideBankBatch(
  command: BankBatchCommand,
  state: BankBatchState,
): BankBatchDecision {
  switch (command.type) {
    case 'PrepareBatch':
      return prepare(command, state);
    case 'MarkBatchInstructed':
      return markInstructed(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
