import type { SessionNavigation } from '../../common/session-types.js';
import type { TimelineRow } from './timeline-row.js';

/** A heading for the rows of one page load or SPA route. */
export interface PageHeading {
  kind: 'page';
  key: string;
  navigationId: number;
  /** `Page`, `Route`, `Fragment`, `Restored` … */
  title: string;
  url: string;
  time?: number;
  /** How many of the rows shown belong under this heading. */
  count: number;
}

export type DisplayItem = PageHeading | { kind: 'row'; row: TimelineRow };

const TITLES: Record<SessionNavigation['kind'], string> = {
  document: 'Page',
  history: 'Route',
  fragment: 'Fragment',
  'bfcache-restore': 'Restored from bfcache',
};

/**
 * Rows with a heading wherever the page or SPA route changes. A beacon sent by the page
 * before (on `pagehide`) arrives after the next page started and gets a heading of its own
 * page again, so every row sits under the page it was sent from.
 */
export function groupByPage(
  rows: readonly TimelineRow[],
  navigations: readonly SessionNavigation[],
): DisplayItem[] {
  const byId = new Map(navigations.map((navigation) => [navigation.id, navigation]));
  const items: DisplayItem[] = [];
  let heading: PageHeading | undefined;

  for (const row of rows) {
    if (heading === undefined || heading.navigationId !== row.navigationId) {
      heading = headingOf(row, byId.get(row.navigationId), items.length);
      items.push(heading);
    }
    heading.count++;
    items.push({ kind: 'row', row });
  }
  return items;
}

function headingOf(
  row: TimelineRow,
  navigation: SessionNavigation | undefined,
  position: number,
): PageHeading {
  return {
    kind: 'page',
    key: `page-${row.navigationId}-${position}`,
    navigationId: row.navigationId,
    title: navigation === undefined ? 'Page' : TITLES[navigation.kind],
    url: navigation?.url ?? row.pageUrl,
    ...(navigation === undefined ? {} : { time: navigation.time }),
    count: 0,
  };
}
