/**
 * What an operator types into the program form, read as the service expects it: amounts as
 * whole rupiah (dots or commas between thousands and a leading "Rp" accepted, as people write
 * them), anything else passed on as typed so the service names what is wrong.
 */
export function rupiahInput(text: string | undefined): number | string | undefined {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  const digits = trimmed.replace(/^rp\.?\s*/i, '').replace(/[.,\s](?=\d{3}(?:\D|$))/g, '');
  return /^\d+$/.test(digits) && Number.isSafeInteger(Number(digits)) ? Number(digits) : trimmed;
}

/** The coverage months from first to last inclusive; 0 when either is not YYYY-MM or last < first. */
export function coverageMonths(firstMonth: string, lastMonth: string): number {
  const first = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(firstMonth);
  const last = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(lastMonth);
  if (first === null || last === null) return 0;
  const months =
    (Number(last[1]) - Number(first[1])) * 12 + (Number(last[2]) - Number(first[2])) + 1;
  return months > 0 ? months : 0;
}

/** A payment's business date as the instant the service records it at: that day, 00:00 WIB. */
export function paidAtOf(paidOn: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(paidOn) ? `${paidOn}T00:00:00+07:00` : paidOn;
}

/** How far a job has got, as a whole percentage (0 for an empty file). */
export function percentRead(rowsRead: number, totalRows: number): number {
  if (totalRows <= 0) return 0;
  return Math.min(100, Math.floor((rowsRead * 100) / totalRows));
}

/** Every month from first to last, inclusive (`2026-11`, `2026-12`, `2027-01`, …). */
export function monthsOf(firstMonth: string, lastMonth: string): string[] {
  const count = coverageMonths(firstMonth, lastMonth);
  const year = Number(firstMonth.slice(0, 4));
  const month = Number(firstMonth.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_unused, index) => {
    const at = year * 12 + month + index;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
}
