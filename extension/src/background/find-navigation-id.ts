import type { SessionNavigation } from '../common/session-types.js';

/**
 * `webNavigation` reports an SPA history change only after the page went on running, so a
 * push made right after `history.pushState` can carry an earlier time than the navigation.
 * Within this window (ms), a top-frame record whose page URL is the history change's URL
 * belongs to it.
 */
const HISTORY_SLACK_MS = 2_000;

/** Where a record comes from, beyond its time. */
export interface RecordOrigin {
  /** The top frame's page URL when the record was made; only for top-frame records. */
  pageUrl?: string;
  /** The top-frame document that made the record, where the browser names it (Chrome). */
  documentId?: string;
}

/**
 * The navigation a record belongs to: the latest top-frame navigation that happened at or
 * before the record's own time. Records carry the time the page (or the network) saw them,
 * so a beacon sent from the old page's `pagehide` that arrives after the next navigation
 * still lands on the page that sent it. A top-frame record (`pageUrl` given) also belongs to
 * a history or fragment change to its URL reported up to `HISTORY_SLACK_MS` later.
 *
 * A record whose document is known goes to that document's navigations whatever its time
 * says: the browser stamps a commit when it hears of it, which on a busy machine can be after
 * the new document's first scripts ran. 0 before any navigation was seen.
 */
export function findNavigationId(
  navigations: SessionNavigation[],
  time: number,
  origin: RecordOrigin = {},
): number {
  const byTime = findIndexByTime(navigations, 0, navigations.length, time, origin.pageUrl);
  if (origin.documentId === undefined) return navigations[byTime]?.id ?? 0;

  const start = findDocumentStart(navigations, origin.documentId);
  if (start === -1) return navigations[byTime]?.id ?? 0;
  const end = findNextDocumentStart(navigations, start);
  if (byTime >= start && byTime < end) return navigations[byTime]?.id ?? 0;
  const within = findIndexByTime(navigations, start, end, time, origin.pageUrl);
  return navigations[within === -1 ? start : within]?.id ?? 0;
}

/** The latest index in [from, to) at or before `time` (or a history change to `pageUrl`). */
function findIndexByTime(
  navigations: SessionNavigation[],
  from: number,
  to: number,
  time: number,
  pageUrl: string | undefined,
): number {
  for (let index = to - 1; index >= from; index -= 1) {
    const navigation = navigations[index] as SessionNavigation;
    if (navigation.time <= time) return index;
    const isSameDocumentChange = navigation.kind === 'history' || navigation.kind === 'fragment';
    if (
      isSameDocumentChange &&
      navigation.url === pageUrl &&
      navigation.time <= time + HISTORY_SLACK_MS
    ) {
      return index;
    }
  }
  return -1;
}

/** The index of the navigation that last brought `documentId` in, or -1. */
function findDocumentStart(navigations: SessionNavigation[], documentId: string): number {
  for (let index = navigations.length - 1; index >= 0; index -= 1) {
    const navigation = navigations[index] as SessionNavigation;
    if (isDocumentStart(navigation) && navigation.documentId === documentId) return index;
  }
  return -1;
}

function findNextDocumentStart(navigations: SessionNavigation[], start: number): number {
  for (let index = start + 1; index < navigations.length; index += 1) {
    if (isDocumentStart(navigations[index] as SessionNavigation)) return index;
  }
  return navigations.length;
}

/** A new document, or an old one brought back from the back/forward cache. */
function isDocumentStart(navigation: SessionNavigation): boolean {
  return navigation.kind === 'document' || navigation.kind === 'bfcache-restore';
}
