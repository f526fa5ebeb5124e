/** Errors the event store raises for expected situations; callers branch on the class. */

export type ExpectedVersion = number | 'any';

/**
 * Why an append lost against another writer:
 * - `version-mismatch`: the stream was not at the expected version when we read its head;
 * - `concurrent-append`: another transaction inserted the same version first (the unique
 *   constraint caught it; the transaction is aborted, so the actual version is unknown);
 * - `older-transaction`: the stream's last event was written by a transaction younger than
 *   ours; appending would place our event before it in the global read order, so the
 *   caller must retry in a fresh transaction.
 */
export type ConcurrencyConflict = 'version-mismatch' | 'concurrent-append' | 'older-transaction';

/** Optimistic concurrency failed: reload the stream, decide again, retry. Nothing was written. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    /** The stream's version when known; null when a concurrent writer won the race. */
    readonly actualVersion: number | null,
    readonly conflict: ConcurrencyConflict,
  ) {
    super(describeConflict(streamId, expectedVersion, actualVersion, conflict));
  }
}

function describeConflict(
  streamId: string,
  expected: ExpectedVersion,
  actual: number | null,
  conflict: ConcurrencyConflict,
): string {
  switch (conflict) {
    case 'version-mismatch':
      return `stream ${streamId}: expected version ${expected} but it is at version ${actual}`;
    case 'concurrent-append':
      return `stream ${streamId}: expected version ${expected} but another writer appended concurrently`;
    case 'older-transaction':
      return `stream ${streamId}: its last event (version ${actual}) was written by a younger transaction; retry in a new transaction`;
  }
}

/** An event with this id is already stored: the same decision was appended before. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';

  constructor(readonly eventId: string) {
    super(`event ${eventId} is already stored`);
  }
}

/** The append request breaks the store's contract (a bug in the caller, not a conflict). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
