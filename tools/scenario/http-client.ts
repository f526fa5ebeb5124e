/**
 * The scenario's HTTP client: JSON (or CSV) over fetch with a bearer token per user, retries
 * for what is transient (a connection refused while a service restarts, 5xx), problem details
 * kept whole, and `poll` for what is eventually consistent — read endpoints are asked again,
 * with a growing pause, until they answer what is expected; there are no fixed sleeps.
 */
import type { Role } from '@santunan/platform';

export interface ServiceUrls {
  readonly enrollment: string;
  readonly contributions: string;
  readonly claims: string;
  readonly payouts: string;
}

export type ServiceName = keyof ServiceUrls;

/** An `Authorization` header value for a user: `Bearer <token>`. */
/** The `Authorization` header for a user: minted (HS256) or fetched from Keycloak. */
export type BearerFor = (roles: readonly Role[], subject: string) => string | Promise<string>;

/** A person (or system) acting on the platform. */
export interface User {
  readonly id: string;
  readonly roles: readonly Role[];
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** An answer other than the one expected; `code` is the problem's stable code when there is one. */
export class UnexpectedReply extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${url} answered ${status}: ${JSON.stringify(body).slice(0, 800)}`);
    this.name = 'UnexpectedReply';
  }

  get code(): string | undefined {
    const body = this.body as { code?: unknown } | null;
    return typeof body?.code === 'string' ? body.code : undefined;
  }
}

export interface RequestOptions {
  readonly body?: unknown;
  /** Sent as text/csv instead of JSON. */
  readonly csv?: string;
  /** Statuses that count as success (default: any 2xx). */
  readonly expect?: readonly number[];
}

const TRANSIENT_ATTEMPTS = 8;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class ScenarioHttp {
  /** Requests made, for the summary. */
  requests = 0;

  constructor(
    private readonly urls: ServiceUrls,
    private readonly bearer: BearerFor,
  ) {}

  async call<T>(
    service: ServiceName,
    user: User,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const url = `${this.urls[service].replace(/\/$/, '')}${path}`;
    const headers: Record<string, string> = {
      Authorization: await this.bearer(user.roles, user.id),
    };
    let payload: string | undefined;
    if (options.csv !== undefined) {
      headers['Content-Type'] = 'text/csv';
      payload = options.csv;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(options.body);
    }
    for (let attempt = 1; ; attempt += 1) {
      let reply: Reply;
      try {
        this.requests += 1;
        const response = await fetch(url, { method, headers, body: payload });
        const text = await response.text();
        let body: unknown = text;
        try {
          body = text === '' ? null : (JSON.parse(text) as unknown);
        } catch {
          // not JSON: keep the text
        }
        reply = { status: response.status, body };
      } catch (error) {
        // Not reachable (restarting, connection reset): transient, try again.
        if (attempt >= TRANSIENT_ATTEMPTS) throw error;
        await pause(200 * attempt);
        continue;
      }
      const ok = options.expect
        ? options.expect.includes(reply.status)
        : reply.status >= 200 && reply.status < 300;
      if (ok) return reply.body as T;
      // 5xx (a serialization conflict, a service busy) is worth another try; 4xx is an answer.
      if (reply.status >= 500 && attempt < TRANSIENT_ATTEMPTS) {
        await pause(200 * attempt);
        continue;
      }
      throw new UnexpectedReply(method, url, reply.status, reply.body);
    }
  }
}

export interface PollOptions {
  readonly timeoutMs?: number;
  /** Longest pause between two attempts. */
  readonly maxIntervalMs?: number;
}

/**
 * Asks `probe` again until it returns a value (not undefined), pausing 25 ms, then longer, up
 * to `maxIntervalMs`. A probe that throws is asked again too; on timeout the last error (or
 * "still not ...") is thrown, naming `what`.
 */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const maxInterval = options.maxIntervalMs ?? 1_000;
  let interval = 25;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${what}${cause}`);
    }
    await pause(interval);
    interval = Math.min(maxInterval, interval * 2);
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight, results in input order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}
