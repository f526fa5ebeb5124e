/** One report read from the bank's settlement file, or why its entry could not be read. */
export type SettlementEntry =
  | {
      readonly entry: number;
      readonly ok: true;
      readonly report: Readonly<Record<string, unknown>>;
    }
  | { readonly entry: number; readonly ok: false; readonly error: 'notJson' | 'notObject' };

export const MAX_SETTLEMENT_ENTRIES = 2000;

export type SettlementFileProblem = 'empty' | 'tooMany' | 'notJson';

/**
 * The bank's settlement report as the payouts service takes it: SettlementReport v1 objects
 * (as on the payouts.settlements topic) — one object, an array of them, or one per line (JSON
 * Lines). The console only splits the file; the service checks every report and decides.
 */
export function settlementEntriesOf(
  text: string,
): { ok: true; entries: SettlementEntry[] } | { ok: false; problem: SettlementFileProblem } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  let values: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      values = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return { ok: false, problem: 'notJson' };
    }
    return entriesOf(values.map((value) => ({ value })));
  }
  try {
    return entriesOf([{ value: JSON.parse(trimmed) as unknown }]);
  } catch {
    // JSON Lines: one report per non-empty line.
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
  return entriesOf(
    lines.map((line) => {
      try {
        return { value: JSON.parse(line) as unknown };
      } catch {
        return { unreadable: true as const };
      }
    }),
  );
}

function entriesOf(
  values: readonly ({ value: unknown } | { unreadable: true })[],
): { ok: true; entries: SettlementEntry[] } | { ok: false; problem: SettlementFileProblem } {
  if (values.length === 0) return { ok: false, problem: 'empty' };
  if (values.length > MAX_SETTLEMENT_ENTRIES) return { ok: false, problem: 'tooMany' };
  if (values.every((value) => 'unreadable' in value)) return { ok: false, problem: 'notJson' };
  return {
    ok: true,
    entries: values.map((value, index): SettlementEntry => {
      const entry = index + 1;
      if ('unreadable' in value) return { entry, ok: false, error: 'notJson' };
      const report = value.value;
      return typeof report === 'object' && report !== null && !Array.isArray(report)
        ? { entry, ok: true, report: report as Record<string, unknown> }
        : { entry, ok: false, error: 'notObject' };
    }),
  };
}

/** What the page shows for one entry after the upload. */
export interface SettlementLine {
  readonly entry: number;
  readonly payoutId: string | null;
  readonly bankReference: string | null;
  readonly outcome: string | null;
  /** recorded: changed the payout; repeated: already recorded, nothing changed; refused. */
  readonly result: 'recorded' | 'repeated' | 'refused';
  readonly status: string | null;
  readonly message: string | null;
}

export function textOf(report: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = report[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
