import type {
  BankAccount,
  IsoDate,
  PayoutCancellationReason,
  PayoutScheduled,
  SettlementReport,
} from '@santunan/contracts';

/** Order a payout: everything the payout will ever need is fixed here. */
export interface SchedulePayout {
  readonly type: 'SchedulePayout';
  readonly order: PayoutScheduled;
}

/** Lock the payout into a prepared bank batch (its file is generated; nothing sent yet). */
export interface BatchPayout {
  readonly type: 'BatchPayout';
  readonly batchId: string;
  readonly batchedOn: IsoDate;
}

/** The payout's batch was handed to the bank (a finance officer marked its file as sent). */
export interface InstructPayout {
  readonly type: 'InstructPayout';
  readonly batchId: string;
  readonly instructedOn: IsoDate;
}

/** What the bank reported for one payout of one batch (settlement report, Kafka or HTTP). */
export type BankOutcome = Omit<SettlementReport, 'schemaVersion' | 'payoutId' | 'reportedAt'>;

export interface RecordBankOutcome {
  readonly type: 'RecordBankOutcome';
  readonly report: BankOutcome;
}

/** Maker: pay a failed or returned payout into a corrected account. */
export interface RequestPayoutReissue {
  readonly type: 'RequestPayoutReissue';
  readonly requestId: string;
  readonly bankAccount: BankAccount;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedOn: IsoDate;
}

/** Checker: someone other than the maker approves the corrected account. */
export interface ApprovePayoutReissue {
  readonly type: 'ApprovePayoutReissue';
  readonly requestId: string;
  readonly approvedBy: string;
  readonly approvedOn: IsoDate;
}

export interface CancelPayout {
  readonly type: 'CancelPayout';
  readonly reason: PayoutCancellationReason;
  readonly note: string;
  readonly supersededByDecisionId: string | null;
  readonly cancelledBy: string;
  readonly cancelledOn: IsoDate;
}

export type PayoutOrderCommand =
  | SchedulePayout
  | BatchPayout
  | InstructPayout
  | RecordBankOutcome
  | RequestPayoutReissue
  | ApprovePayoutReissue
  | CancelPayout;
