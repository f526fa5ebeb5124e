import { Inject, Injectable } from '@nestjs/common';
import type { PayoutProgram, PayoutStatus } from '@santunan/contracts';
import {
  isRedacted,
  ServiceRuntime,
  type Actor,
  type PersonalDataCipher,
} from '@santunan/platform';
import { PayoutStreams } from '../shared/payout-streams.repository';
import { payoutDetailsOf, type PayoutDetails } from './payout-details';
import { PayoutViewProjection } from './payout-view.projection';

export interface PayoutFilter {
  readonly status?: PayoutStatus;
  readonly program?: PayoutProgram;
  readonly decisionId?: string;
  readonly claimId?: string;
  readonly participantId?: string;
  readonly batchId?: string;
  readonly benefitType?: string;
  /** The decision's regency, else the participant's registered one. */
  readonly regencyCode?: string;
  /** SLA due date range, both ends included. */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly reissuePending?: boolean;
  readonly limit: number;
  readonly offset: number;
}

interface PayoutRow {
  payout_id: string;
  kind: string;
  program: string;
  benefit_type: string | null;
  decision_id: string;
  claim_id: string;
  participant_id: string;
  beneficiary_id: string;
  beneficiary_kind: string;
  beneficiary_name: unknown;
  bank_account: { bankCode: string; accountNumber: unknown; accountName: unknown };
  amount: string;
  components: { code: string; amount: number }[];
  status: string;
  attempt: number;
  batch_id: string | null;
  bank_reference: string | null;
  due_date: string | null;
  scheduled_on: string;
  instructed_on: string | null;
  settled_on: string | null;
  failure: PayoutDetails['failure'];
  pending_reissue: PayoutDetails['pendingReissue'];
  compensates_payout_id: string | null;
  compensation: PayoutDetails['compensation'];
  regency_code: string | null;
  version: number;
}

/** A payout's details as the API gives them: beneficiary and bank account as objects. */
export interface PayoutView
  extends Omit<
    PayoutDetails,
    | 'beneficiaryId'
    | 'beneficiaryKind'
    | 'beneficiaryName'
    | 'bankCode'
    | 'accountNumber'
    | 'accountName'
  > {
  readonly beneficiary: {
    readonly beneficiaryId: string;
    readonly kind: string;
    readonly fullName: string | null;
  };
  /** Finance sees the whole account number; other roles the last four digits. */
  readonly bankAccount: {
    readonly bankCode: string;
    readonly accountNumber: string | null;
    readonly accountName: string | null;
  };
  readonly currency: 'IDR';
}

/** Prepared (file made), instructed (marked as with the bank), settled (the bank answered all). */
export const BATCH_STATUSES = ['prepared', 'instructed', 'settled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface BatchView {
  readonly batchId: string;
  readonly status: BatchStatus;
  readonly count: number;
  readonly total: number;
  readonly currency: 'IDR';
  readonly fileName: string;
  readonly preparedBy: string | null;
  readonly preparedOn: string;
  readonly instructedBy: string | null;
  readonly instructedOn: string | null;
  readonly bankReference: string | null;
  readonly payouts: readonly {
    payoutId: string;
    attempt: number;
    amount: number;
    status: string;
  }[];
}

export interface PayoutHistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly eventId: string;
}

interface BatchRow {
  batch_id: string;
  status: 'prepared' | 'instructed';
  reported: boolean;
  count: number;
  total: string;
  file_name: string;
  prepared_by: string | null;
  prepared_on: string;
  instructed_by: string | null;
  instructed_on: string | null;
  bank_reference: string | null;
}

/**
 * `reported`: the bank has answered for every payout of an instructed batch — none of them is
 * still instructed in it (a reissued one is in a later batch by then).
 */
