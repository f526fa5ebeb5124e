import type {
  BankAccount,
  IsoDate,
  PayoutCancellationReason,
  PayoutReissueRequested,
  PayoutScheduled,
  PayoutsEventOf,
  SettlementOutcome,
} from '@santunan/contracts';

export type PayoutOrderEvent = PayoutsEventOf<
  | 'PayoutScheduled'
  | 'PayoutBatched'
  | 'PayoutInstructed'
  | 'PayoutSettled'
  | 'PayoutFailed'
  | 'PayoutReturned'
  | 'PayoutReissueRequested'
  | 'PayoutReissued'
  | 'PayoutCancelled'
>;

export interface RecordedBankReference {
  readonly bankReference: string;
  readonly outcome: SettlementOutcome;
  readonly attempt: number;
}

export type PendingReissue = Omit<PayoutReissueRequested, 'payoutId'>;

/** What every payout knows once ordered, whatever its status. */
interface OrderedPayout {
  readonly order: PayoutScheduled;
  /** The current instruction's attempt (or the next one's, while scheduled). */
  readonly attempt: number;
  /** Where the next (or current) instruction pays; a reissue changes it. */
  readonly bankAccount: BankAccount;
  /** Every bank reference this payout has recorded: a repeat of one changes nothing. */
  readonly bankReferences: readonly RecordedBankReference[];
  /** Late-payment compensation looks at the first settlement only. */
  readonly firstSettledOn: IsoDate | null;
  /** Reissue requests approved so far: approving one again is a retry. */
  readonly approvedReissues: readonly string[];
}

export interface ScheduledPayout extends OrderedPayout {
  readonly status: 'scheduled';
}

/** In a prepared batch: locked there (no other batch, no cancellation), no money moved yet. */
export interface BatchedPayoutOrder extends OrderedPayout {
  readonly status: 'batched';
  readonly batchId: string;
  readonly batchedOn: IsoDate;
}

export interface InstructedPayout extends OrderedPayout {
  readonly status: 'instructed';
  readonly batchId: string;
  readonly instructedOn: IsoDate;
}

export interface SettledPayout extends OrderedPayout {
  readonly status: 'settled';
  readonly batchId: string;
  readonly bankReference: string;
  readonly settledOn: IsoDate;
}

/** Failed or returned: the money is not with the beneficiary; reissue or cancel. */
export interface UnpaidPayout extends OrderedPayout {
  readonly status: 'failed' | 'returned';
  readonly batchId: string;
  readonly reasonCode: string;
  readonly pendingReissue: PendingReissue | null;
}

export interface CancelledPayout extends OrderedPayout {
  readonly status: 'cancelled';
  readonly reason: PayoutCancellationReason;
}

export type PayoutOrder =
  | ScheduledPayout
  | BatchedPayoutOrder
  | InstructedPayout
  | SettledPayout
  | UnpaidPayout
  | CancelledPayout;

export type PayoutOrderState = { readonly status: 'none' } | PayoutOrder;

export const initialPayoutOrderState = (): PayoutOrderState => ({ status: 'none' });

function common(state: PayoutOrder): OrderedPayout {
  const { order, attempt, bankAccount, bankReferences, firstSettledOn, approvedReissues } = state;
  return { order, attempt, bankAccount, bankReferences, firstSettledOn, approvedReissues };
}

function recorded(
  state: PayoutOrder,
  bankReference: string,
  outcome: SettlementOutcome,
): readonly RecordedBankReference[] {
  return [...state.bankReferences, { bankReference, outcome, attempt: state.attempt }];
}

export function evolvePayoutOrder(
  state: PayoutOrderState,
  event: PayoutOrderEvent,
): PayoutOrderState {
  if (event.type === 'PayoutScheduled') {
    return {
      status: 'scheduled',
      order: event.data,
      attempt: 1,
      bankAccount: event.data.bankAccount,
      bankReferences: [],
      firstSettledOn: null,
      approvedReissues: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PayoutBatched':
      return {
        ...common(state),
        status: 'batched',
        batchId: event.data.batchId,
        batchedOn: event.data.batchedOn,
      };
    case 'PayoutInstructed':
      return {
        ...common(state),
        status: 'instructed',
        batchId: event.data.batchId,
        instructedOn: event.data.instructedOn,
      };
    case 'PayoutSettled':
      return {
        ...common(state),
        status: 'settled',
        batchId: event.data.batchId,
        bankReference: event.data.bankReference,
        settledOn: event.data.settledOn,
        bankReferences: recorded(state, event.data.bankReference, 'settled'),
        firstSettledOn: state.firstSettledOn ?? event.data.settledOn,
      };
    case 'PayoutFailed':
    case 'PayoutReturned':
      return {
        ...common(state),
        status: event.type === 'PayoutFailed' ? 'failed' : 'returned',
        batchId: event.data.batchId,
        reasonCode: event.data.reasonCode,
        pendingReissue: null,
        bankReferences: recorded(
          state,
          event.data.bankReference,
          event.type === 'PayoutFailed' ? 'failed' : 'returned',
        ),
      };
    case 'PayoutReissueRequested': {
      if (state.status !== 'failed' && state.status !== 'returned') return state;
      const { payoutId: _payoutId, ...request } = event.data;
      return { ...state, pendingReissue: request };
    }
    case 'PayoutReissued':
      return {
        ...common(state),
        status: 'scheduled',
        attempt: event.data.attempt,
        bankAccount: event.data.bankAccount,
        approvedReissues: [...state.approvedReissues, event.data.requestId],
      };
    case 'PayoutCancelled':
      return { ...common(state), status: 'cancelled', reason: event.data.reason };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
