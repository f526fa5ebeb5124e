import type { PlatformDatabase, Transaction } from '../database/platform-database';
import { ConcurrencyError } from '../event-store/event-store.errors';
import { postgresErrorFields } from '../event-store/postgres-error';

/** Transactions tried at most this often by `transactionRetryingConflicts`. */
export const MAX_TRANSACTION_ATTEMPTS = 5;

/** PostgreSQL's deadlock and serialization failures: the transaction may simply run again. */
const TRANSIENT_SQLSTATES: ReadonlySet<string> = new Set(['40P01', '40001']);

/** A lost optimistic-concurrency race, a deadlock or a serialization failure. */
export function isWorthRetrying(error: unknown): boolean {
  if (error instanceof ConcurrencyError) return true;
  const { code } = postgresErrorFields(error);
  return code !== undefined && TRANSIENT_SQLSTATES.has(code);
}

/**
 * Runs `work` in a transaction, again in a fresh one (up to five tries) when it lost a race
 * it could not settle inside (a unique-key race, an older transaction, ADR 0004) or a
 * deadlock. Jittered, so two writers that keep meeting on the same streams fall out of step.
 */
export async function transactionRetryingConflicts<T>(
  database: Pick<PlatformDatabase, 'transaction'>,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      if (!isWorthRetrying(error) || attempt >= MAX_TRANSACTION_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 20) * attempt));
    }
  }
}
