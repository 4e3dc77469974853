/**
 * The background's message API, one entry per request type: what the caller sends and what
 * it gets back. The panel calls it with `runtime.sendMessage({ type, ...request })`, and
 * subscribes to live changes over a port named `SUBSCRIBE_PORT`.
 */
import type {
  TabSession,
  SessionHit,
  SessionNavigation,
  SessionNotice,
  SessionPush,
} from './session-types.js';

export interface BackgroundApi {
  /** The session of a tab; without `tabId`, the caller's own tab. Null when nothing was captured. */
  getSession: { request: { tabId?: number }; response: TabSession | null };
  /** Empties a tab's session (the tab keeps capturing). */
  clear: { request: { tabId: number }; response: { cleared: boolean } };
  /** The tabs that have a session, with their latest top-frame URL. */
  listSessions: {
    request: Record<string, never>;
    response: Array<{ tabId: number; url: string; pushes: number; hits: number }>;
  };
  /** Sets the extra dataLayer names every page's hook watches. */
  setDataLayerNames: { request: { names: string[] }; response: { names: string[] } };
}

export type BackgroundRequest = {
  [Type in keyof BackgroundApi]: { type: Type } & BackgroundApi[Type]['request'];
}[keyof BackgroundApi];

export type BackgroundResponse<Type extends keyof BackgroundApi> = BackgroundApi[Type]['response'];

/** Port name for live updates: send `{ type: 'subscribe', tabId }`, receive `SessionUpdate`s. */
export const SUBSCRIBE_PORT = 'tagwarden-subscribe';
/** Port name the relay uses to hand page records to the background. */
export const CAPTURE_PORT = 'tagwarden-capture';

export interface SubscribeRequest {
  type: 'subscribe';
  tabId: number;
}

/** What a subscriber receives: the whole session once, then each change as it happens. */
export type SessionUpdate =
  | { type: 'snapshot'; tabId: number; session: TabSession | null }
  | { type: 'push'; tabId: number; push: SessionPush }
  | { type: 'hit'; tabId: number; hit: SessionHit }
  | { type: 'navigation'; tabId: number; navigation: SessionNavigation }
  | { type: 'notice'; tabId: number; notice: SessionNotice }
  | { type: 'cleared'; tabId: number };

/**
 * What the relay sends over the capture port: a batch as the hook wrote it. The relay
 * forwards the JSON text unread, so the page's thread neither parses nor re-serialises it;
 * the background reads and checks it record by record (`readPageBatch`).
 */
export interface PageBatchMessage {
  type: 'page-batch';
  text: string;
}

/** Records already read, or an event the relay could not forward (`records: []`). */
export interface PageRecordsMessage {
  type: 'page-records';
  records: import('./page-record.js').PageRecord[];
  /** Entries the relay dropped as malformed. */
  rejected: number;
}

export type CaptureMessage = PageBatchMessage | PageRecordsMessage;

/** The relay's envelope: which link sent the message, and its place in that link's order. */
export interface LinkEnvelope {
  linkId: string;
  seq: number;
}

/** The background's answer on a capture port: every message of the link up to `seq` is stored. */
export interface CaptureAck {
  type: 'capture-ack';
  linkId: string;
  seq: number;
}

export function isCaptureAck(value: unknown): value is CaptureAck {
  const ack = value as Partial<CaptureAck> | null;
  return (
    ack?.type === 'capture-ack' &&
    typeof ack.linkId === 'string' &&
    typeof ack.seq === 'number' &&
    Number.isSafeInteger(ack.seq)
  );
}

/** Reads a message's envelope; undefined when it has none or a malformed one. */
export function readLinkEnvelope(message: unknown): LinkEnvelope | undefined {
  const { linkId, seq } = (message ?? {}) as Partial<LinkEnvelope>;
  if (typeof linkId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(linkId)) return undefined;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return undefined;
  return { linkId, seq };
}
