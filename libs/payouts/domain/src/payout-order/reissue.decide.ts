import { accept, rejectWith } from '@santunan/domain-kernel';
import type { ApprovePayoutReissue, RequestPayoutReissue } from './payout-order.commands';
import { wrongStatus, type PayoutOrderDecision } from './payout-order.rejections';
import type { PayoutOrderState, UnpaidPayout } from './payout-order.state';

type ReissueTarget =
  | { readonly ok: true; readonly payout: UnpaidPayout }
  | { readonly ok: false; readonly decision: PayoutOrderDecision };

/**
 * Only a failed or returned payout is reissued; a request already approved is a retry, and
 * asking or approving it again changes nothing.
 */
function unpaidToReissue(requestId: string, state: PayoutOrderState): ReissueTarget {
  if (state.status === 'none') {
    return { ok: false, decision: rejectWith('PAYOUT_NOT_FOUND', 'no such payout') };
  }
  if (state.approvedReissues.includes(requestId)) return { ok: false, decision: accept() };
  if (state.status !== 'failed' && state.status !== 'returned') {
    return {
      ok: false,
      decision: wrongStatus('PAYOUT_NOT_REISSUABLE', state, 'failed or returned'),
    };
  }
  return { ok: true, payout: state };
}

/** Maker: one open request at a time; the same request again changes nothing. */
export function decideReissueRequest(
  command: RequestPayoutReissue,
  state: PayoutOrderState,
): PayoutOrderDecision {
  const unpaid = unpaidToReissue(command.requestId, state);
  if (!unpaid.ok) return unpaid.decision;
  const payout = unpaid.payout;
  const pending = payout.pendingReissue;
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
      payoutId: payout.order.payoutId,
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
  const unpaid = unpaidToReissue(command.requestId, state);
  if (!unpaid.ok) return unpaid.decision;
  const payout = unpaid.payout;
  const pending = payout.pendingReissue;
  if (pending === null || pending.requestId !== command.requestId) {
    return rejectWith('REISSUE_REQUEST_NOT_FOUND', `no open reissue request ${command.requestId}`);
  }
  if (pending.requestedBy === command.approvedBy) {
    return rejectWith('REISSUE_SAME_PERSON', 'the maker of a reissue cannot approve it');
  }
  return accept({
    type: 'PayoutReissued',
    data: {
      payoutId: payout.order.payoutId,
      requestId: pending.requestId,
      attempt: payout.attempt + 1,
      bankAccount: pending.bankAccount,
      reason: pending.reason,
      requestedBy: pending.requestedBy,
      approvedBy: command.approvedBy,
      reissuedOn: command.approvedOn,
    },
  });
}
