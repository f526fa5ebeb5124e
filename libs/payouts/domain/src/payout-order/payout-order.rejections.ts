import { rejectWith, type Decision } from '@santunan/domain-kernel';
import type { PayoutOrderEvent, PayoutOrderState } from './payout-order.state';

export type PayoutOrderRejectionCode =
  | 'PAYOUT_NOT_FOUND'
  | 'PAYOUT_AMOUNT_INVALID'
  | 'PAYOUT_ORDER_CONFLICT'
  | 'PAYOUT_NOT_SCHEDULED'
  | 'PAYOUT_NOT_IN_BATCH'
  | 'BATCH_NOT_INSTRUCTED'
  | 'PAYOUT_NOT_INSTRUCTED'
  | 'PAYOUT_NOT_SETTLED'
  | 'PAYOUT_NOT_CANCELLABLE'
  | 'PAYOUT_NOT_REISSUABLE'
  | 'SETTLEMENT_INVALID'
  | 'SETTLEMENT_AMOUNT_MISMATCH'
  | 'SETTLEMENT_BATCH_MISMATCH'
  | 'BANK_REFERENCE_CONFLICT'
  | 'REISSUE_ALREADY_REQUESTED'
  | 'REISSUE_REQUEST_NOT_FOUND'
  | 'REISSUE_SAME_PERSON'
  | 'BANK_ACCOUNT_INVALID';

export type PayoutOrderDecision = Decision<PayoutOrderEvent, PayoutOrderRejectionCode>;

/** The payout is in a status the command does not apply to. */
export function wrongStatus(
  code: PayoutOrderRejectionCode,
  state: PayoutOrderState,
  wanted: string,
): PayoutOrderDecision {
  return rejectWith(code, `the payout is ${state.status}; it must be ${wanted}`, {
    payoutStatus: state.status,
  });
}
