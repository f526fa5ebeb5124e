import type { Language } from './messages';

const JAKARTA = 'Asia/Jakarta';
const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

// Grouping is Indonesian in both languages: Rupiah amounts are written Rp1.000.000 everywhere.
const GROUPED = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

/** Integer rupiah → `Rp1.000.000` (no space, dots between thousands). */
export function formatRupiah(amount: number): string {
  const digits = GROUPED.format(Math.abs(amount));
  return amount < 0 ? `-Rp${digits}` : `Rp${digits}`;
}

/** A calendar day (`2026-11-10`) → `10 Nov 2026`; it has no time zone, so none is applied. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(day);
}

/** A month (`2026-03`) → `Mar 2026`. */
export function formatMonth(isoMonth: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (match === null) return isoMonth;
  const first = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(first);
}

/** An instant → its date and time in Jakarta, marked `WIB`. */
export function formatInstant(iso: string, language: Language): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: JAKARTA,
  }).format(instant);
  return `${text} WIB`;
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}
