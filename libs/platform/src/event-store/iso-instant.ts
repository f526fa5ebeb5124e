/**
 * ISO-8601 instants as the store accepts them: an explicit offset (PostgreSQL would read a
 * bare local time in the session's zone) and at most microseconds (timestamptz precision).
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

export function isIsoInstant(value: string): boolean {
  return utcMicrosecondText(value) !== null;
}

/**
 * The instant in UTC as `YYYY-MM-DDTHH:MM:SS.ffffff` (what `to_char(... 'US')` prints), or
 * null when `value` is not a valid instant. Lets verification compare a timestamptz column
 * with the hashed ISO text without a cast that could fail on tampered text.
 */
export function utcMicrosecondText(value: string): string | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const fraction = match[7] ?? '';
  const [sign, offsetHours, offsetMinutesPart] = match.slice(8, 11);
  const offsetMinutes =
    sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutesPart));
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, 0);
  // Date rolls 30 February over into March; an instant that rolled over was not valid.
  const valid =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second;
  if (!valid) return null;
  const utc = new Date(local.getTime() - offsetMinutes * 60_000);
  return `${utc.toISOString().slice(0, 19)}.${fraction.padEnd(6, '0')}`;
}
