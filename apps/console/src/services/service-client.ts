import { withTraceHeaders } from '@santunan/platform';

/** One failed constraint from a service's VALIDATION_FAILED problem. */
export interface FieldProblem {
  /**
   * The request body's dotted path, e.g. `claimant.fullName`, as the forms name their inputs
   * (services answer a JSON pointer, `/claimant/fullName`: see `formPath`).
   */
  readonly field: string;
  readonly constraint: string;
  readonly message: string;
}

/** A service's refusal (RFC 9457 problem details, ADR 0007) as the console reads it. */
export interface ServiceProblem {
  readonly service: string;
  readonly status: number;
  /** The service's stable code (`CLAIM_ALREADY_DECIDED`); `SERVICE_UNAVAILABLE` when unreachable. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];
  /** The one request field a rule break (422) concerns, as a form's dotted name; none: the whole request. */
  readonly field?: string;
  /** Extension members, e.g. a claim's `currentStatus`. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

export type ServiceResult<T> =
  | { readonly ok: true; readonly status: number; readonly value: T }
  | { readonly ok: false; readonly problem: ServiceProblem };

const STANDARD = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
  'errors',
  'field',
]);

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** A service's JSON pointer (`/heirs/0/fullName`) as a form's dotted name (`heirs.0.fullName`). */
export function formPath(field: string): string {
  if (!field.startsWith('/')) return field;
  return field
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, constraint, message } = entry as Record<string, unknown>;
    return typeof field === 'string'
      ? [
          {
            field: formPath(field),
            constraint: text(constraint, 'invalid'),
            message: text(message, ''),
          },
        ]
      : [];
  });
}

/**
 * A non-2xx answer as a typed problem. Services speak problem details; anything else (a proxy's
 * HTML page, an empty body) still becomes a problem with a code derived from the status.
 */
export function problemOf(service: string, status: number, body: unknown): ServiceProblem {
  const members =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    service,
    status,
    code: text(members['code'], `HTTP_${status}`),
    title: text(members['title'], ''),
    detail: text(members['detail'], ''),
    errors: fieldProblems(members['errors']),
    ...(typeof members['field'] === 'string' ? { field: formPath(members['field']) } : {}),
    extensions: Object.fromEntries(Object.entries(members).filter(([key]) => !STANDARD.has(key))),
  };
}

export function unavailable(service: string, reason: string): ServiceProblem {
  return {
    service,
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    title: '',
    detail: reason,
    errors: [],
    extensions: {},
  };
}

type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Calls one service with the signed-in user's own access token, so the service authorises
 * the person, not the console. Every answer is a value: a 4xx becomes a problem for the page
 * to show, and so do a 5xx and an unreachable service.
 */
export class ServiceClient {
  constructor(
    readonly service: string,
    private readonly baseUrl: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = 15_000,
  ) {}

  get<T>(token: string, path: string, query: Query = {}): Promise<ServiceResult<T>> {
    return this.call<T>(token, 'GET', path, query, undefined);
  }

  post<T>(token: string, path: string, body: unknown = {}): Promise<ServiceResult<T>> {
    return this.call<T>(token, 'POST', path, {}, body);
  }

  /** Replaces a whole resource (e.g. a participant's heirs). */
  put<T>(token: string, path: string, body: unknown): Promise<ServiceResult<T>> {
    return this.call<T>(token, 'PUT', path, {}, body);
  }

  /** Changes some fields of a resource (e.g. a participant's details). */
  patch<T>(token: string, path: string, body: unknown): Promise<ServiceResult<T>> {
    return this.call<T>(token, 'PATCH', path, {}, body);
  }

  private async call<T>(
    token: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    query: Query,
    body: unknown,
  ): Promise<ServiceResult<T>> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url.toString(), {
        method,
        // fetch is not node's http: the trace context is added here (ADR 0028).
        headers: withTraceHeaders({
          authorization: `Bearer ${token}`,
          accept: 'application/json, application/problem+json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return {
        ok: false,
        problem: unavailable(this.service, error instanceof Error ? error.message : String(error)),
      };
    }
    const raw = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (response.ok) return { ok: true, status: response.status, value: parsed as T };
    return { ok: false, problem: problemOf(this.service, response.status, parsed) };
  }
}
