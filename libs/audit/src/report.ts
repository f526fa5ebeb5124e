import type { ReportPeriod } from './period';

/** The categories a BPJS Ketenagakerjaan office publishes benefits under. */
export const BENEFIT_CATEGORIES = ['JKK death', 'JKK other', 'JKM', 'Scholarship'] as const;
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];

export function benefitCategory(program: string, benefitType: string | null): BenefitCategory {
  if (program === 'scholarship') return 'Scholarship';
  if (program === 'jkm') return 'JKM';
  return benefitType === 'jkk-death' ? 'JKK death' : 'JKK other';
}

/** One payout order as the report needs it (from `PayoutScheduled`). */
export interface PayoutFact {
  readonly payoutId: string;
  readonly participantId: string;
  readonly category: BenefitCategory;
  /** From the decision, else the participant's registered address; null when neither says. */
  readonly regencyCode: string | null;
}

/** Money moving: a settlement (paid) or a return (the bank sent it back). */
export interface MoneyMovement {
  readonly payoutId: string;
  readonly kind: 'settled' | 'returned';
  /** The bank's value date. */
  readonly on: string;
  readonly amount: number;
}

export interface ReportCell {
  readonly payouts: number;
  readonly participants: number;
  readonly paid: number;
  readonly returned: number;
  /** paid − returned */
  readonly net: number;
}

export interface ReportLine extends ReportCell {
  readonly key: string;
  readonly category: BenefitCategory | 'All';
}

export interface BenefitReport {
  readonly period: ReportPeriod;
  /** Per service read, the event position it was read up to. */
  readonly positions: Readonly<Record<string, string>>;
  readonly byCategory: readonly ReportLine[];
  readonly byMonth: readonly ReportLine[];
  readonly byRegency: readonly ReportLine[];
  readonly total: ReportCell;
  /** Settlements of payouts whose order is unknown at the pinned positions (should be none). */
  readonly unmatchedMovements: number;
}

interface Accumulator {
  payouts: number;
  participants: Set<string>;
  paid: number;
  returned: number;
}

const fresh = (): Accumulator => ({ payouts: 0, participants: new Set(), paid: 0, returned: 0 });

/**
 * Benefits paid in the period by category, month and kabupaten/kota: a settlement counts as
 * paid on its value date, a return subtracts on its own. Pure and ordered, so the same events
 * give byte-identical output.
 */
export function aggregateBenefits(
  period: ReportPeriod,
  positions: Readonly<Record<string, string>>,
  payouts: readonly PayoutFact[],
  movements: readonly MoneyMovement[],
  regencyName: (code: string) => string | undefined,
): BenefitReport {
  const orders = new Map(payouts.map((payout) => [payout.payoutId, payout]));
  const byCategory = new Map<string, Accumulator>();
  const byMonth = new Map<string, Accumulator>();
  const byRegency = new Map<string, Accumulator>();
  const total = fresh();
  let unmatched = 0;
  for (const movement of movements) {
    if (movement.on < period.firstDay || movement.on > period.lastDay) continue;
    const order = orders.get(movement.payoutId);
    if (order === undefined) {
      unmatched += 1;
      continue;
    }
    const month = movement.on.slice(0, 7);
    const regency = order.regencyCode ?? 'unknown';
    const regencyLabel = `${regency} ${regency === 'unknown' ? '(not recorded)' : (regencyName(regency) ?? '(unnamed)')}`;
    for (const [table, key] of [
      [byCategory, order.category],
      [byMonth, `${month}\t${order.category}`],
      [byRegency, `${regencyLabel}\t${order.category}`],
    ] as const) {
      add(table, key, order, movement);
    }
    accumulate(total, order, movement);
  }
  const categoryRank = (category: string): number =>
    BENEFIT_CATEGORIES.indexOf(category as BenefitCategory);
  const lines = (table: Map<string, Accumulator>): ReportLine[] =>
    [...table]
      .map(([key, cell]) => {
        const [label, category] = key.includes('\t') ? key.split('\t') : ['', key];
        return { key: label ?? '', category: category as BenefitCategory, ...cellOf(cell) };
      })
      .sort(
        (a, b) => compareText(a.key, b.key) || categoryRank(a.category) - categoryRank(b.category),
      );
  return {
    period,
    positions: Object.fromEntries(Object.entries(positions).sort(([a], [b]) => compareText(a, b))),
    byCategory: BENEFIT_CATEGORIES.map((category) => ({
      key: '',
      category,
      ...cellOf(byCategory.get(category) ?? fresh()),
    })),
    byMonth: lines(byMonth),
    byRegency: lines(byRegency),
    total: cellOf(total),
    unmatchedMovements: unmatched,
  };
}

function add(
  table: Map<string, Accumulator>,
  key: string,
  order: PayoutFact,
  movement: MoneyMovement,
): void {
  const cell = table.get(key) ?? fresh();
  accumulate(cell, order, movement);
  table.set(key, cell);
}

function accumulate(cell: Accumulator, order: PayoutFact, movement: MoneyMovement): void {
  if (movement.kind === 'settled') {
    cell.payouts += 1;
    cell.paid += movement.amount;
    cell.participants.add(order.participantId);
  } else {
    cell.returned += movement.amount;
  }
}

function cellOf(cell: Accumulator): ReportCell {
  return {
    payouts: cell.payouts,
    participants: cell.participants.size,
    paid: cell.paid,
    returned: cell.returned,
    net: cell.paid - cell.returned,
  };
}

/** Code-point order: the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rupiah with thousands separators, Indonesian style: 42.000.000 */
export function rupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

export function renderReport(report: BenefitReport): string {
  const header = ['payouts', 'participants', 'paid (Rp)', 'returned (Rp)', 'net (Rp)'];
  const row = (label: string, cell: ReportCell): string =>
    [
      label.padEnd(44),
      String(cell.payouts).padStart(8),
      String(cell.participants).padStart(13),
      rupiah(cell.paid).padStart(18),
      rupiah(cell.returned).padStart(15),
      rupiah(cell.net).padStart(18),
    ].join(' ');
  const heading = (title: string): string[] => [
    '',
    title,
    [
      ''.padEnd(44),
      header[0]?.padStart(8),
      header[1]?.padStart(13),
      header[2]?.padStart(18),
      header[3]?.padStart(15),
      header[4]?.padStart(18),
    ].join(' '),
  ];
  const { period } = report;
  const out: string[] = [
    `Benefits paid, period ${period.label} (value dates ${period.firstDay} to ${period.lastDay})`,
    `Read up to event positions: ${Object.entries(report.positions)
      .map(([service, position]) => `${service}=${position}`)
      .join(' ')}`,
    ...heading('By benefit type'),
    ...report.byCategory.map((line) => row(line.category, line)),
    row('Total', report.total),
    ...heading(period.granularity === 'year' ? 'By month' : 'By month (one month)'),
    ...(report.byMonth.length === 0
      ? ['  (nothing paid)']
      : report.byMonth.map((line) => row(`${line.key}  ${line.category}`, line))),
    ...heading('By kabupaten/kota'),
    ...(report.byRegency.length === 0
      ? ['  (nothing paid)']
      : report.byRegency.map((line) => row(`${line.key}  ${line.category}`, line))),
  ];
  if (report.unmatchedMovements > 0) {
    out.push(
      '',
      `warning: ${report.unmatchedMovements} settlements of unknown payout orders were left out`,
    );
  }
  return `${out.join('\n')}\n`;
}
