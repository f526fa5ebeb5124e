/** Placeholders and parameters for a multi-row `insert ... values`, one round trip for a batch. */
export function multiRowValues(rows: readonly (readonly unknown[])[]): {
  sql: string;
  parameters: unknown[];
} {
  const parameters: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value) => {
      parameters.push(value);
      return `$${parameters.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { sql: tuples.join(', '), parameters };
}
