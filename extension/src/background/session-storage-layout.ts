import type { TabSession } from '../common/session-types.js';

/** Pushes per stored chunk: a 2 KB push makes a chunk of about 130 KB. */
export const PUSH_CHUNK_SIZE = 64;

const KEY_PREFIX = 'tab:';

/**
 * What storage holds of one tab's pushes: for the session object written, how far (counted
 * from the session's first push ever, dropped ones included) each chunk was written.
 */
export interface StoredPushes {
  session: TabSession;
  keys: Set<string>;
  ends: Map<number, number>;
}

/** One write: the items to set together, then the keys no longer referenced. */
export interface SessionWrite {
  items: Record<string, string>;
  removals: string[];
  stored: StoredPushes;
}

/** Where the head of a session stores the range of its pushes. */
interface PushRange {
  createdAt: number;
  size: number;
  start: number;
  end: number;
}

/**
 * The items that bring storage from `stored` to `session`. A session is stored as its head
 * (everything but the pushes, as JSON text under `tab:<id>`) and its pushes in chunks of
 * `PUSH_CHUNK_SIZE`, numbered from the session's first push ever, so the ring buffer's drops
 * never renumber them. Pushes are never changed once appended, so a chunk written to its end
 * is not written again: a write carries the head and the chunks that grew, not the whole
 * session (a 3,000-push session of 2 KB pushes is 6.5 MB of text, 30–58 ms to serialise).
 * Everything is written as JSON text: a storage area converts an object node by node, in the
 * worker and again in the browser, and during a flood of 2 KB pushes the worker spent 0.86 ms
 * a push writing objects against 0.27 ms writing text (bench/extension-overhead.bench.ts).
 */
export function planSessionWrite(session: TabSession, stored?: StoredPushes): SessionWrite {
  const start = session.dropped.pushes;
  const end = start + session.pushes.length;
  const isSameSession = stored?.session === session;
  const next: StoredPushes = { session, keys: new Set(), ends: new Map() };
  const range: PushRange = { createdAt: session.createdAt, size: PUSH_CHUNK_SIZE, start, end };
  const items: Record<string, string> = {
    [headKey(session.tabId)]: JSON.stringify({ ...session, pushes: [], pushRange: range }),
  };
  for (let index = firstChunk(start); index <= lastChunk(end); index += 1) {
    const key = chunkKey(session.tabId, session.createdAt, index);
    const from = Math.max(start, index * PUSH_CHUNK_SIZE);
    const to = Math.min(end, (index + 1) * PUSH_CHUNK_SIZE);
    const written = isSameSession ? (stored.ends.get(index) ?? -1) : -1;
    next.keys.add(key);
    next.ends.set(index, Math.max(written, to));
    if (written >= to) continue;
    const pushes = session.pushes.slice(from - start, to - start);
    items[key] = JSON.stringify({ from, pushes });
  }
  const removals = [...(stored?.keys ?? [])].filter((key) => !next.keys.has(key));
  return { items, removals, stored: next };
}

/** The storage key of a tab's session head. */
export function headKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

function chunkKey(tabId: number, createdAt: number, index: number): string {
  return `${KEY_PREFIX}${tabId}:pushes:${createdAt}:${index}`;
}

function firstChunk(start: number): number {
  return Math.floor(start / PUSH_CHUNK_SIZE);
}

/** The last chunk holding a push before `end`; below the first chunk when there is none. */
function lastChunk(end: number): number {
  return Math.floor((end - 1) / PUSH_CHUNK_SIZE);
}

/** Sessions read back from a storage area's items, and the keys nothing refers to any more. */
export interface StoredSessions {
  sessions: Map<number, { session: TabSession; stored?: StoredPushes }>;
  staleKeys: string[];
}

/**
 * Reads every tab's session from a storage area's items: a head with its push chunks, or a
 * whole session as an earlier version wrote it (JSON text or an object). A session whose
 * chunks are missing or malformed keeps the pushes that could be read, and is written whole
 * at its next change. Chunks no head refers to are stale.
 */
export function readStoredSessions(items: Record<string, unknown>): StoredSessions {
  const sessions: StoredSessions['sessions'] = new Map();
  const referenced = new Set<string>();
  for (const [key, value] of Object.entries(items)) {
    const tabId = Number(key.slice(KEY_PREFIX.length));
    if (!key.startsWith(KEY_PREFIX) || !Number.isInteger(tabId)) continue;
    const head = readStoredSession(value);
    if (head === undefined) continue;
    const range = readPushRange(head);
    delete (head as { pushRange?: unknown }).pushRange;
    if (range === undefined) {
      sessions.set(tabId, { session: head });
      continue;
    }
    const stored = joinPushes(head, range, items);
    for (const chunk of stored?.keys ?? []) referenced.add(chunk);
    sessions.set(tabId, stored === undefined ? { session: head } : { session: head, stored });
  }
  const staleKeys = Object.keys(items).filter(
    (key) => key.startsWith(KEY_PREFIX) && key.includes(':pushes:') && !referenced.has(key),
  );
  return { sessions, staleKeys };
}

/** Puts the chunks' pushes back into the head; what storage holds, or undefined if incomplete. */
function joinPushes(
  head: TabSession,
  range: PushRange,
  items: Record<string, unknown>,
): StoredPushes | undefined {
  const stored: StoredPushes = { session: head, keys: new Set(), ends: new Map() };
  const pushes: TabSession['pushes'] = [];
  for (let index = firstChunk(range.start); index <= lastChunk(range.end); index += 1) {
    const key = chunkKey(head.tabId, range.createdAt, index);
    const chunk = readChunk(items[key]);
    if (chunk === undefined) continue;
    const skip = Math.max(0, range.start - chunk.from);
    pushes.push(...chunk.pushes.slice(skip, range.end - chunk.from));
    stored.keys.add(key);
    stored.ends.set(index, chunk.from + chunk.pushes.length);
  }
  head.pushes = pushes;
  return pushes.length === range.end - range.start ? stored : undefined;
}

function readChunk(value: unknown): { from: number; pushes: TabSession['pushes'] } | undefined {
  const chunk = parseText(value) as { from?: unknown; pushes?: unknown } | undefined;
  if (!Number.isInteger(chunk?.from) || !Array.isArray(chunk?.pushes)) return undefined;
  return chunk as { from: number; pushes: TabSession['pushes'] };
}

function readPushRange(head: TabSession): PushRange | undefined {
  const range = (head as { pushRange?: Partial<PushRange> }).pushRange;
  const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
  if (range?.size !== PUSH_CHUNK_SIZE || typeof range.createdAt !== 'number') return undefined;
  if (!isCount(range.start) || !isCount(range.end) || (range.end ?? 0) < (range.start ?? 0))
    return undefined;
  return range as PushRange;
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
