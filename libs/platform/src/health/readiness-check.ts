/** What a readiness check may say about a dependency that is up (never a secret or an address). */
export type CheckDetails = Readonly<Record<string, string | number | boolean>>;

/**
 * One dependency the instance needs to serve requests. `run` resolves when it is usable
 * (optionally with details) and throws when not; the health module bounds it with a timeout.
 */
export interface ReadinessCheck {
  /** The key in the readiness answer: `database`, `broker`, `identityProvider`, … */
  readonly name: string;
  run(): Promise<CheckDetails | void>;
}

/** A check's own verdict, with a reason safe to show anyone (it is all the caller sees). */
export class NotReady extends Error {
  override readonly name = 'NotReady';
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
const ERROR_NAME = /^[A-Za-z][A-Za-z0-9]{1,60}Error$/;

/**
 * Why a check failed, as a public health endpoint may say it: the check's own reason, a
 * system error code (`ECONNREFUSED`) or an error class name (`KafkaJSConnectionError`) —
 * never a message, which may carry a host, a user name or SQL.
 */
export function publicReason(error: unknown): string {
  if (error instanceof NotReady) return error.message;
  for (let cause = error, depth = 0; isRecord(cause) && depth < 5; depth += 1) {
    const code = cause['code'];
    if (typeof code === 'string' && ERROR_CODE.test(code)) return code;
    cause = cause['cause'] ?? cause['originalError'];
  }
  const name = isRecord(error) ? error['name'] : undefined;
  return typeof name === 'string' && ERROR_NAME.test(name) ? name : 'failed';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Callers that ask while a run is in flight share it: the endpoints are public, and a burst of
 * requests must not open a database, broker and identity-provider connection each.
 */
export function coalesced(check: ReadinessCheck): ReadinessCheck {
  let running: Promise<CheckDetails | void> | undefined;
  return {
    name: check.name,
    run: () =>
      (running ??= check.run().finally(() => {
        running = undefined;
      })),
  };
}
