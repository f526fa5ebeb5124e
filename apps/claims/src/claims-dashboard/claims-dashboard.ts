import type { ClaimBenefitType, ClaimProgram } from '@santunan/contracts';

// The claims dashboard's shape and the pure fold of the grouped rows the reader asks for.

export type OpenClaimStatus = 'open' | 'pending-contribution' | 'awaiting-checker';
export type OpenSla = 'on-time' | 'overdue' | 'paused' | 'not-started' | 'not-computable';

export interface OpenClaimsCell {
  readonly benefitType: ClaimBenefitType;
  readonly status: OpenClaimStatus;
  readonly count: number;
}

export interface OpenSlaCell {
  readonly program: ClaimProgram;
  readonly sla: OpenSla;
  readonly count: number;
}

/** Approved claims of a program: decided on or before their payment due date, or after it. */
export interface DecisionSla {
  readonly program: ClaimProgram;
  /** The SLA's working days in the approvals' rule sets (7 for JKK, 3 for JKM today). */
  readonly workingDays: readonly number[];
  readonly approved: number;
  readonly approvedByDueDate: number;
}

export interface DecidedCell {
  /** `YYYY-MM` of the decision. */
  readonly month: string;
  /** Kabupaten/kota of the participant; null when claims has not heard it. */
  readonly regencyCode: string | null;
  readonly approved: number;
  readonly rejected: number;
  /** Sum of the approved decisions' totals, integer rupiah. */
  readonly approvedAmount: number;
}

export interface ClaimsDashboard {
  readonly asOf: string;
  readonly openClaims: readonly OpenClaimsCell[];
  readonly openSla: readonly OpenSlaCell[];
  readonly decisionSla: readonly DecisionSla[];
  readonly decided: readonly DecidedCell[];
}

export interface OpenRow {
  benefit_type: ClaimBenefitType;
  status: OpenClaimStatus;
  program: ClaimProgram;
  sla_state: 'not-started' | 'paused' | 'running' | 'not-computable';
  overdue: boolean;
  count: string | number;
}

export interface DecidedRow {
  program: ClaimProgram;
  status: 'approved' | 'rejected';
  month: string | null;
  regency_code: string | null;
  working_days: string | number | null;
  by_due_date: boolean | null;
  count: string | number;
  amount: string | number | null;
}

const num = (value: string | number | null): number => (value === null ? 0 : Number(value));

function slaOf(row: OpenRow): OpenSla {
  if (row.sla_state === 'running') return row.overdue ? 'overdue' : 'on-time';
  return row.sla_state;
}

function add<K>(map: Map<string, { key: K; count: number }>, id: string, key: K, count: number) {
  const cell = map.get(id) ?? { key, count: 0 };
  cell.count += count;
  map.set(id, cell);
}

/** Folds the reader's grouped rows into the dashboard, in a stable order. */
export function claimsDashboardOf(
  asOf: string,
  open: readonly OpenRow[],
  decided: readonly DecidedRow[],
): ClaimsDashboard {
  const byBenefit = new Map<string, { key: Omit<OpenClaimsCell, 'count'>; count: number }>();
  const bySla = new Map<string, { key: Omit<OpenSlaCell, 'count'>; count: number }>();
  for (const row of open) {
    const count = num(row.count);
    add(
      byBenefit,
      `${row.benefit_type}|${row.status}`,
      {
        benefitType: row.benefit_type,
        status: row.status,
      },
      count,
    );
    const sla = slaOf(row);
    add(bySla, `${row.program}|${sla}`, { program: row.program, sla }, count);
  }
  const programs = new Map<
    ClaimProgram,
    { workingDays: Set<number>; approved: number; approvedByDueDate: number }
  >();
  const cells = new Map<
    string,
    {
      month: string;
      regencyCode: string | null;
      approved: number;
      rejected: number;
      approvedAmount: number;
    }
  >();
  for (const row of decided) {
    const count = num(row.count);
    if (row.status === 'approved') {
      const program = programs.get(row.program) ?? {
        workingDays: new Set<number>(),
        approved: 0,
        approvedByDueDate: 0,
      };
      if (row.working_days !== null) program.workingDays.add(num(row.working_days));
      program.approved += count;
      if (row.by_due_date === true) program.approvedByDueDate += count;
      programs.set(row.program, program);
    }
    if (row.month === null) continue;
    const id = `${row.month}|${row.regency_code ?? ''}`;
    const cell = cells.get(id) ?? {
      month: row.month,
      regencyCode: row.regency_code,
      approved: 0,
      rejected: 0,
      approvedAmount: 0,
    };
    if (row.status === 'approved') {
      cell.approved += count;
      cell.approvedAmount += num(row.amount);
    } else {
      cell.rejected += count;
    }
    cells.set(id, cell);
  }
  const byId = <T>(map: Map<string, T>): T[] =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
  return {
    asOf,
    openClaims: byId(byBenefit).map(({ key, count }) => ({ ...key, count })),
    openSla: byId(bySla).map(({ key, count }) => ({ ...key, count })),
    decisionSla: [...programs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([program, value]) => ({
        program,
        workingDays: [...value.workingDays].sort((a, b) => a - b),
        approved: value.approved,
        approvedByDueDate: value.approvedByDueDate,
      })),
    decided: byId(cells),
  };
}
