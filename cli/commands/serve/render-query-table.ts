/** Widest a cell is shown in a table before it is cut with `…`. */
const MAX_CELL = 60;

/** Rows as a plain-text table with a header line, one row a line, and the row count. */
export function renderQueryTable(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  const cells = rows.map((row) => columns.map((column) => cellText(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((row) => (row[index] ?? '').length)),
  );
  const line = (values: readonly string[]): string =>
    values
      .map((value, index) => value.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  const separator = widths.map((width) => '-'.repeat(width));
  const count = `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`;
  return [line(columns), line(separator), ...cells.map(line), count].join('\n') + '\n';
}

function cellText(value: unknown): string {
  const text =
    value === null || value === undefined
      ? 'NULL'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}
