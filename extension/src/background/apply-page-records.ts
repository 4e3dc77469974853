import type { SessionUpdate } from '../common/background-api.js';
import type { PageNoticeRecord, PageRecord, PageRequestRecord } from '../common/page-record.js';
import type {
  PageRequestView,
  SessionHit,
  SessionNavigation,
  TabSession,
} from '../common/session-types.js';
import { findJoinableHit, isWireText } from './find-joinable-hit.js';
import { findNavigationId } from './find-navigation-id.js';
import { hitState } from './hit-state.js';
import { noteFrame } from './note-frame.js';
import { summariseHit } from './summarise-hit.js';

/** The frame a batch came from, as the browser (not the page) says: the port's sender. */
export interface SenderPlace {
  frameId: number;
  documentId?: string;
  url: string;
}

/**
 * Adds a batch of page records to a tab's session and returns what changed, for subscribers.
 * Pushes and notices are appended; a request joins the hit the network already reported for
 * it (`findJoinableHit`) or starts a new one. The session is changed in place.
 */
export function applyPageRecords(
  session: TabSession,
  records: PageRecord[],
  sender: SenderPlace,
): SessionUpdate[] {
  const updates: SessionUpdate[] = [];
  const { tabId } = session;
  const inferred = inferMissedNavigation(session, records, sender);
  if (inferred) updates.push({ type: 'navigation', tabId, navigation: inferred });
  const isTopFrame = sender.frameId === 0;
  for (const record of records) {
    const topFrameOrigin = isTopFrame
      ? {
          pageUrl: record.pageUrl,
          ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
        }
      : {};
    const place = {
      frameId: sender.frameId,
      ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
      navigationId: findNavigationId(session.navigations, record.time, topFrameOrigin),
    };
    if (record.kind === 'push') {
      const push = withoutRecordFields(record);
      session.seq += 1;
      const entry = { ...push, ...place, seq: session.seq };
      session.pushes.push(entry);
      updates.push({ type: 'push', tabId, push: entry });
    } else if (record.kind === 'request') {
      updates.push({ type: 'hit', tabId, hit: addPageRequest(session, record, place) });
    } else {
      updates.push(...addNotice(session, record, place, sender));
    }
  }
  return updates;
}

type Place = Pick<SessionHit, 'frameId' | 'documentId' | 'navigationId'>;

function addPageRequest(session: TabSession, record: PageRequestRecord, place: Place): SessionHit {
  const { url, method, ...fields } = withoutRecordFields(record);
  const view: PageRequestView = { ...fields, frameId: place.frameId };
  const joined = findJoinableHit(session.hits, {
    view: 'page',
    url,
    frameId: place.frameId,
    ...(place.documentId === undefined ? {} : { documentId: place.documentId }),
    time: record.time,
    ...(record.body === undefined ? {} : { body: record.body }),
    isBodyPrefix: record.bodyTruncated === true,
    isBodyIncomparable: !isWireText(record.bodyKind),
  });
  if (joined !== undefined) {
    joined.page = view;
    // The page knows where it sent from; the network's frame and time can be past a navigation.
    joined.frameId = place.frameId;
    joined.navigationId = place.navigationId;
    if (place.documentId !== undefined) joined.documentId = place.documentId;
    joined.state = hitState(joined);
    if (record.body !== undefined) joined.summary = summariseHit(url, record.body, method);
    return joined;
  }

  session.seq += 1;
  const hit: SessionHit = {
    ...place,
    seq: session.seq,
    time: record.time,
    url,
    method,
    state: 'pending',
    page: view,
    summary: summariseHit(url, record.body, method),
  };
  hit.state = hitState(hit);
  session.hits.push(hit);
  return hit;
}

function addNotice(
  session: TabSession,
  record: PageNoticeRecord,
  place: Place,
  sender: SenderPlace,
): SessionUpdate[] {
  const { tabId } = session;
  const updates: SessionUpdate[] = [];
  if (record.code === 'hook-started') noteFrame(session, { ...sender, hookStartedAt: record.time });
  if (record.code === 'bfcache-restored' && sender.frameId === 0) {
    const navigation = {
      id: nextNavigationId(session),
      kind: 'bfcache-restore' as const,
      url: record.pageUrl,
      time: record.time,
      ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
    };
    session.navigations.push(navigation);
    updates.push({ type: 'navigation', tabId, navigation });
  }
  const fields = withoutRecordFields(record);
  session.seq += 1;
  const notice = { ...fields, ...place, seq: session.seq };
  session.notices.push(notice);
  updates.push({ type: 'notice', tabId, notice });
  return updates;
}

/**
 * A top-frame document the background never heard of: the tab's first page when the worker
 * was not yet listening as it committed, or, where the browser names documents, a new
 * document whose records reached the worker before its commit did (a worker woken by the
 * page's port). The commit, when it comes, completes this entry (`recordNavigation`).
 */
function inferMissedNavigation(
  session: TabSession,
  records: PageRecord[],
  sender: SenderPlace,
): SessionNavigation | undefined {
  const first = records[0];
  if (sender.frameId !== 0 || first === undefined) return;
  if (session.navigations.length > 0 && !isUnannouncedDocument(session, sender.documentId)) return;
  const navigation: SessionNavigation = {
    id: nextNavigationId(session),
    kind: 'document',
    url: sender.url,
    time: Math.min(...records.map((record) => record.time)),
    ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
    isInferred: true,
  };
  session.navigations.push(navigation);
  return navigation;
}

/**
 * True when the sender's document is named, the last document the session knows is named
 * too (so the browser names them all), and none of the session's documents is this one.
 */
function isUnannouncedDocument(session: TabSession, documentId: string | undefined): boolean {
  if (documentId === undefined) return false;
  let lastNamed: string | undefined;
  for (let index = session.navigations.length - 1; index >= 0; index -= 1) {
    const navigation = session.navigations[index] as SessionNavigation;
    if (navigation.documentId === documentId) return false;
    if (navigation.kind === 'document') lastNamed ??= navigation.documentId ?? '';
  }
  return lastNamed !== undefined && lastNamed !== '';
}

/** Navigation ids count up per tab from 1. */
export function nextNavigationId(session: TabSession): number {
  const last = session.navigations[session.navigations.length - 1];
  return (last?.id ?? 0) + 1;
}

/** A page record without its `kind` and its page-side `seq`, which the session replaces. */
function withoutRecordFields<Record extends { kind: string; seq: number }>(
  record: Record,
): Omit<Record, 'kind' | 'seq'> {
  const copy: Partial<Record> = { ...record };
  delete copy.kind;
  delete copy.seq;
  return copy as Omit<Record, 'kind' | 'seq'>;
}
