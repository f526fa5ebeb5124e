import { SIMULATED_CLOCK_START_VARIABLE, withTraceHeaders } from '@santunan/platform';
import type { ServiceUrls } from '../config/console-config';

/**
 * Simulation mode as the console sees it: `npm run platform -- --simulate-from …` gives every
 * process, the console included, SANTUNAN_SIMULATED_CLOCK_START (ADR 0016). Without it the
 * clock page and its menu link do not exist.
 */
export function simulationMode(env: NodeJS.ProcessEnv = process.env): boolean {
  const start = env[SIMULATED_CLOCK_START_VARIABLE];
  return start !== undefined && start !== '';
}

export const SERVICE_NAMES = ['enrollment', 'contributions', 'claims', 'payouts'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** One service's answer to GET /simulation/clock. */
export type ServiceClock =
  | {
      readonly service: ServiceName;
      readonly state: 'simulated';
      readonly now: string;
      readonly today: string;
    }
  | { readonly service: ServiceName; readonly state: 'real' | 'forbidden' | 'unreachable' };

/** What the page can show and do: the platform's one simulated now, or why there is none. */
export type PlatformClock =
  | {
      readonly kind: 'simulated';
      readonly now: string;
      readonly today: string;
      readonly clocks: readonly ServiceClock[];
    }
  | {
      readonly kind: 'read-only';
      readonly reason: 'not-simulated' | 'forbidden' | 'unreachable' | 'disagree';
      readonly clocks: readonly ServiceClock[];
    };

/**
 * The four services' clocks as one: movable only when all four run on a simulated clock and
 * agree on now (the scenario moves them together, so they do unless one was restarted).
 */
export function platformClockOf(clocks: readonly ServiceClock[]): PlatformClock {
  const reasonOrder = ['unreachable', 'forbidden', 'real'] as const;
  for (const state of reasonOrder) {
    if (clocks.some((clock) => clock.state === state)) {
      return {
        kind: 'read-only',
        reason: state === 'real' ? 'not-simulated' : state,
        clocks,
      };
    }
  }
  const simulated = clocks.filter(
    (clock): clock is Extract<ServiceClock, { state: 'simulated' }> => clock.state === 'simulated',
  );
  const first = simulated[0];
  if (first === undefined) return { kind: 'read-only', reason: 'not-simulated', clocks };
  if (simulated.some((clock) => clock.now !== first.now)) {
    return { kind: 'read-only', reason: 'disagree', clocks };
  }
  return { kind: 'simulated', now: first.now, today: first.today, clocks };
}

/** `2026-03-02T09:30` typed in Jakarta time → an ISO instant; anything else: null. */
export function instantFromJakartaLocal(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (match === null) return null;
  const parsed = Date.parse(`${match[1]}T${match[2]}${match[3] ?? ':00'}+07:00`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** An instant as a datetime-local value in Jakarta time (the input's default). */
export function jakartaLocalOf(instant: string): string {
  const shifted = new Date(Date.parse(instant) + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

export type ClockMoveResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'backwards' | 'invalid' | 'refused';
      readonly service: ServiceName;
      readonly detail: string;
    };

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** The four services' simulated clocks, read and moved with the administrator's own token. */
export class PlatformClocks {
  constructor(
    private readonly urls: ServiceUrls,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  async read(token: string): Promise<PlatformClock> {
    const clocks = await Promise.all(
      SERVICE_NAMES.map(async (service): Promise<ServiceClock> => {
        try {
          const response = await this.call(token, service, 'GET');
          if (response.status === 404) return { service, state: 'real' };
          if (response.status === 401 || response.status === 403)
            return { service, state: 'forbidden' };
          if (!response.ok) return { service, state: 'unreachable' };
          const body = (await response.json()) as { now?: unknown; today?: unknown };
          if (typeof body.now !== 'string' || typeof body.today !== 'string')
            return { service, state: 'unreachable' };
          return { service, state: 'simulated', now: body.now, today: body.today };
        } catch {
          return { service, state: 'unreachable' };
        }
      }),
    );
    return platformClockOf(clocks);
  }

  /** Moves all four, one after another (as the scenario does); stops at the first refusal. */
  async moveTo(token: string, instant: string): Promise<ClockMoveResult> {
    for (const service of SERVICE_NAMES) {
      let response: Response;
      try {
        response = await this.call(token, service, 'PUT', { now: instant });
      } catch (error) {
        return {
          ok: false,
          reason: 'refused',
          service,
          detail: error instanceof Error ? error.message : String(error),
        };
      }
      if (response.ok) continue;
      const body = (await response.json().catch(() => ({}))) as {
        code?: unknown;
        detail?: unknown;
      };
      const detail = typeof body.detail === 'string' ? body.detail : `HTTP ${response.status}`;
      if (body.code === 'SIMULATED_CLOCK_BACKWARDS')
        return { ok: false, reason: 'backwards', service, detail };
      if (response.status === 400) return { ok: false, reason: 'invalid', service, detail };
      return { ok: false, reason: 'refused', service, detail };
    }
    return { ok: true };
  }

  private call(
    token: string,
    service: ServiceName,
    method: 'GET' | 'PUT',
    body?: unknown,
  ): Promise<Response> {
    return this.fetchImpl(`${this.urls[service]}/simulation/clock`, {
      method,
      headers: withTraceHeaders({
        authorization: `Bearer ${token}`,
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  }
}
