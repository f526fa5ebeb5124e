import type { ComponentChildren } from 'preact';

/** A column's heading; an amount's heading is aligned like its cells. */
export type Column = string | { readonly label: string; readonly amount: true };

/**
 * A table of data: its caption, one row of column headings, then its rows (each row's first cell
 * a `<th scope="row">`, written by the caller).
 */
export function Table({
  id,
  labelledBy,
  caption,
  columns,
  children,
}: {
  id?: string;
  labelledBy?: string;
  caption: string;
  columns: readonly (Column | null)[];
  children?: ComponentChildren;
}) {
  return (
    <table id={id} aria-labelledby={labelledBy}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) =>
            column === null ? null : typeof column === 'string' ? (
              <th key={index} scope="col">
                {column}
              </th>
            ) : (
              <th key={index} scope="col" class="amount">
                {column.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
