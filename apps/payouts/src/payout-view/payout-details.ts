import type { PayoutOrderEvent } from '@santunan/payouts-domain';
import { isRedacted } from '@santunan/platform';

/** A payout as read: plain fields, personal ones null once erased (before any masking). */
export interface PayoutDetails {
  readonly payoutId: string;
  readonly kind: string;
  readonly program: string;
  readonly benefitType: string | null;
  readonly decisionId: string;
  readonly claimId: string;
  readonly participantId: string;
  readonly beneficiaryId: string;
  readonly beneficiaryKind: string;
  readonly beneficiaryName: string | null;
  readonly bankCode: string;
  readonly accountNumber: string | null;
  readonly accountName: string | null;
  readonly amount: number;
  readonly components: readonly { code: string; amount: number }[];
  readonly status: string;
  readonly attempt: number;
  readonly batchId: string | null;
  readonly bankReference: string | null;
  readonly dueDate: string | null;
  readonly scheduledOn: string;
  readonly instructedOn: string | null;
  readonly settledOn: string | null;
  readonly failure: { reasonCode: string; reason: string; on: string; attempt: number } | null;
  readonly pendingReissue: {
    requestId: string;
    requestedBy: string;
    reason: string;
    requestedOn: string;
  } | null;
  readonly compensatesPayoutId: string | null;
  readonly compensation: {
    daysLate: number;
    dueDate: string;
    settledOn: string;
    benefitAmount: number;
  } | null;
  readonly version: number;
}

/** Decrypted text, or null for a field whose subject was erased. */
export function plain(value: unknown): string | null {
  return typeof value === 'string' && !isRedacted(value) ? value : null;
}

/**
 * A payout's details folded from its own (decrypted) events: exact at once after a write,
 * unlike the read model, which trails the database's transaction horizon.
 */
export function payoutDetailsOf(events: readonly PayoutOrderEvent[]): PayoutDetails | undefined {
  let details: PayoutDetails | undefined;
  let version = 0;
  for (const event of events) {
    version += 1;
    if (event.type === 'PayoutScheduled') {
      const data = event.data;
      details = {
        payoutId: data.payoutId,
        kind: data.kind,
        program: data.program,
        benefitType: data.benefitType,
        decisionId: data.decision.decisionId,
        claimId: data.decision.claimId,
        participantId: data.participantId,
        beneficiaryId: data.beneficiary.beneficiaryId,
        beneficiaryKind: data.beneficiary.kind,
        beneficiaryName: plain(data.beneficiary.fullName),
        bankCode: data.bankAccount.bankCode,
        accountNumber: plain(data.bankAccount.accountNumber),
        accountName: plain(data.bankAccount.accountName),
        amount: data.amount,
        components: data.components,
        status: 'scheduled',
        attempt: 1,
        batchId: null,
        bankReference: null,
        dueDate: data.dueDate,
        scheduledOn: data.scheduledOn,
        instructedOn: null,
        settledOn: null,
        failure: null,
        pendingReissue: null,
        compensatesPayoutId: data.compensation?.compensatesPayoutId ?? null,
        compensation:
          data.compensation === null
            ? null
            : {
                daysLate: data.compensation.daysLate,
                dueDate: data.compensation.dueDate,
                settledOn: data.compensation.settledOn,
                benefitAmount: data.compensation.benefitAmount,
              },
        version,
      };
      continue;
    }
    if (details === undefined) continue;
    details = { ...details, ...changeOf(event), version };
  }
  return details;
}

function changeOf(
  event: Exclude<PayoutOrderEvent, { type: 'PayoutScheduled' }>,
): Partial<PayoutDetails> {
  switch (event.type) {
    case 'PayoutBatched':
      return {
        status: 'batched',
        batchId: event.data.batchId,
        attempt: event.data.attempt,
        bankCode: event.data.bankAccount.bankCode,
        accountNumber: plain(event.data.bankAccount.accountNumber),
        accountName: plain(event.data.bankAccount.accountName),
        instructedOn: null,
        bankReference: null,
      };
    case 'PayoutInstructed':
      return {
        status: 'instructed',
        batchId: event.data.batchId,
        attempt: event.data.attempt,
        bankCode: event.data.bankAccount.bankCode,
        accountNumber: plain(event.data.bankAccount.accountNumber),
        accountName: plain(event.data.bankAccount.accountName),
        instructedOn: event.data.instructedOn,
        bankReference: null,
      };
    case 'PayoutSettled':
      return {
        status: 'settled',
        bankReference: event.data.bankReference,
        settledOn: event.data.settledOn,
        failure: null,
      };
    case 'PayoutFailed':
    case 'PayoutReturned': {
      const { reasonCode, reason, attempt, bankReference } = event.data;
      const on = event.type === 'PayoutFailed' ? event.data.failedOn : event.data.returnedOn;
      return {
        status: event.type === 'PayoutFailed' ? 'failed' : 'returned',
        bankReference,
        failure: { reasonCode, reason, on, attempt },
      };
    }
    case 'PayoutReissueRequested': {
      const { requestId, requestedBy, reason, requestedOn } = event.data;
      return { pendingReissue: { requestId, requestedBy, reason, requestedOn } };
    }
    case 'PayoutReissued':
      return {
        status: 'scheduled',
        attempt: event.data.attempt,
        bankCode: event.data.bankAccount.bankCode,
        accountNumber: plain(event.data.bankAccount.accountNumber),
        accountName: plain(event.data.bankAccount.accountName),
        pendingReissue: null,
        batchId: null,
        bankReference: null,
      };
    case 'PayoutCancelled':
      return { status: 'cancelled', pendingReissue: null };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
