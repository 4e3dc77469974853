/**
 * A tab's capture session as the background keeps it and the panel reads it: every push and
 * every analytics hit of the tab since it was opened or cleared, with the navigations, frames
 * and documents they happened in. JSON-safe throughout, so it persists in `storage.session`.
 */
import type { TransportValue } from '../../../shared/datalayer/replay-types.js';
import type { BodyKind, PageNoticeCode, PushOrigin, RequestTransport } from './page-record.js';

/** Where a record came from in the tab. */
export interface RecordPlace {
  frameId: number;
  /** The browser's id of the document (Chrome 106+); absent on Firefox. */
  documentId?: string;
  /** The navigation of the tab's top frame this record belongs to. */
  navigationId: number;
}

/** A top-frame navigation: a new document, an SPA history change, a fragment change, a bfcache restore. */
export interface SessionNavigation {
  id: number;
  kind: 'document' | 'history' | 'fragment' | 'bfcache-restore';
  url: string;
  time: number;
  /** `link`, `typed`, `reload` … as `webNavigation` reports it, for documents. */
  transitionType?: string;
  transitionQualifiers?: string[];
  documentId?: string;
  /**
   * Set when no `webNavigation` event announced this document, because the background started
   * after it committed (right after install, or a worker slow to wake): the page's own records
   * stand in for it, so their session is still found by URL.
   */
  isInferred?: true;
}

export interface SessionFrame {
  frameId: number;
  parentFrameId?: number;
  documentId?: string;
  url: string;
  /** When the hook in this frame reported it started. */
  hookStartedAt?: number;
}

export interface SessionPush extends RecordPlace {
  seq: number;
  time: number;
  pageUrl: string;
  dataLayerName: string;
  arrayIndex: number;
  origin: PushOrigin;
  push: TransportValue;
  threw?: string;
}

/** The hit as the page world saw it leave: transport, body, what the call returned. */
export interface PageRequestView {
  transport: RequestTransport;
  time: number;
  pageUrl: string;
  frameId: number;
  body?: string;
  bodyKind?: BodyKind;
  bodyLength?: number;
  bodyTruncated?: boolean;
  queued?: boolean;
  threw?: string;
}

/** The hit as the browser's network layer saw it (`webRequest`). */
export interface NetworkRequestView {
  requestId: string;
  /** `ping` (Chrome) or `beacon` (Firefox) for sendBeacon, `xmlhttprequest` for fetch/XHR, `image` … */
  type: string;
  time: number;
  frameId: number;
  documentId?: string;
  initiator?: string;
  body?: string;
  /** Why the browser gave no body, when it said so. */
  bodyError?: string;
  statusCode?: number;
  /** `net::ERR_BLOCKED_BY_CLIENT`, `net::ERR_FAILED` … */
  error?: string;
  fromCache?: boolean;
  completedAt?: number;
}

/** One decoded event of a hit: a GA4 batch line, a vendor beacon. */
export interface HitEventSummary {
  name: string | null;
  /** `G-…` for GA4, the pixel or Ads account for vendors. */
  account?: string;
}

export type HitSummary =
  | { kind: 'ga4'; protocol: string; events: HitEventSummary[] }
  | { kind: 'vendor'; vendor: string; events: HitEventSummary[] }
  | { kind: 'unrecognised' };

/**
 * `pending`: the page sent it and the network has not answered; `completed`: a status came
 * back; `failed`: blocked or failed in the network (see `network.error`); `not-sent`: the
 * browser refused it (`sendBeacon` returned false, or the call threw).
 */
export type HitState = 'pending' | 'completed' | 'failed' | 'not-sent';

export interface SessionHit extends RecordPlace {
  seq: number;
  time: number;
  url: string;
  method: string;
  state: HitState;
  /** Absent for hits the page world never saw: workers, other extensions, markup images. */
  page?: PageRequestView;
  /** Absent until `webRequest` reports it, and for hits the browser never sent. */
  network?: NetworkRequestView;
  summary: HitSummary;
}

export interface SessionNotice extends RecordPlace {
  seq: number;
  time: number;
  code: PageNoticeCode;
  pageUrl: string;
  dataLayerName?: string;
  detail?: string;
}

export interface TabSession {
  tabId: number;
  createdAt: number;
  /** The last sequence number given; every push, hit and notice has its own. */
  seq: number;
  navigations: SessionNavigation[];
  frames: SessionFrame[];
  pushes: SessionPush[];
  hits: SessionHit[];
  notices: SessionNotice[];
  /** Records dropped to keep the session within its bounds, oldest first. */
  dropped: { pushes: number; hits: number; notices: number; invalid: number };
  /**
   * The last message stored from each frame's relay (link id → sequence number), kept with
   * the records so a message sent again after a worker restart is applied once.
   */
  links?: Record<string, number>;
}
