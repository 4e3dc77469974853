import {
  readLinkEnvelope,
  type CaptureAck,
  type LinkEnvelope,
  type SessionUpdate,
} from '../common/background-api.js';
import { readPageBatch, readPageRecord } from '../common/read-page-batch.js';
import type { PageRecord } from '../common/page-record.js';
import type { NetworkRequestView, SessionNavigation, TabSession } from '../common/session-types.js';
import {
  applyNetworkOutcome,
  applyNetworkStart,
  type NetworkStart,
} from './apply-network-events.js';
import { applyPageRecords } from './apply-page-records.js';
import { markHitChanged } from './hit-changes.js';
import type { SessionStore } from './create-session-store.js';
import type { Subscriptions } from './create-subscriptions.js';
import { recordNavigation, type NavigationEvent } from './record-navigation.js';

/** Who sent a capture message, as the browser reports the port's sender. */
export interface CaptureSender {
  tabId?: number;
  frameId?: number;
  documentId?: string;
  url?: string;
}

export interface CaptureService {
  /**
   * Applies a relay's message once, however often it arrives, and answers with the
   * acknowledgement to send back once the records are in storage (none for a message
   * without a link envelope).
   */
  onPageRecords(message: unknown, sender: CaptureSender): Promise<CaptureAck | undefined>;
  onRequestStart(tabId: number, start: NetworkStart): Promise<void>;
  onRequestOutcome(
    tabId: number,
    requestId: string,
    outcome: Pick<NetworkRequestView, 'statusCode' | 'error' | 'fromCache' | 'completedAt'>,
  ): Promise<void>;
  onNavigation(event: NavigationEvent): Promise<void>;
}

/**
 * Everything the background hears, applied to the tab's session and published to the
 * panels subscribed to that tab. Page records are read and checked here, off the page's
 * thread: the relay forwards the hook's batch text unread, and the background trusts no
 * message for its shape.
 */
export function createCaptureService(
  store: SessionStore,
  subscriptions: Subscriptions,
): CaptureService {
  return {
    async onPageRecords(message, sender) {
      const { tabId, frameId } = sender;
      if (tabId === undefined || tabId < 0 || frameId === undefined) return undefined;
      const { records, rejected } = readCaptureMessage(message);
      const envelope = readLinkEnvelope(message);
      const place = {
        frameId,
        url: sender.url ?? '',
        ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
      };
      const updates = await store.update(tabId, (session) => {
        if (envelope !== undefined && !takeLinkTurn(session, envelope)) return [];
        session.dropped.invalid += rejected;
        return markChangedHits(applyPageRecords(session, records, place));
      });
      subscriptions.publish(updates);
      if (envelope === undefined) return undefined;
      await store.persisted(tabId);
      return { type: 'capture-ack', ...envelope };
    },
    async onRequestStart(tabId, start) {
      const update = await store.update(tabId, (session) =>
        markChangedHit(applyNetworkStart(session, start)),
      );
      if (update !== undefined) subscriptions.publish([update]);
    },
    async onRequestOutcome(tabId, requestId, outcome) {
      const update = await store.update(tabId, (session) =>
        markChangedHit(applyNetworkOutcome(session, requestId, outcome)),
      );
      if (update !== undefined) subscriptions.publish([update]);
    },
    async onNavigation(event) {
      const navigation: SessionNavigation | undefined = await store.update(event.tabId, (session) =>
        recordNavigation(session, event),
      );
      if (navigation !== undefined)
        subscriptions.publish([{ type: 'navigation', tabId: event.tabId, navigation }]);
    },
  };
}

/** How many relays' positions a session remembers; the oldest is forgotten first. */
const MAX_LINKS = 200;

/** True when the message is new for its link, which then moves on to it. */
function takeLinkTurn(session: TabSession, envelope: LinkEnvelope): boolean {
  const links = (session.links ??= {});
  if (Object.hasOwn(links, envelope.linkId) && (links[envelope.linkId] ?? 0) >= envelope.seq)
    return false;
  // Deleting first moves the link to the end of the insertion order, so trimming keeps the
  // links heard from lately.
  delete links[envelope.linkId];
  links[envelope.linkId] = envelope.seq;
  const names = Object.keys(links);
  for (const name of names.slice(0, Math.max(0, names.length - MAX_LINKS))) delete links[name];
  return true;
}

function readCaptureMessage(message: unknown): { records: PageRecord[]; rejected: number } {
  const { type, text, records, rejected } = (message ?? {}) as Record<string, unknown>;
  if (type === 'page-batch') return readPageBatch(text);
  if (type !== 'page-records' || !Array.isArray(records)) return { records: [], rejected: 1 };
  const valid: PageRecord[] = [];
  for (const entry of records) {
    const record = readPageRecord(entry);
    if (record !== undefined) valid.push(record);
  }
  const relayRejected = typeof rejected === 'number' && rejected > 0 ? rejected : 0;
  return { records: valid, rejected: relayRejected + records.length - valid.length };
}

/**
 * Marks every hit an update names, within the change itself, so the session's next write
 * carries it even when that write starts at once: a hit that was joined, answered or given
 * its body may sit in a chunk already stored. A new hit is marked too, harmlessly: its chunk
 * is written anyway.
 */
function markChangedHits(updates: SessionUpdate[]): SessionUpdate[] {
  updates.forEach(markChangedHit);
  return updates;
}

function markChangedHit<Update extends SessionUpdate | undefined>(update: Update): Update {
  if (update?.type === 'hit') markHitChanged(update.hit);
  return update;
}
