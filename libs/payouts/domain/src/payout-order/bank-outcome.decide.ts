import { accept, isIsoDate, rejectWith } from '@santunan/domain-kernel';
import type { BankOutcome } from './payout-order.commands';
import { wrongStatus, type PayoutOrderDecision } from './payout-order.rejections';
import type { PayoutOrder, PayoutOrderState } from './payout-order.state';

function invalid(report: BankOutcome): string | undefined {
  if (report.bankReference.trim() === '') return 'the bank reference is empty';
  if (!isIsoDate(report.valueDate)) return `value date ${report.valueDate} is not a date`;
  if (!Number.isSafeInteger(report.amount)) return 'the amount is not whole rupiah';
  if (report.outcome !== 'settled' && (report.reasonCode ?? '').trim() === '') {
    return `a ${report.outcome} report needs the bank's reason code`;
  }
  return undefined;
}

function mismatch(report: BankOutcome, state: PayoutOrder): PayoutOrderDecision | undefined {
  if (report.amount !== state.order.amount) {
    return rejectWith(
      'SETTLEMENT_AMOUNT_MISMATCH',
      `the bank reports ${report.amount}, the payout is ${state.order.amount}`,
      { reported: report.amount, expected: state.order.amount },
    );
  }
  if ('batchId' in state && state.batchId !== report.batchId) {
    return rejectWith(
      'SETTLEMENT_BATCH_MISMATCH',
      `the report is for batch ${report.batchId}; attempt ${state.attempt} went in batch ${state.batchId}`,
      { reportedBatchId: report.batchId, batchId: state.batchId },
    );
  }
  return undefined;
}

/**
 * A bank outcome, idempotent by bank reference: a reference this payout already recorded
 * with the same outcome changes nothing (a resent report, a redelivery, the same report by
 * Kafka and by HTTP); with another outcome it is a conflict, never silently re-read.
 */
export function decideBankOutcome(
  report: BankOutcome,
  state: PayoutOrderState,
): PayoutOrderDecision {
  if (state.status === 'none') return rejectWith('PAYOUT_NOT_FOUND', 'no such payout');
  const known = state.bankReferences.find((ref) => ref.bankReference === report.bankReference);
  if (known !== undefined) {
    return known.outcome === report.outcome
      ? accept()
      : rejectWith(
          'BANK_REFERENCE_CONFLICT',
          `bank reference ${report.bankReference} was recorded as ${known.outcome}, not ${report.outcome}`,
          { recordedOutcome: known.outcome },
        );
  }
  // The bank cannot have paid from a file nobody has handed it (ADR 0035).
  if (state.status === 'batched') {
    return rejectWith(
      'BATCH_NOT_INSTRUCTED',
      `batch ${state.batchId} has not been marked as handed to the bank`,
      { batchId: state.batchId },
    );
  }
  const problem = invalid(report);
  if (problem !== undefined) return rejectWith('SETTLEMENT_INVALID', problem);
  const base = {
    payoutId: state.order.payoutId,
    attempt: state.attempt,
    bankReference: report.bankReference,
    settlementReportId: report.reportId,
  };
  switch (report.outcome) {
    case 'settled':
    case 'failed': {
      if (state.status !== 'instructed')
        return wrongStatus('PAYOUT_NOT_INSTRUCTED', state, 'instructed');
      const refused = mismatch(report, state);
      if (refused !== undefined) return refused;
      if (report.outcome === 'failed') {
        return accept({
          type: 'PayoutFailed',
          data: {
            ...base,
            batchId: state.batchId,
            reasonCode: report.reasonCode ?? '',
            reason: report.reason ?? '',
            failedOn: report.valueDate,
          },
        });
      }
      const { dueDate } = state.order;
      return accept({
        type: 'PayoutSettled',
        data: {
          ...base,
          batchId: state.batchId,
          amount: report.amount,
          settledOn: report.valueDate,
          dueDate,
          late: dueDate !== null && report.valueDate > dueDate,
        },
      });
    }
    case 'returned': {
      if (state.status !== 'settled') return wrongStatus('PAYOUT_NOT_SETTLED', state, 'settled');
      const refused = mismatch(report, state);
      if (refused !== undefined) return refused;
      return accept({
        type: 'PayoutReturned',
        data: {
          ...base,
          batchId: state.batchId,
          amount: report.amount,
          reasonCode: report.reasonCode ?? '',
          reason: report.reason ?? '',
          returnedOn: report.valueDate,
        },
      });
    }
    default: {
      const _exhaustive: never = report.outcome;
      return _exhaustive;
    }
  }
}
