import { accept, rejectWith } from '@santunan/domain-kernel';
import { isRupiah, sumRupiah } from '../shared/rupiah';
import { decideBankOutcome } from './bank-outcome.decide';
import type {
  BatchPayout,
  CancelPayout,
  InstructPayout,
  PayoutOrderCommand,
  SchedulePayout,
} from './payout-order.commands';
import { wrongStatus, type PayoutOrderDecision } from './payout-order.rejections';
import type { PayoutOrderState } from './payout-order.state';
import { decideReissueApproval, decideReissueRequest } from './reissue.decide';

/** Ordered once: the same order again (a redelivered decision) changes nothing. */
function schedule(command: SchedulePayout, state: PayoutOrderState): PayoutOrderDecision {
  const { order } = command;
  if (state.status !== 'none') {
    const same =
      state.order.payoutId === order.payoutId &&
      state.order.amount === order.amount &&
      state.order.beneficiary.beneficiaryId === order.beneficiary.beneficiaryId &&
      state.order.decision.decisionId === order.decision.decisionId;
    return same
      ? accept()
      : rejectWith(
          'PAYOUT_ORDER_CONFLICT',
          `payout ${order.payoutId} was ordered with other terms`,
          {
            orderedAmount: state.order.amount,
          },
        );
  }
  const components = sumRupiah(order.components.map((component) => component.amount));
  if (!isRupiah(order.amount) || order.amount === 0 || components !== order.amount) {
    return rejectWith(
      'PAYOUT_AMOUNT_INVALID',
      `amount ${order.amount} must be positive whole rupiah equal to its components (${components})`,
    );
  }
  return accept({ type: 'PayoutScheduled', data: order });
}

/** Into one prepared batch per attempt: a payout in a batch already goes in no other. */
function batch(command: BatchPayout, state: PayoutOrderState): PayoutOrderDecision {
  if (state.status === 'none') return rejectWith('PAYOUT_NOT_FOUND', 'no such payout');
  if (state.status === 'batched' && state.batchId === command.batchId) return accept();
  if (state.status !== 'scheduled') return wrongStatus('PAYOUT_NOT_SCHEDULED', state, 'scheduled');
  return accept({
    type: 'PayoutBatched',
    data: {
      payoutId: state.order.payoutId,
      batchId: command.batchId,
      attempt: state.attempt,
      amount: state.order.amount,
      bankAccount: state.bankAccount,
      batchedOn: command.batchedOn,
    },
  });
}

/** Only the batch the payout is locked in can be handed over, once. */
function instruct(command: InstructPayout, state: PayoutOrderState): PayoutOrderDecision {
  if (state.status === 'none') return rejectWith('PAYOUT_NOT_FOUND', 'no such payout');
  if (state.status === 'instructed' && state.batchId === command.batchId) return accept();
  if (state.status !== 'batched' || state.batchId !== command.batchId) {
    return rejectWith(
      'PAYOUT_NOT_IN_BATCH',
      `the payout is ${state.status}, not waiting in batch ${command.batchId}`,
      { payoutStatus: state.status },
    );
  }
  return accept({
    type: 'PayoutInstructed',
    data: {
      payoutId: state.order.payoutId,
      batchId: command.batchId,
      attempt: state.attempt,
      amount: state.order.amount,
      bankAccount: state.bankAccount,
      instructedOn: command.instructedOn,
    },
  });
}

/**
 * Only while no money is on its way: scheduled, or back from the bank (failed, returned). A
 * payout in a prepared batch is not: its file may reach the bank at any moment.
 */
function cancel(command: CancelPayout, state: PayoutOrderState): PayoutOrderDecision {
  if (state.status === 'none') return rejectWith('PAYOUT_NOT_FOUND', 'no such payout');
  if (state.status === 'cancelled') return accept();
  if (state.status === 'batched' || state.status === 'instructed' || state.status === 'settled') {
    return wrongStatus('PAYOUT_NOT_CANCELLABLE', state, 'scheduled, failed or returned');
  }
  return accept({
    type: 'PayoutCancelled',
    data: {
      payoutId: state.order.payoutId,
      reason: command.reason,
      note: command.note,
      supersededByDecisionId: command.supersededByDecisionId,
      cancelledBy: command.cancelledBy,
      cancelledOn: command.cancelledOn,
    },
  });
}

export function decidePayoutOrder(
  command: PayoutOrderCommand,
  state: PayoutOrderState,
): PayoutOrderDecision {
  switch (command.type) {
    case 'SchedulePayout':
      return schedule(command, state);
    case 'BatchPayout':
      return batch(command, state);
    case 'InstructPayout':
      return instruct(command, state);
    case 'RecordBankOutcome':
      return decideBankOutcome(command.report, state);
    case 'RequestPayoutReissue':
      return decideReissueRequest(command, state);
    case 'ApprovePayoutReissue':
      return decideReissueApproval(command, state);
    case 'CancelPayout':
      return cancel(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
