import type { SessionNavigation } from '../common/session-types.js';

/**
 * `webNavigation` reports an SPA history change only after the page went on running, so a
 * push made right after `history.pushState` can carry an earlier time than the navigation.
 * Within this window (ms), a top-frame record whose page URL is the history change's URL
 * belongs to it.
 */
const HISTORY_SLACK_MS = 2_000;

/**
 * The navigation a record belongs to: the latest top-frame navigation that happened at or
 * before the record's own time. Records carry the time the page (or the network) saw them,
 * so a beacon sent from the old page's `pagehide` that arrives after the next navigation
 * still lands on the page that sent it. A top-frame record (`pageUrl` given) also belongs to
 * a history or fragment change to its URL reported up to `HISTORY_SLACK_MS` later.
 * 0 before any navigation was seen.
 */
export function findNavigationId(
  navigations: SessionNavigation[],
  time: number,
  pageUrl?: string,
): number {
  for (let index = navigations.length - 1; index >= 0; index -= 1) {
    const navigation = navigations[index] as SessionNavigation;
    if (navigation.time <= time) return navigation.id;
    const isSameDocumentChange = navigation.kind === 'history' || navigation.kind === 'fragment';
    if (
      isSameDocumentChange &&
      navigation.url === pageUrl &&
      navigation.time <= time + HISTORY_SLACK_MS
    ) {
      return navigation.id;
    }
  }
  return 0;
}
