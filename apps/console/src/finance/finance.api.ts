import { withTraceHeaders } from '@santunan/platform';
import {
  problemOf,
  unavailable,
  type ServiceClient,
  type ServiceResult,
} from '../services/service-client';

// The payouts service as the finance pages read and command it (payout view, batches, bank
// file, settlements, reissue maker–checker, reconciliation), always with the officer's own token.

export interface FinancePayout {
  readonly payoutId: string;
  readonly kind: string;
  readonly program: string;
  readonly benefitType: string | null;
  readonly decisionId: string;
  readonly claimId: string;
  readonly participantId: string;
  readonly beneficiary: {
    readonly beneficiaryId: string;
    readonly kind: string;
    readonly fullName: string | null;
  };
  readonly bankAccount: {
    readonly bankCode: string;
    readonly accountNumber: string | null;
    readonly accountName: string | null;
  };
  readonly amount: number;
  readonly components: readonly { readonly code: string; readonly amount: number }[];
  readonly status: string;
  readonly attempt: number;
  readonly batchId: string | null;
  readonly bankReference: string | null;
  readonly dueDate: string | null;
  readonly scheduledOn: string;
  readonly instructedOn: string | null;
  readonly settledOn: string | null;
  readonly failure: {
    readonly reasonCode: string;
    readonly reason: string;
    readonly on: string;
    readonly attempt: number;
  } | null;
  readonly pendingReissue: {
    readonly requestId: string;
    readonly requestedBy: string;
    readonly reason: string;
    readonly requestedOn: string;
  } | null;
  readonly compensatesPayoutId: string | null;
  readonly version: number;
}

export interface PayoutHistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly eventId: string;
}

