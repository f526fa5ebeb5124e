/**
 * Whether an error is another writer's doing, not this message's: a stream another transaction
 * appended to first (ConcurrencyError), a serialization failure or a deadlock. Replicas that
 * consume different partitions in parallel meet on hot streams (a sponsor program that every
 * worker's registration enrols into, ADR 0027); a fresh transaction succeeds once the other
 * writer is done, so such a failure must never dead-letter the message.
 */
const CONTENTION_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

export function isContention(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, code, driverError, cause } = error as {
    name?: unknown;
    code?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (name === 'ConcurrencyError') return true;
  if (typeof code === 'string' && CONTENTION_SQLSTATES.has(code)) return true;
  return isContention(driverError, depth + 1) || isContention(cause, depth + 1);
}
