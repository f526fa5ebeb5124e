import { ConcurrencyError, type PlatformDatabase, type Transaction } from '@santunan/platform';

const MAX_ATTEMPTS = 5;
const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  return typeof code === 'string' ? code : sqlState(driverError);
}

/**
 * A racing writer won: another command appended to the same stream, or inserted the same
 * payout order or bank reference. Deciding again on the new state is the answer.
 */
export function isRetryableConflict(error: unknown): boolean {
  return error instanceof ConcurrencyError || sqlState(error) === UNIQUE_VIOLATION;
}

/** Runs a multi-stream command in one transaction, again from the start after a lost race. */
export async function inTransaction<T>(
  database: PlatformDatabase,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}
