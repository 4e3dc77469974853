/** The slice of a fixed-height list a viewport shows, with a few rows either side. */
export interface VisibleRange {
  /** First index to render (inclusive). */
  start: number;
  /** Last index to render (exclusive). */
  end: number;
}

/**
 * Which rows of a list of `count` rows, each `rowHeight` pixels high, a viewport of
 * `viewportHeight` scrolled to `scrollTop` shows, widened by `overscan` rows either side so
 * fast scrolling does not flash empty space. Always within `0 … count`.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): VisibleRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const height = Math.max(rowHeight, Number.isFinite(viewportHeight) ? viewportHeight : 0);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + height) / rowHeight);
  return {
    start: Math.min(count, Math.max(0, first - overscan)),
    end: Math.min(count, last + overscan),
  };
}

/** The scrollTop that brings row `index` into view, or `scrollTop` when it already is. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const rowTop = index * rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowTop + rowHeight > scrollTop + viewportHeight) return rowTop + rowHeight - viewportHeight;
  return scrollTop;
}
