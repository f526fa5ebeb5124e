import {
  ProblemException,
  STANDARD_PROBLEM_MEMBERS,
  type DomainRejection,
} from '@santunan/platform';

const STATUS_AND_TITLE: Readonly<Record<string, readonly [number, string]>> = {
  PAYOUT_NOT_FOUND: [404, 'No such payout'],
  BATCH_NOT_FOUND: [404, 'No such payout batch'],
  PAYOUT_NOT_SCHEDULED: [409, 'The payout is not waiting for a batch'],
  PAYOUT_NOT_INSTRUCTED: [409, 'The payout is not with the bank'],
  PAYOUT_NOT_SETTLED: [409, 'The payout is not settled'],
  PAYOUT_NOT_CANCELLABLE: [409, 'The payout is with the bank or paid'],
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
  BATCH_ALREADY_INSTRUCTED: [409, 'The batch was instructed with other payouts'],
  PERSONAL_DATA_ERASED: [409, 'Personal data needed here was erased'],
};

/**
 * A domain rejection at the HTTP edge: the decider's reason code is the problem's stable
 * code; 404 for what does not exist, 409 when the payout's state forbids the command, 422
 * when the request itself breaks a rule.
 */
export function rejectionProblem(rejection: DomainRejection): ProblemException {
  const [status, title] = STATUS_AND_TITLE[rejection.code] ?? [
    422,
    'The request breaks a payouts rule',
  ];
  // Details become extension members; they may not shadow status, code, title, …
  const extras = Object.fromEntries(
    Object.entries(rejection.details ?? {}).filter(([key]) => !STANDARD_PROBLEM_MEMBERS.has(key)),
  );
  return new ProblemException(status, rejection.code, title, rejection.message, extras);
}

/** A command refused inside a transaction that must roll back whole. */
export class RejectedCommandError extends Error {
  override readonly name = 'RejectedCommandError';

  constructor(readonly rejection: DomainRejection) {
    super(`${rejection.code}: ${rejection.message}`);
  }
}
