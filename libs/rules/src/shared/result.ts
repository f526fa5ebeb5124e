import type { RuleError } from './rule-error';

/**
 * The outcome of anything that can fail on expected bad input. Exceptions are kept for bugs
 * (broken rule data, impossible states), never for a caller's wrong amount or date.
 */
export type Result<T, E = RuleError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** All values, or the first error in input order. */
export function collect<T>(results: readonly Result<T>[]): Result<T[]> {
  const values: T[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  return ok(values);
}

/** For states the types cannot rule out but the code guarantees: reaching one is a bug. */
export function bug(message: string): never {
  throw new Error(`@santunan/rules bug: ${message}`);
}
