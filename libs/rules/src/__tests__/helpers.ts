import type { Result, RuleError } from '@santunan/rules';

/** Unwraps an expected success, failing the test with the error otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Unwraps an expected failure. */
export function failure<T>(result: Result<T>): RuleError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}
