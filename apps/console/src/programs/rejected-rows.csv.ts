import type { RowProblem } from './programs.api';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
 * return, that Excel strips before looking): such a cell gets a leading apostrophe, so a
 * downloaded file can never run `=HYPERLINK(…)` or `@SUM(…)` on the operator's machine (OWASP
 * "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvCell(cell: string): string {
  const safe = neutralised(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * The refused rows as a CSV an operator can fix and upload again: the row number, the field
 * and code and reason of each problem (a row with several problems once, its problems joined),
 * then the row's cells under the file's own columns. Every cell is neutralised.
 */
export function rejectedRowsCsv(
  problems: readonly RowProblem[],
  headings: {
    readonly row: string;
    readonly field: string;
    readonly code: string;
    readonly reason: string;
  },
): string {
  const columns: string[] = [];
  const rows = new Map<number, { problems: RowProblem[]; cells: Map<string, string> }>();
  for (const problem of problems) {
    let row = rows.get(problem.rowNumber);
    if (row === undefined) {
      row = { problems: [], cells: new Map() };
      rows.set(problem.rowNumber, row);
    }
    row.problems.push(problem);
    for (const cell of problem.cells ?? []) {
      if (!columns.includes(cell.column)) columns.push(cell.column);
      row.cells.set(cell.column, cell.value);
    }
  }
  const lines = [
    csvLine([headings.row, headings.field, headings.code, headings.reason, ...columns]),
  ];
  for (const [rowNumber, row] of [...rows].sort(([a], [b]) => a - b)) {
    lines.push(
      csvLine([
        String(rowNumber),
        row.problems.map((problem) => problem.field).join('; '),
        row.problems.map((problem) => problem.code).join('; '),
        row.problems.map((problem) => problem.reason).join('; '),
        ...columns.map((column) => row.cells.get(column) ?? ''),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
