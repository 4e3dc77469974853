import type { SessionHit, TabSession } from '../../common/session-types.js';
import { hitBody, hitPageUrl } from '../model/session-records.js';

/**
 * The session's hits as a HAR 1.2 log: one page per navigation, one entry per hit with its
 * method, URL, query, body and the status the network gave. HAR has no place for dataLayer
 * pushes, so it carries hits only (the NDJSON export carries both); tagwarden's own fields
 * ride along under `_tagwarden`, as HAR allows for custom fields.
 */
export function sessionToHar(session: TabSession, version: string): string {
  const pages = session.navigations.map((navigation) => ({
    startedDateTime: isoTime(navigation.time),
    id: `page_${navigation.id}`,
    title: navigation.url,
    pageTimings: {},
  }));
  const pageIds = new Set(session.navigations.map((navigation) => navigation.id));
  const entries = [...session.hits]
    .sort((left, right) => left.seq - right.seq)
    .map((hit) => entryOf(hit, session, pageIds));
  const log = {
    version: '1.2',
    creator: { name: 'tagwarden', version },
    pages,
    entries,
  };
  return `${JSON.stringify({ log }, null, 2)}\n`;
}

function entryOf(hit: SessionHit, session: TabSession, pageIds: Set<number>) {
  const body = hitBody(hit);
  const status = hit.network?.statusCode ?? 0;
  const pageUrl = hitPageUrl(hit, session);
  return {
    ...(pageIds.has(hit.navigationId) ? { pageref: `page_${hit.navigationId}` } : {}),
    startedDateTime: isoTime(hit.time),
    time: Math.max(0, (hit.network?.completedAt ?? hit.time) - hit.time),
    request: {
      method: hit.method,
      url: hit.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      queryString: queryOf(hit.url),
      headersSize: -1,
      bodySize: body === undefined ? 0 : body.length,
      ...(body === undefined
        ? {}
        : { postData: { mimeType: 'text/plain;charset=UTF-8', text: body } }),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(hit.network?.error === undefined ? {} : { _error: hit.network.error }),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _tagwarden: {
      seq: hit.seq,
      state: hit.state,
      frameId: hit.frameId,
      navigationId: hit.navigationId,
      ...(pageUrl === undefined ? {} : { pageUrl }),
      ...(hit.page === undefined ? {} : { transport: hit.page.transport }),
    },
  };
}

function queryOf(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function isoTime(time: number): string {
  const date = new Date(Number.isFinite(time) ? time : 0);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
