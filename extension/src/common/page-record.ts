/**
 * What the page-world hook reports, one record per observation. Records cross three
 * boundaries as JSON (page world → relay → background), so every value is JSON-safe: pushed
 * values are in the core's transport form (`shared/datalayer/serialise-value.ts`).
 */
import type { TransportValue } from '../../../shared/datalayer/replay-types.js';

/** Fields every record carries: its order in the document, when and where it was seen. */
export interface PageRecordBase {
  /** 1, 2, 3 … in the order the hook saw things in this document. */
  seq: number;
  /** Milliseconds since the epoch, read when the page did the thing. */
  time: number;
  /** `location.href` at that moment, so SPA route changes attribute correctly. */
  pageUrl: string;
}

/** `live`: seen as the page pushed it; `preexisting`: found in the array when the hook met it. */
export type PushOrigin = 'live' | 'preexisting';

export interface PagePushRecord extends PageRecordBase {
  kind: 'push';
  dataLayerName: string;
  /** 1 for the first array seen under this name, 2 after the page assigned a new one … */
  arrayIndex: number;
  origin: PushOrigin;
  push: TransportValue;
  /** The page's own push threw this (a frozen array, a broken replacement): GTM never saw it. */
  threw?: string;
}

export type RequestTransport = 'fetch' | 'xhr' | 'beacon' | 'image';

/** How the body was handed over; only `text` and `form` are the exact bytes sent. */
export type BodyKind = 'text' | 'form' | 'binary' | 'blob' | 'form-data' | 'stream' | 'other';

export interface PageRequestRecord extends PageRecordBase {
  kind: 'request';
  transport: RequestTransport;
  method: string;
  /** Absolute URL, resolved against the document as the browser resolves it. */
  url: string;
  body?: string;
  bodyKind?: BodyKind;
  /** Characters (text) or bytes (binary, blob) of the whole body, when known. */
  bodyLength?: number;
  /** True when `body` holds only the first part of a longer body. */
  bodyTruncated?: boolean;
  /** `sendBeacon`'s answer: false when the browser refused to queue the beacon. */
  queued?: boolean;
  /** The page's call threw this synchronously (an invalid URL, a wrong `this`). */
  threw?: string;
}

export type PageNoticeCode =
  | 'hook-started'
  | 'bfcache-restored'
  | 'data-layer-found'
  | 'data-layer-unhookable'
  | 'records-dropped';

/** Things about the capture itself: a new document, a layer found or one that cannot be hooked. */
export interface PageNoticeRecord extends PageRecordBase {
  kind: 'notice';
  code: PageNoticeCode;
  dataLayerName?: string;
  detail?: string;
}

export type PageRecord = PagePushRecord | PageRequestRecord | PageNoticeRecord;

/** The message the hook sends: every record gathered since the last one. */
export interface PageBatch {
  records: PageRecord[];
}

/** What the relay hands to the hook: the user's extra dataLayer names. */
export interface PageConfig {
  dataLayerNames: string[];
}
