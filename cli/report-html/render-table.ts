import { escapeHtml } from './escape-html.js';

export interface TableOptions {
  /** The table's `id`, a fixed word the tests and links find it by. */
  id: string;
  /** The column whose value (valid / invalid / unplanned …) also becomes the cell's class. */
  statusColumn?: number;
}

/** A plain table of text cells; every header and cell is escaped. */
export function renderTable(headers: string[], rows: string[][], options: TableOptions): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map(cellOf(options.statusColumn)).join('')}</tr>`);
  return [
    `<table id="${escapeHtml(options.id)}"><thead><tr>${head}</tr></thead><tbody>`,
    ...body,
    '</tbody></table>',
  ].join('\n');
}

function cellOf(statusColumn: number | undefined) {
  return (cell: string, index: number) => {
    const status = index === statusColumn ? ` class="${escapeHtml(cell)}"` : '';
    return `<td${status}>${escapeHtml(cell)}</td>`;
  };
}
