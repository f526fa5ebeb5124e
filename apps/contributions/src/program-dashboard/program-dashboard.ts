// The programs dashboard's months: the pure fold of what the reader reads from the events and
// the program-report read model. Every amount is integer rupiah.

/** Sponsorships alike in months and tariff, counted together. */
export interface SponsorshipGroup {
  readonly fromMonth: string;
  readonly toMonth: string;
  /** The last month still sponsored when a death ended the sponsorship early; null otherwise. */
  readonly endedAfter: string | null;
  /** Contribution per worker per month. */
  readonly tariff: number;
  readonly workers: number;
}

export interface StatementLine {
  readonly month: string;
  readonly total: number;
}

export interface PaymentLine {
  /** The contribution month the payment was for. */
  readonly month: string;
  readonly amount: number;
  readonly allocatedAmount: number;
}

export interface ProgramMonth {
  readonly month: string;
  /** Workers sponsored for the month. */
  readonly workers: number;
  /** What the month's sponsorships commit of the budget. */
  readonly committed: number;
  /** The month's statement; 0 before it is issued. */
  readonly billed: number;
  /** Money the sponsor sent for the month. */
  readonly received: number;
  /** Of it, allocated to whole dues. */
  readonly paid: number;
  /** Running totals from the program's first month, for budget use over time. */
  readonly committedToDate: number;
  readonly receivedToDate: number;
  readonly paidToDate: number;
}

/** `2026-01`, `2026-02`, … `last` (inclusive); empty when `last` is before `first`. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function programMonthsOf(
  firstMonth: string,
  lastMonth: string,
  sponsorships: readonly SponsorshipGroup[],
  statements: readonly StatementLine[],
  payments: readonly PaymentLine[],
): ProgramMonth[] {
  const months = monthsBetween(firstMonth, lastMonth);
  const workers = new Map<string, number>();
  const committed = new Map<string, number>();
  for (const group of sponsorships) {
    const to =
      group.endedAfter !== null && group.endedAfter < group.toMonth
        ? group.endedAfter
        : group.toMonth;
    for (const month of monthsBetween(group.fromMonth, to)) {
      workers.set(month, (workers.get(month) ?? 0) + group.workers);
      committed.set(month, (committed.get(month) ?? 0) + group.workers * group.tariff);
    }
  }
  const billed = new Map<string, number>();
  for (const line of statements) billed.set(line.month, (billed.get(line.month) ?? 0) + line.total);
  const received = new Map<string, number>();
  const paid = new Map<string, number>();
  for (const line of payments) {
    received.set(line.month, (received.get(line.month) ?? 0) + line.amount);
    paid.set(line.month, (paid.get(line.month) ?? 0) + line.allocatedAmount);
  }
  let committedToDate = 0;
  let receivedToDate = 0;
  let paidToDate = 0;
  return months.map((month) => {
    committedToDate += committed.get(month) ?? 0;
    receivedToDate += received.get(month) ?? 0;
    paidToDate += paid.get(month) ?? 0;
    return {
      month,
      workers: workers.get(month) ?? 0,
      committed: committed.get(month) ?? 0,
      billed: billed.get(month) ?? 0,
      received: received.get(month) ?? 0,
      paid: paid.get(month) ?? 0,
      committedToDate,
      receivedToDate,
      paidToDate,
    };
  });
}
