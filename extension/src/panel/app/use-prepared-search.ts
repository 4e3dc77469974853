import { useEffect } from 'preact/hooks';
import { prepareSearchText } from '../model/prepare-search-text.js';
import type { TimelineRow } from '../model/timeline-row.js';

// Short enough that a key press or a scroll waits at most this long behind a slice.
const SLICE_MS = 8;
// A live session re-renders at most every 250 ms (use-live-session.ts): rows about to be
// replaced are not worth preparing.
const START_AFTER_MS = 300;

/**
 * Once the rows are shown, builds their search text in slices between other work, so the
 * first search is as quick as the ones after it. New rows (the session grew, the plan
 * changed) start over; the old slices stop.
 */
export function usePreparedSearch(rows: readonly TimelineRow[] | undefined): void {
  useEffect(() => {
    if (rows === undefined || rows.length === 0) return undefined;
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      next = prepareSearchText(rows, next, SLICE_MS);
      timer = next < rows.length ? setTimeout(slice, 0) : undefined;
    };
    timer = setTimeout(slice, START_AFTER_MS);
    return () => clearTimeout(timer);
  }, [rows]);
}
