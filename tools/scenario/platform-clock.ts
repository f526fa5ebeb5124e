/**
 * The platform's clock as the scenario sees it: real time, or — when all four services run in
 * simulation mode (`npm run platform -- --simulate-from …`, ADR 0016) — the simulated clock,
 * which `advanceTo` moves on all four.
 */
import type { Role } from '@santunan/platform';
import type { BearerFor, ServiceUrls } from './http-client';

const urlsOf = (urls: ServiceUrls): string[] => [
  urls.enrollment,
  urls.contributions,
  urls.claims,
  urls.payouts,
];

const OPERATOR = { id: 'operator-simulasi', roles: ['admin'] as Role[] };

export interface SimulatedPlatformClock {
  /** The simulated date (Asia/Jakarta) the four services agree on. */
  readonly today: string;
  /** Moves all four services' clocks to `instant` (ISO-8601); refused backwards (409). */
  advanceTo(instant: string): Promise<void>;
}

interface ClockAnswer {
  readonly now: string;
  readonly today: string;
}

async function clockCall(
  url: string,
  bearer: BearerFor,
  init: { method: 'GET' | 'PUT'; body?: unknown },
): Promise<Response> {
  return fetch(`${url.replace(/\/$/, '')}/simulation/clock`, {
    method: init.method,
    headers: {
      authorization: await bearer(OPERATOR.roles, OPERATOR.id),
      'content-type': 'application/json',
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/**
 * The simulated clock when every service answers GET /simulation/clock with the same date;
 * null when none does (real time). Some but not all, or disagreeing dates: an error, since a
 * scenario on mixed clocks would check nothing.
 */
export async function simulatedPlatformClock(
  urls: ServiceUrls,
  bearer: BearerFor,
): Promise<SimulatedPlatformClock | null> {
  const answers = await Promise.all(
    urlsOf(urls).map(async (url) => {
      // Not up yet counts as real time here; the scenario then waits for /health as before.
      const response = await clockCall(url, bearer, { method: 'GET' }).catch(() => null);
      return response?.ok === true ? ((await response.json()) as ClockAnswer) : null;
    }),
  );
  const simulated = answers.filter((answer): answer is ClockAnswer => answer !== null);
  if (simulated.length === 0) return null;
  const days = new Set(simulated.map((answer) => answer.today));
  const [today] = days;
  if (simulated.length !== answers.length || days.size !== 1 || today === undefined) {
    throw new Error(
      `the services disagree on the clock: ${JSON.stringify(answers)} (restart them together)`,
    );
  }
  return {
    today,
    advanceTo: async (instant) => {
      for (const url of urlsOf(urls)) {
        const response = await clockCall(url, bearer, { method: 'PUT', body: { now: instant } });
        if (!response.ok) {
          throw new Error(`${url} refused the clock ${instant}: ${await response.text()}`);
        }
      }
    },
  };
}
