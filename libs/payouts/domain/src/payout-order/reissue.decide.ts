import { accept, rejectWith } from '@santunan/domain-kernel';
import type { ApprovePayoutReissue, RequestPayoutReissue } from './payout-order.commands';
import { wrongStatus, type PayoutOrderDecision } from './payout-order.rejections';
import type { PayoutOrderState } from './payout-order.state';

/** Maker: one open request at a time; the same request again changes nothing. */
export function decideReissueRequest(
  command: RequestPayoutReissue,
  state: PayoutOrderState,
): PayoutOrderDecision {
  if (state.status === 'none') return rejectWith('PAYOUT_NOT_FOUND', 'no such payout');
  if (state.approvedReissues.includes(command.requestId)) return accept();
  if (state.status !== 'failed' && state.status !== 'returned') {
    return wrongStatus('PAYOUT_NOT_REISSUABLE', state, 'failed or returned');
  }
  const pending = state.pendingReissue;
  if (pending !== null) {
    return pending.requestId === command.requestId
      ? accept()
      : rejectWith('REISSUE_ALREADY_REQUESTED', `reissue ${pending.requestId} awaits approval`, {
          requestId: pending.requestId,
        });
  }
  const { bankCode, accountNumber, accountName } = command.bankAccount;
  if ([bankCode, accountNumber, accountName].some((part) => part.trim() === '')) {
    return rejectWith('BANK_ACCOUNT_INVALID', 'the corrected account is incomplete');
  }
  return accept({
    type: 'PayoutReissueRequested',
    data: {
      payoutId: state.order.payoutId,
      requestId: command.requestId,
      bankAccount: command.bankAccount,
      reason: command.reason,
      requestedBy: command.requestedBy,
      requestedOn: command.requestedOn,
    },
  });
}

/**
 * Checker: changing where money goes is the classic fraud, so a second person approves it
 * (maker–checker on actor ids, as for claims). Approving twice changes nothing.
 */
export function decideReissueApproval(
  command: ApprovePayoutReissue,
  state: PayoutOrderState,
): PayoutOrderDecision {
  if (state.status === 'none') return rejectWith('PAYOUT_NOT_FOUND', 'no such payout');
  if (state.approvedReissues.includes(command.requestId)) return accept();
  if (state.status !== 'failed' && state.status !== 'returned') {
    return wrongStatus('PAYOUT_NOT_REISSUABLE', state, 'failed or returned');
  }
  const pending = state.pendingReissue;
  if (pending === null || pending.requestId !== command.requestId) {
    return rejectWith('REISSUE_REQUEST_NOT_FOUND', `no open reissue request ${command.requestId}`);
  }
  if (pending.requestedBy === command.approvedBy) {
    return rejectWith('REISSUE_SAME_PERSON', 'the maker of a reissue cannot approve it');
  }
  return accept({
    type: 'PayoutReissued',
    data: {
      payoutId: state.order.payoutId,
      requestId: pending.requestId,
      attempt: state.attempt + 1,
      bankAccount: pending.bankAccount,
      reason: pending.reason,
      requestedBy: pending.requestedBy,
      approvedBy: command.approvedBy,
      reissuedOn: command.approvedOn,
    },
  });
}