const BATCH_COLUMNS = `b.batch_id, b.status, b.count, b.total, b.file_name, b.prepared_by,
  b.prepared_on, b.instructed_by, b.instructed_on, b.bank_reference,
  not exists (select 1 from payout_view v
               where v.batch_id = b.batch_id and v.status in ('batched', 'instructed')) as reported`;

function batchOf(row: BatchRow): Omit<BatchView, 'payouts'> {
  return {
    batchId: row.batch_id,
    status: row.status === 'instructed' && row.reported ? 'settled' : row.status,
    count: row.count,
    total: Number(row.total),
    currency: 'IDR',
    fileName: row.file_name,
    preparedBy: row.prepared_by,
    preparedOn: row.prepared_on,
    instructedBy: row.instructed_by,
    instructedOn: row.instructed_on,
    bankReference: row.bank_reference,
  };
}

/** The API's shape: finance sees the whole account number, other roles its last four digits. */
function present(details: PayoutDetails, actor: Actor): PayoutView {
  const finance = actor.roles?.includes('finance') ?? false;
  const {
    beneficiaryId,
    beneficiaryKind,
    beneficiaryName,
    bankCode,
    accountNumber,
    accountName,
    ...payout
  } = details;
  return {
    ...payout,
    beneficiary: { beneficiaryId, kind: beneficiaryKind, fullName: beneficiaryName },
    bankAccount: {
      bankCode,
      accountNumber: accountNumber === null ? null : finance ? accountNumber : mask(accountNumber),
      accountName,
    },
    currency: 'IDR',
  };
}

function mask(accountNumber: string): string {
  return accountNumber.length <= 4
    ? '****'
    : `${'*'.repeat(accountNumber.length - 4)}${accountNumber.slice(-4)}`;
}

