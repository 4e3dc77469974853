import type { SessionHit, TabSession } from '../common/session-types.js';
import {
  isChunkKey,
  joinChunks,
  planChunks,
  readRecordRange,
  type RecordRange,
  type StoredChunks,
} from './stored-record-chunks.js';

export type { StoredChunks } from './stored-record-chunks.js';

const KEY_PREFIX = 'tab:';

/** One write: the items to set together, then the keys no longer referenced. */
export interface SessionWrite {
  items: Record<string, string>;
  removals: string[];
  stored: StoredChunks;
  /** The hits this write carries, changed ones included. */
  writtenHits: SessionHit[];
}

/** What a head holds besides the session: where its chunked records are. */
interface HeadRanges {
  pushRange?: Partial<RecordRange>;
  hitRange?: Partial<RecordRange>;
}

/**
 * The items that bring storage from `stored` to `session`. A session is stored as its head
 * (everything but its pushes and hits, as JSON text under `tab:<id>`) and its pushes and hits
 * in chunks (`planChunks`). A chunk written to its end is written again only when one of its
 * hits changed since (`isChangedHit`): a write carries the head, the chunks that grew and
 * those with a changed hit, not the whole session (a 3,000-push session of 2 KB pushes is
 * 6.5 MB of text, 30–58 ms to serialise, and 3,000 GA4 hits with their bodies several MB
 * more, which the head used to carry on every write).
 * Everything is written as JSON text: a storage area converts an object node by node, in the
 * worker and again in the browser, and during a flood of 2 KB pushes the worker spent 0.86 ms
 * a push writing objects against 0.27 ms writing text (bench/extension-overhead.bench.ts).
 */
export function planSessionWrite(
  session: TabSession,
  stored?: StoredChunks,
  isChangedHit?: (hit: SessionHit) => boolean,
): SessionWrite {
  const next: StoredChunks = { session, keys: new Set(), ends: new Map() };
  const chunks: Record<string, string> = {};
  const pushes = planChunks('pushes', session, stored, next, chunks);
  const hits = planChunks('hits', session, stored, next, chunks, isChangedHit);
  const head = { ...session, pushes: [], hits: [], pushRange: pushes.range, hitRange: hits.range };
  const items = { [headKey(session.tabId)]: JSON.stringify(head), ...chunks };
  const removals = [...(stored?.keys ?? [])].filter((key) => !next.keys.has(key));
  return { items, removals, stored: next, writtenHits: hits.written };
}

/** The storage key of a tab's session head. */
export function headKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

/** Sessions read back from a storage area's items, and the keys nothing refers to any more. */
export interface StoredSessions {
  sessions: Map<number, { session: TabSession; stored?: StoredChunks }>;
  staleKeys: string[];
}

/**
 * Reads every tab's session from a storage area's items: a head with its chunks, a head with
 * its hits inline and only its pushes in chunks, or a whole session, as earlier versions wrote
 * them (JSON text or an object). A session whose chunks are missing or malformed keeps the
 * records that could be read, and is written whole at its next change. Chunks no head refers
 * to are stale.
 */
export function readStoredSessions(items: Record<string, unknown>): StoredSessions {
  const sessions: StoredSessions['sessions'] = new Map();
  const referenced = new Set<string>();
  for (const [key, value] of Object.entries(items)) {
    const tabId = Number(key.slice(KEY_PREFIX.length));
    if (!key.startsWith(KEY_PREFIX) || !Number.isInteger(tabId)) continue;
    const head = readStoredSession(value);
    if (head === undefined) continue;
    const stored = joinHead(head, items);
    for (const chunk of stored?.keys ?? []) referenced.add(chunk);
    sessions.set(tabId, stored === undefined ? { session: head } : { session: head, stored });
  }
  const staleKeys = Object.keys(items).filter(
    (key) => key.startsWith(KEY_PREFIX) && isChunkKey(key) && !referenced.has(key),
  );
  return { sessions, staleKeys };
}

/**
 * Puts a head's chunked records back; what storage holds, or undefined when a chunk is
 * missing or malformed, or the head is a whole session (both mean: write it whole next time).
 * A head without a hit range holds its hits inline, as an earlier version wrote them.
 */
function joinHead(head: TabSession, items: Record<string, unknown>): StoredChunks | undefined {
  const ranges = head as TabSession & HeadRanges;
  const pushRange = readRecordRange(ranges.pushRange);
  const hitRange = readRecordRange(ranges.hitRange);
  delete ranges.pushRange;
  delete ranges.hitRange;
  if (pushRange === undefined) return undefined;
  const stored: StoredChunks = { session: head, keys: new Set(), ends: new Map() };
  const hasPushes = joinChunks('pushes', head, pushRange, items, stored);
  const hasHits = hitRange === undefined || joinChunks('hits', head, hitRange, items, stored);
  return hasPushes && hasHits ? stored : undefined;
}

/** A stored session, from its text (or from an object, as an earlier version wrote it). */
function readStoredSession(value: unknown): TabSession | undefined {
  const session = parseText(value);
  return isSession(session) ? session : undefined;
}

function parseText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isSession(value: unknown): value is TabSession {
  const session = value as Partial<TabSession> | null | undefined;
  return (
    typeof session?.tabId === 'number' &&
    Array.isArray(session.pushes) &&
    Array.isArray(session.hits)
  );
}
