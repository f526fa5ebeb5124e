import type { BankBatchRejectionCode, PayoutOrderRejectionCode } from '@santunan/payouts-domain';
import {
  DomainRejectedError,
  type DomainRejection,
  type RejectionAnswers,
} from '@santunan/platform';

/**
 * How payouts answers a refusal over HTTP (ADR 0023), by the deciders' stable codes and the
 * service's own (a payout or batch that does not exist, erased personal data): 404 for what
 * does not exist, 409 when the payout's state forbids the command, 403 for the maker acting as
 * checker, 422 when the request itself breaks a rule. Given to the platform as
 * `ServiceRuntimeOptions.rejections`.
 */
export const PAYOUTS_REJECTIONS: RejectionAnswers = {
  byCode: {
    PAYOUT_NOT_FOUND: [404, 'No such payout'],
    BATCH_NOT_FOUND: [404, 'No such payout batch'],
    PAYOUT_NOT_SCHEDULED: [409, 'The payout is not waiting for a batch'],
    PAYOUT_NOT_IN_BATCH: [409, 'The payout is not waiting in this batch'],
    PAYOUT_NOT_INSTRUCTED: [409, 'The payout is not with the bank'],
    PAYOUT_NOT_SETTLED: [409, 'The payout is not settled'],
    PAYOUT_NOT_CANCELLABLE: [409, 'The payout is in a batch, with the bank or paid'],
    PAYOUT_NOT_REISSUABLE: [409, 'Only a failed or returned payout can be reissued'],
    BANK_REFERENCE_CONFLICT: [409, 'The bank reference is already recorded otherwise'],
    SETTLEMENT_BATCH_MISMATCH: [409, 'The report is for another batch'],
    SETTLEMENT_AMOUNT_MISMATCH: [422, 'The reported amount is not the payout’s'],
    SETTLEMENT_INVALID: [422, 'The settlement report is not valid'],
    REISSUE_ALREADY_REQUESTED: [409, 'Another reissue awaits approval'],
    REISSUE_REQUEST_NOT_FOUND: [404, 'No such open reissue request'],
    REISSUE_SAME_PERSON: [403, 'The maker of a reissue cannot approve it'],
    BANK_ACCOUNT_INVALID: [422, 'The bank account is incomplete'],
    BATCH_EMPTY: [422, 'No scheduled payout to instruct'],
    BATCH_ALREADY_PREPARED: [409, 'The batch id names a batch with other payouts'],
    BATCH_NOT_INSTRUCTED: [409, 'The batch has not been marked as sent to the bank'],
    BATCH_BANK_REFERENCE_CONFLICT: [409, 'The batch was marked with another bank reference'],
    BATCH_BANK_REFERENCE_INVALID: [422, 'The bank reference is not valid'],
    PERSONAL_DATA_ERASED: [409, 'Personal data needed here was erased'],
  },
  otherwise: [422, 'The request breaks a payouts rule'],
  // The request field a 422 concerns (problem `field`, a JSON pointer).
  fields: {
    SETTLEMENT_AMOUNT_MISMATCH: '/amount',
    BANK_ACCOUNT_INVALID: '/bankAccount',
    BATCH_BANK_REFERENCE_INVALID: '/bankReference',
  } satisfies Partial<Record<PayoutOrderRejectionCode | BankBatchRejectionCode, string>>,
};

/** No payout with this id (the service's own refusal, answered from the same table). */
export function payoutNotFound(payoutId: string): DomainRejection {
  return { code: 'PAYOUT_NOT_FOUND', message: `no payout ${payoutId}` };
}

/** No batch with this id. */
export function batchNotFound(batchId: string): DomainRejection {
  return { code: 'BATCH_NOT_FOUND', message: `no batch ${batchId}` };
}

/** A refusal of the service itself (not a decider's), raised to the edge. */
export function refused(rejection: DomainRejection): DomainRejectedError {
  return new DomainRejectedError(rejection);
}