/** Reads payouts for finance, auditors and claims supervisors; opens sealed fields here. */
@Injectable()
export class PayoutViewReader {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutViewProjection) private readonly projection: PayoutViewProjection,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  private get cipher(): PersonalDataCipher {
    return this.runtime.cipher;
  }

  async list(filter: PayoutFilter, actor: Actor): Promise<{ items: PayoutView[]; total: number }> {
    await this.runtime.catchUp(this.projection);
    const where = `($1::text is null or status = $1) and ($2::text is null or program = $2)
      and ($3::text is null or decision_id = $3) and ($4::text is null or claim_id = $4)
      and ($5::text is null or participant_id = $5) and ($6::uuid is null or batch_id = $6)
      and ($7::text is null or benefit_type = $7)
      and ($8::text is null or coalesce(regency_code, (select r.regency_code from participant_regions r
            where r.participant_id = payout_view.participant_id)) = $8)
      and ($9::text is null or due_date >= $9) and ($10::text is null or due_date <= $10)
      and ($11::boolean is null or (pending_reissue is not null) = $11)`;
    const parameters = [
      filter.status ?? null,
      filter.program ?? null,
      filter.decisionId ?? null,
      filter.claimId ?? null,
      filter.participantId ?? null,
      filter.batchId ?? null,
      filter.benefitType ?? null,
      filter.regencyCode ?? null,
      filter.dueFrom ?? null,
      filter.dueTo ?? null,
      filter.reissuePending ?? null,
    ];
    const rows = await this.runtime.database.query<PayoutRow>(
      `select * from payout_view where ${where} order by scheduled_on, payout_id limit $12 offset $13`,
      [...parameters, filter.limit, filter.offset],
    );
    const [count] = await this.runtime.database.query<{ total: string }>(
      `select count(*) as total from payout_view where ${where}`,
      parameters,
    );
    return {
      items: await Promise.all(rows.map((row) => this.toView(row, actor))),
      total: Number(count?.total ?? 0),
    };
  }

  /** One payout, from its own stream: exact at once after a write. */
  async get(
    payoutId: string,
    actor: Actor,
  ): Promise<{ payout: PayoutView; history: PayoutHistoryEntry[] } | undefined> {
    const entries = await this.streams.history(this.runtime.database, payoutId);
    const details = payoutDetailsOf(entries.map((entry) => entry.event));
    if (details === undefined) return undefined;
    const history = entries.map(({ envelope }) => ({
      version: envelope.version,
      type: envelope.type,
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      actor: envelope.metadata.actor.id,
      eventId: envelope.eventId,
    }));
    return { payout: present(details, actor), history };
  }

  /** The batches, newest first, with where each stands. */
  async batches(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: Omit<BatchView, 'payouts'>[]; total: number }> {
    await this.runtime.catchUp(this.projection);
    const rows = await this.runtime.database.query<BatchRow>(
      `select ${BATCH_COLUMNS} from payout_batches b
        order by b.prepared_on desc, b.file_name desc, b.batch_id limit $1 offset $2`,
      [page.limit, page.offset],
    );
    const [count] = await this.runtime.database.query<{ total: string }>(
      'select count(*) as total from payout_batches',
    );
    return { items: rows.map(batchOf), total: Number(count?.total ?? 0) };
  }

  /** A batch, with where each of its payouts stands now. */
  async batch(batchId: string): Promise<BatchView | undefined> {
    await this.runtime.catchUp(this.projection);
    const [row] = await this.runtime.database.query<
      BatchRow & { payouts: { payoutId: string; attempt: number; amount: number }[] }
    >(`select ${BATCH_COLUMNS}, b.payouts from payout_batches b where b.batch_id = $1`, [batchId]);
    if (row === undefined) return undefined;
    const statuses = await this.runtime.database.query<{
      payout_id: string;
      status: string;
      attempt: number;
    }>('select payout_id, status, attempt from payout_view where payout_id = any($1::uuid[])', [
      row.payouts.map((payout) => payout.payoutId),
    ]);
    const now = new Map(statuses.map((status) => [status.payout_id, status]));
    return {
      ...batchOf(row),
      payouts: row.payouts.map((payout) => {
        const current = now.get(payout.payoutId);
        // A payout reissued since is in a later batch: this batch's attempt ended as failed or returned.
        const status =
          current === undefined
            ? 'unknown'
            : current.attempt === payout.attempt
              ? current.status
              : 'superseded-attempt';
        return { ...payout, status };
      }),
    };
  }

  private async open(value: unknown): Promise<string | null> {
    const plain = await this.cipher.decrypt(value);
    return isRedacted(plain) ? null : plain;
  }

  private async toView(row: PayoutRow, actor: Actor): Promise<PayoutView> {
    const details: PayoutDetails = {
      payoutId: row.payout_id,
      kind: row.kind,
      program: row.program,
      benefitType: row.benefit_type,
      decisionId: row.decision_id,
      claimId: row.claim_id,
      participantId: row.participant_id,
      beneficiaryId: row.beneficiary_id,
      beneficiaryKind: row.beneficiary_kind,
      beneficiaryName: await this.open(row.beneficiary_name),
      bankCode: row.bank_account.bankCode,
      accountNumber: await this.open(row.bank_account.accountNumber),
      accountName: await this.open(row.bank_account.accountName),
      amount: Number(row.amount),
      components: row.components,
      status: row.status,
      attempt: row.attempt,
      batchId: row.batch_id,
      bankReference: row.bank_reference,
      dueDate: row.due_date,
      scheduledOn: row.scheduled_on,
      instructedOn: row.instructed_on,
      settledOn: row.settled_on,
      failure: row.failure,
      pendingReissue:
        row.pending_reissue === null
          ? null
          : {
              requestId: row.pending_reissue.requestId,
              requestedBy: row.pending_reissue.requestedBy,
              reason: row.pending_reissue.reason,
              requestedOn: row.pending_reissue.requestedOn,
            },
      compensatesPayoutId: row.compensates_payout_id,
      compensation: row.compensation,
      version: row.version,
    };
    return present(details, actor);
  }
}
