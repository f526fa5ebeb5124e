import type { PayoutProgram } from '@santunan/contracts';

// Payment statistics for the claims dashboard: the pure fold of the reader's grouped rows.

/** Claim decisions of a program against their payment due date (benefit payouts only). */
export interface PaymentSla {
  readonly program: PayoutProgram;
  /** Every payout of the decision settled on or before the due date. */
  readonly paidOnTime: number;
  /** Every payout settled, the last one after the due date. */
  readonly paidLate: number;
  /** Not all paid yet and the due date has passed. */
  readonly overdue: number;
  /** Not all paid yet, still within the due date. */
  readonly pending: number;
}

/** Money that reached beneficiaries in a month (settled payouts), by kabupaten/kota. */
export interface PaidCell {
  /** `YYYY-MM` of the bank's value date. */
  readonly month: string;
  readonly regencyCode: string | null;
  readonly payouts: number;
  /** Benefits (and scholarship instalments) paid, integer rupiah. */
  readonly benefitAmount: number;
  /** Late-payment compensation paid, integer rupiah. */
  readonly compensationAmount: number;
  readonly compensations: number;
}

export interface CompensationTotals {
  readonly paidCount: number;
  readonly paidAmount: number;
  /** Ordered but not settled yet. */
  readonly outstandingCount: number;
  readonly outstandingAmount: number;
}

export interface PayoutStatistics {
  readonly asOf: string;
  readonly paymentSla: readonly PaymentSla[];
  readonly paid: readonly PaidCell[];
  readonly compensation: CompensationTotals;
}

export interface DecisionRow {
  program: PayoutProgram;
  due_date: string;
  all_settled: boolean;
  last_settled_on: string | null;
  count: string | number;
}

export interface PaidRow {
  month: string;
  regency_code: string | null;
  kind: 'benefit' | 'late-payment-compensation';
  count: string | number;
  amount: string | number;
}

export interface CompensationRow {
  settled: boolean;
  count: string | number;
  amount: string | number | null;
}

const num = (value: string | number | null): number => (value === null ? 0 : Number(value));

export function payoutStatisticsOf(
  asOf: string,
  decisions: readonly DecisionRow[],
  paid: readonly PaidRow[],
  compensation: readonly CompensationRow[],
): PayoutStatistics {
  const programs = new Map<
    PayoutProgram,
    { paidOnTime: number; paidLate: number; overdue: number; pending: number }
  >();
  for (const row of decisions) {
    const sla = programs.get(row.program) ?? { paidOnTime: 0, paidLate: 0, overdue: 0, pending: 0 };
    const count = num(row.count);
    if (row.all_settled && row.last_settled_on !== null) {
      if (row.last_settled_on <= row.due_date) sla.paidOnTime += count;
      else sla.paidLate += count;
    } else if (row.due_date < asOf) {
      sla.overdue += count;
    } else {
      sla.pending += count;
    }
    programs.set(row.program, sla);
  }
  const cells = new Map<
    string,
    {
      month: string;
      regencyCode: string | null;
      payouts: number;
      benefitAmount: number;
      compensationAmount: number;
      compensations: number;
    }
  >();
  for (const row of paid) {
    const id = `${row.month}|${row.regency_code ?? ''}`;
    const cell = cells.get(id) ?? {
      month: row.month,
      regencyCode: row.regency_code,
      payouts: 0,
      benefitAmount: 0,
      compensationAmount: 0,
      compensations: 0,
    };
    if (row.kind === 'benefit') {
      cell.payouts += num(row.count);
      cell.benefitAmount += num(row.amount);
    } else {
      cell.compensations += num(row.count);
      cell.compensationAmount += num(row.amount);
    }
    cells.set(id, cell);
  }
  const totals = { paidCount: 0, paidAmount: 0, outstandingCount: 0, outstandingAmount: 0 };
  for (const row of compensation) {
    if (row.settled) {
      totals.paidCount += num(row.count);
      totals.paidAmount += num(row.amount);
    } else {
      totals.outstandingCount += num(row.count);
      totals.outstandingAmount += num(row.amount);
    }
  }
  return {
    asOf,
    paymentSla: [...programs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([program, sla]) => ({ program, ...sla })),
    paid: [...cells.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, cell]) => cell),
    compensation: totals,
  };
}
