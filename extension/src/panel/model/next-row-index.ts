import type { DisplayItem } from './group-by-page.js';

/**
 * Where a key press moves the timeline's selection: the next or previous row (headings are
 * skipped), a page of rows down or up, the first or last row. Undefined for other keys, or
 * when there is no row to move to.
 */
export function nextRowIndex(
  items: readonly DisplayItem[],
  current: number,
  key: string,
  pageSize: number,
): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return findRow(items, current < 0 ? 0 : current + 1, 1);
    case 'ArrowUp':
      return findRow(items, current < 0 ? items.length - 1 : current - 1, -1);
    case 'PageDown':
      return findRow(items, Math.min(items.length - 1, Math.max(current, 0) + pageSize), -1);
    case 'PageUp':
      return findRow(items, Math.max(0, current - pageSize), 1);
    case 'Home':
      return findRow(items, 0, 1);
    case 'End':
      return findRow(items, items.length - 1, -1);
    default:
      return undefined;
  }
}

function findRow(items: readonly DisplayItem[], from: number, step: 1 | -1): number | undefined {
  for (let index = from; index >= 0 && index < items.length; index += step) {
    if (items[index]?.kind === 'row') return index;
  }
  return undefined;
}
