const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The calendar date an instant falls on where the platform operates (Asia/Jakarta, UTC+7, no
 * DST): the day a participant was registered or a child registered, from the event's
 * `occurredAt`. The same rule as the platform clock's `today()`.
 */
export function jakartaDateOf(instant: string): string {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new TypeError(`not an instant: ${instant}`);
  return new Date(millis + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (ISO dates), negative when `to` comes first. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