export interface PayoutListQuery {
  readonly status?: string;
  readonly program?: string;
  readonly benefitType?: string;
  readonly regencyCode?: string;
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly reissuePending?: boolean;
  readonly batchId?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Prepared (file made), instructed (marked as with the bank), settled (the bank answered all). */
export type BatchStatus = 'prepared' | 'instructed' | 'settled';

export interface BatchSummary {
  readonly batchId: string;
  readonly status: BatchStatus;
  readonly count: number;
  readonly total: number;
  readonly fileName: string;
  /** Null for a batch from before batches were marked (ADR 0035). */
  readonly preparedBy: string | null;
  readonly preparedOn: string;
  readonly instructedBy: string | null;
  readonly instructedOn: string | null;
  readonly bankReference: string | null;
}

export interface BatchDetail extends BatchSummary {
  readonly payouts: readonly {
    readonly payoutId: string;
    readonly attempt: number;
    readonly amount: number;
    readonly status: string;
  }[];
}

export interface CreatedBatch {
  readonly batchId: string;
  readonly created: boolean;
  readonly status: 'prepared' | 'instructed';
  readonly payouts: readonly { payoutId: string; attempt: number; amount: number }[];
  readonly total: number;
  readonly fileName: string;
}

export interface BankFile {
  readonly fileName: string;
  readonly content: string;
  readonly count: string | null;
  readonly total: string | null;
}

export interface SettlementRecorded {
  readonly payoutId: string;
  readonly recorded: boolean;
  readonly status: string;
  readonly compensationPayoutId: string | null;
}

export interface Tally {
  readonly count: number;
  readonly amount: number;
}

export const TALLY_COLUMNS = [
  'scheduled',
  'instructed',
  'settled',
  'failed',
  'returned',
  'cancelled',
] as const;
export type TallyColumn = (typeof TALLY_COLUMNS)[number];

export type Tallies = Readonly<Record<TallyColumn, Tally>>;

export interface DailyReport {
  readonly date: string;
  readonly rows: readonly (Tallies & {
    readonly program: string;
    readonly payoutKind: string;
    readonly regencyCode: string;
    readonly sponsorProgramId: string | null;
  })[];
  readonly totals: Tallies;
  readonly unknownRegencyMovements: number;
}

export interface DecisionCheck {
  readonly decisionId: string;
  readonly claimId: string;
  readonly program: string;
  readonly decidedAmount: number;
  readonly settledAmount: number;
  readonly openAmount: number;
  readonly difference: number;
  readonly status: string;
  readonly payouts: readonly {
    readonly payoutId: string;
    readonly status: string;
    readonly amount: number;
  }[];
}

export interface DecisionCheckReport {
  readonly decisionsChecked: number;
  readonly supersededDecisions: number;
  readonly settledInFull: number;
  readonly inProgress: number;
  readonly mismatches: readonly DecisionCheck[];
  readonly decisions: readonly DecisionCheck[];
}

export class FinanceApi {
  constructor(
    private readonly http: ServiceClient,
    /** The payouts service's base URL: the bank file is CSV, read as text. */
    private readonly payoutsUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  payouts(
    token: string,
    query: PayoutListQuery,
  ): Promise<ServiceResult<{ items: readonly FinancePayout[]; total: number }>> {
    return this.http.get(token, '/payouts', { ...query });
  }

  payout(
    token: string,
    payoutId: string,
  ): Promise<ServiceResult<{ payout: FinancePayout; history: readonly PayoutHistoryEntry[] }>> {
    return this.http.get(token, `/payouts/${encodeURIComponent(payoutId)}`);
  }

  requestReissue(
    token: string,
    payoutId: string,
    body: {
      requestId: string;
      bankAccount: { bankCode: string; accountNumber: string; accountName: string };
      reason: string;
    },
  ): Promise<ServiceResult<{ requestId: string; status: string }>> {
    return this.http.post(token, `/payouts/${encodeURIComponent(payoutId)}/reissue-requests`, body);
  }

  approveReissue(
    token: string,
    payoutId: string,
    requestId: string,
  ): Promise<ServiceResult<{ status: string }>> {
    return this.http.post(
      token,
      `/payouts/${encodeURIComponent(payoutId)}/reissue-requests/${encodeURIComponent(requestId)}/approval`,
    );
  }

  batches(
    token: string,
    page: { limit: number; offset: number },
  ): Promise<ServiceResult<{ items: readonly BatchSummary[]; total: number }>> {
    return this.http.get(token, '/payout-batches', page);
  }

  batch(token: string, batchId: string): Promise<ServiceResult<BatchDetail>> {
    return this.http.get(token, `/payout-batches/${encodeURIComponent(batchId)}`);
  }

  createBatch(
    token: string,
    body: { batchId: string; payoutIds?: string[]; program?: string },
  ): Promise<ServiceResult<CreatedBatch>> {
    return this.http.post(token, '/payout-batches', body);
  }

  /** The finance officer says the batch's file is with the bank (ADR 0035). */
  markInstructed(
    token: string,
    batchId: string,
    body: { bankReference?: string },
  ): Promise<ServiceResult<{ batchId: string; changed: boolean }>> {
    return this.http.post(token, `/payout-batches/${encodeURIComponent(batchId)}/instructed`, body);
  }

  /** The batch's bank file, as the service wrote it (CSV), with its control totals. */
  async bankFile(token: string, batchId: string): Promise<ServiceResult<BankFile>> {
    const url = `${this.payoutsUrl}/payout-batches/${encodeURIComponent(batchId)}/file`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: withTraceHeaders({
          authorization: `Bearer ${token}`,
          accept: 'text/csv, application/problem+json',
        }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      return {
        ok: false,
        problem: unavailable('payouts', error instanceof Error ? error.message : String(error)),
      };
    }
    const text = await response.text();
    if (!response.ok) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { ok: false, problem: problemOf('payouts', response.status, parsed) };
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const named = /filename="([^"]+)"/.exec(disposition);
    return {
      ok: true,
      status: response.status,
      value: {
        fileName: named?.[1] ?? `${batchId}.csv`,
        content: text,
        count: response.headers.get('x-batch-count'),
        total: response.headers.get('x-batch-total'),
      },
    };
  }

  recordSettlement(token: string, report: unknown): Promise<ServiceResult<SettlementRecorded>> {
    return this.http.post(token, '/payout-settlements', report);
  }

  daily(token: string, date: string): Promise<ServiceResult<DailyReport>> {
    return this.http.get(token, '/reconciliation/daily', { date });
  }

  decisions(token: string): Promise<ServiceResult<DecisionCheckReport>> {
    return this.http.get(token, '/reconciliation/decisions');
  }
}
