import type { CapturedRecord } from '../../../shared/capture/captured-input.js';
import type { CheckReport } from '../../../shared/check/check-report.js';
import type { TabSession } from '../../../extension/src/common/session-types.js';
import { sessionLayers } from '../demo/session-layers.js';
import type { AuditPage } from './audit-result.js';

/** A tab's session and what brought the tab there: the crawl or a journey's name. */
export interface CapturedTab {
  session: TabSession;
  reachedBy: string;
}

/**
 * The records `checkCaptures` judges, tab by tab as the demo takes them from one session:
 * the dataLayer pushes, then the GA4 hits without the web mirror's copies.
 */
export function captureRecords(tabs: CapturedTab[]): CapturedRecord[] {
  return tabs.flatMap(({ session }) => {
    const layers = sessionLayers(session);
    return [...layers.pushes, ...layers.ga4Requests];
  });
}

/**
 * One row per page of every tab: a document load or an SPA route change, with a fragment
 * change counted to the page it happened on. Checked events find their page through the
 * record they came from (tab and sequence number).
 */
export function summarisePages(tabs: CapturedTab[], check: CheckReport): AuditPage[] {
  const pages: AuditPage[] = [];
  const pageOfRecord = new Map<string, AuditPage>();
  for (const { session, reachedBy } of tabs) {
    for (const [navigationIds, url] of pagesOf(session)) {
      const part: TabSession = {
        ...session,
        pushes: session.pushes.filter((push) => navigationIds.has(push.navigationId)),
        hits: session.hits.filter((hit) => navigationIds.has(hit.navigationId)),
      };
      const layers = sessionLayers(part);
      const page: AuditPage = {
        url,
        reachedBy,
        pushes: layers.pushes.length,
        hits: layers.ga4Requests.length,
        events: 0,
        invalidEvents: 0,
      };
      for (const record of [...layers.pushes, ...layers.ga4Requests])
        pageOfRecord.set(recordKey(record.source.file, record.source.entry), page);
      pages.push(page);
    }
  }

  for (const event of check.events) {
    const page = pageOfRecord.get(recordKey(event.source.file, event.source.entry));
    if (page === undefined) continue;
    page.events += 1;
    if (event.status === 'invalid') page.invalidEvents += 1;
  }
  return pages;
}

function pagesOf(session: TabSession): Array<[Set<number>, string]> {
  const pages: Array<[Set<number>, string]> = [];
  for (const navigation of session.navigations) {
    const isNewPage = navigation.kind === 'document' || navigation.kind === 'history';
    const current = pages[pages.length - 1];
    if (isNewPage || current === undefined) {
      if (!/^https?:/.test(navigation.url)) continue;
      pages.push([new Set([navigation.id]), navigation.url]);
    } else current[0].add(navigation.id);
  }
  return pages;
}

function recordKey(file: string, entry: number | undefined): string {
  return `${file}\u0000${entry ?? ''}`;
}
