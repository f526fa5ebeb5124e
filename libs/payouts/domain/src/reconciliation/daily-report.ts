import type { IsoDate, PayoutKind, PayoutProgram } from '@santunan/contracts';

/** What happened to a payout on a day: the report's columns. */
export const MOVEMENTS = [
  'scheduled',
  'instructed',
  'settled',
  'failed',
  'returned',
  'cancelled',
] as const;
export type Movement = (typeof MOVEMENTS)[number];

export interface MovementRecord {
  readonly program: PayoutProgram;
  readonly payoutKind: PayoutKind;
  /** Kabupaten/kota code; null when neither the decision nor enrollment told us. */
  readonly regencyCode: string | null;
  /** The contribution-assistance program that sponsored the participant, when known. */
  readonly sponsorProgramId: string | null;
  readonly movement: Movement;
  readonly amount: number;
}

export interface Tally {
  readonly count: number;
  readonly amount: number;
}

export type Tallies = Readonly<Record<Movement, Tally>>;

export const UNKNOWN_REGENCY = 'unknown';

export interface DailyReportRow extends Tallies {
  readonly program: PayoutProgram;
  readonly payoutKind: PayoutKind;
  readonly regencyCode: string;
  readonly sponsorProgramId: string | null;
}

export interface DailyReport {
  readonly date: IsoDate;
  readonly rows: readonly DailyReportRow[];
  readonly totals: Tallies;
  /** Movements grouped under 'unknown' because no regency was known for the participant. */
  readonly unknownRegencyMovements: number;
}

const EMPTY: Tally = { count: 0, amount: 0 };

function noTallies(): Record<Movement, Tally> {
  return {
    scheduled: EMPTY,
    instructed: EMPTY,
    settled: EMPTY,
    failed: EMPTY,
    returned: EMPTY,
    cancelled: EMPTY,
  };
}

function add(tallies: Record<Movement, Tally>, record: MovementRecord): void {
  const before = tallies[record.movement];
  tallies[record.movement] = { count: before.count + 1, amount: before.amount + record.amount };
}

/**
 * One day's payout movements per program, payout kind, kabupaten/kota and sponsor program:
 * how many and how much was scheduled, instructed, settled, failed, returned and cancelled.
 * Rows are sorted by program, kind, regency and sponsor, so two runs compare line by line.
 */
export function dailyReport(date: IsoDate, movements: readonly MovementRecord[]): DailyReport {
  const groups = new Map<
    string,
    { key: Omit<DailyReportRow, Movement>; tallies: Record<Movement, Tally> }
  >();
  const totals = noTallies();
  let unknownRegencyMovements = 0;
  for (const record of movements) {
    const regencyCode = record.regencyCode ?? UNKNOWN_REGENCY;
    if (record.regencyCode === null) unknownRegencyMovements += 1;
    const key = {
      program: record.program,
      payoutKind: record.payoutKind,
      regencyCode,
      sponsorProgramId: record.sponsorProgramId,
    };
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, tallies: noTallies() };
    add(group.tallies, record);
    add(totals, record);
    groups.set(id, group);
  }
  const rows = [...groups.values()]
    .map(({ key, tallies }) => ({ ...key, ...tallies }))
    .sort((a, b) =>
      [a.program, a.payoutKind, a.regencyCode, a.sponsorProgramId ?? '']
        .join('\u0000')
        .localeCompare(
          [b.program, b.payoutKind, b.regencyCode, b.sponsorProgramId ?? ''].join('\u0000'),
        ),
    );
  return { date, rows, totals, unknownRegencyMovements };
}
