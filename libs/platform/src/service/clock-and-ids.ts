import { randomUUID } from 'node:crypto';

/** The edge's source of time and ids; domain code receives values, never these. */
export interface Clock {
  /** Now, as an ISO-8601 instant with offset (UTC). */
  now(): string;
  /** Today's calendar date where the platform operates (Asia/Jakarta, UTC+7, no DST). */
  today(): string;
}

export interface IdGenerator {
  /** A new lowercase UUID. */
  next(): string;
}

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date(Date.now() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10),
};

export const uuidIds: IdGenerator = { next: () => randomUUID() };

/** A clock that says what it is told; for tests and replays. */
export function fixedClock(instant: string): Clock {
  return {
    now: () => instant,
    today: () => new Date(Date.parse(instant) + JAKARTA_OFFSET_MS).toISOString().slice(0, 10),
  };
}
