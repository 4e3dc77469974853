import { searchTextOf } from './filter-rows.js';
import type { TimelineRow } from './timeline-row.js';

/**
 * Builds the search text of `rows` from index `from` on, until `budgetMs` have passed, and
 * returns the index of the first row still without one (`rows.length` when every row has
 * it). Searching builds what is missing anyway; doing it ahead, a slice at a time, spares
 * the first search that cost: about a second for a session of 50,000 records, where each
 * later search takes tens of milliseconds (bench/panel-records.bench.ts).
 */
export function prepareSearchText(
  rows: readonly TimelineRow[],
  from: number,
  budgetMs: number,
  now: () => number = () => performance.now(),
): number {
  const deadline = now() + budgetMs;
  let index = Math.min(rows.length, Math.max(0, from));
  while (index < rows.length) {
    searchTextOf(rows[index] as TimelineRow);
    index += 1;
    if (now() >= deadline) break;
  }
  return index;
}
