import type { CapturedRecord } from '../../../../shared/capture/captured-input.js';
import type { TransportValue } from '../../../../shared/datalayer/replay-types.js';
import { summariseHit } from '../../background/summarise-hit.js';
import type { SessionHit, SessionNavigation, TabSession } from '../../common/session-types.js';

/**
 * A session built from capture records (a HAR export, tagwarden NDJSON from elsewhere, a URL
 * list), in their order: a navigation wherever the page URL changes, each push and each
 * analytics request as the background would have recorded it. Requests that are no analytics
 * tagwarden knows (a HAR holds every image and script) are left out.
 */
export function recordsToSession(records: readonly CapturedRecord[], tabId: number): TabSession {
  const session: TabSession = {
    tabId,
    createdAt: records.find((record) => record.time !== undefined)?.time ?? 0,
    seq: 0,
    navigations: [],
    frames: [],
    pushes: [],
    hits: [],
    notices: [],
    dropped: { pushes: 0, hits: 0, notices: 0, invalid: 0 },
  };
  let lastTime = session.createdAt;

  for (const record of records) {
    const time = record.time ?? lastTime;
    lastTime = time;
    const navigationId = navigationFor(session.navigations, record.pageUrl, time);
    if (record.kind === 'push') {
      session.seq += 1;
      session.pushes.push({
        seq: session.seq,
        time,
        pageUrl: record.pageUrl ?? '',
        dataLayerName: record.dataLayerName ?? 'dataLayer',
        arrayIndex: 1,
        origin: 'live',
        push: record.push as TransportValue,
        frameId: 0,
        navigationId,
      });
      continue;
    }
    const summary = summariseHit(record.url, record.body, record.method);
    if (summary.kind === 'unrecognised') continue;
    session.seq += 1;
    session.hits.push(hitOf(record, session.seq, time, navigationId, summary));
  }
  return session;
}

function hitOf(
  record: Extract<CapturedRecord, { kind: 'request' }>,
  seq: number,
  time: number,
  navigationId: number,
  summary: SessionHit['summary'],
): SessionHit {
  return {
    seq,
    time,
    url: record.url,
    method: record.method ?? (record.body === undefined ? 'GET' : 'POST'),
    state: 'completed',
    frameId: 0,
    navigationId,
    page: {
      transport: record.body === undefined ? 'image' : 'fetch',
      time,
      pageUrl: record.pageUrl ?? '',
      frameId: 0,
      ...(record.body === undefined ? {} : { body: record.body, bodyKind: 'text' as const }),
    },
    summary,
  };
}

/** The navigation of a record's page: the latest one if the URL is the same, else a new one. */
function navigationFor(
  navigations: SessionNavigation[],
  pageUrl: string | undefined,
  time: number,
): number {
  if (pageUrl === undefined || pageUrl === '') return navigations.at(-1)?.id ?? 0;
  const last = navigations.at(-1);
  if (last?.url === pageUrl) return last.id;
  const navigation: SessionNavigation = {
    id: navigations.length + 1,
    kind: isSameDocument(last?.url, pageUrl) ? 'history' : 'document',
    url: pageUrl,
    time,
  };
  navigations.push(navigation);
  return navigation.id;
}

// A capture does not say how the page changed; same origin and path is a route change at most.
function isSameDocument(previous: string | undefined, next: string): boolean {
  if (previous === undefined) return false;
  try {
    const before = new URL(previous);
    const after = new URL(next);
    return before.origin === after.origin && before.pathname === after.pathname;
  } catch {
    return false;
  }
}
