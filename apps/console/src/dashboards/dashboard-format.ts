import { kemendagriRegions } from '@santunan/enrollment-domain';
import { formatMonth, formatRupiah } from '../i18n/format';
import type { Language, Translate } from '../i18n/messages';

const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };
const regions = kemendagriRegions();

/** A short amount for an axis or a bar's label: `Rp42 jt`, `Rp9 T` (`Rp42M`, `Rp9T` in English). */
export function compactRupiah(amount: number, lang: Language): string {
  if (amount === 0) return 'Rp0';
  const text = new Intl.NumberFormat(LOCALES[lang], {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
  return `Rp${text}`;
}

export const fullRupiah = (amount: number): string => formatRupiah(amount);

export function countLabel(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
}

/** `KOTA KUPANG` → `Kota Kupang`. */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s.-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** A kabupaten/kota by name and code, as far as the Kemendagri list knows it. */
export function regencyLabel(t: Translate, code: string | null): string {
  if (code === null) return t('dashboards.regencyUnknown');
  const name = regions.regencyName(code);
  return name === undefined ? code : t('dashboards.regencyNamed', { name: titleCase(name), code });
}

export const monthLabel = (month: string, lang: Language): string => formatMonth(month, lang);

/** The distinct values, sorted. */
export function sortedUnique<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

/** The sum of `value` over the rows matching `where`. */
export function sumWhere<R>(
  rows: readonly R[],
  where: (row: R) => boolean,
  value: (row: R) => number,
): number {
  return rows.reduce((sum, row) => (where(row) ? sum + value(row) : sum), 0);
}
