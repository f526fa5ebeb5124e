/** How often a failing handler is tried before its message goes to the dead-letter topic. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** The wait after failed attempt `n` (1-based) before the next one. */
  readonly backoffMs: (failedAttempt: number) => number;
}

/**
 * Three attempts within a second: enough to ride out a deadlock or a serialization failure,
 * short enough that the partition (and the group's heartbeat) is not held up for long.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  backoffMs: (failedAttempt) => 100 * 2 ** (failedAttempt - 1),
};
