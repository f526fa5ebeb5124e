export interface EventuallyOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/**
 * Polls until `probe` stops throwing (or returns without error) and returns its value.
 * Asynchronous effects are awaited by polling a condition, never by sleeping a fixed time;
 * on timeout the last failure is rethrown so the test says what was still wrong.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const reason = lastError instanceof Error ? lastError : new Error(String(lastError));
  reason.message = `eventually: still failing after ${timeoutMs} ms: ${reason.message}`;
  throw reason;
}
