import type { TabSession } from '../common/session-types.js';
import { createTabSession } from './create-tab-session.js';
import { SESSION_LIMITS, trimSession, type SessionLimits } from './session-limits.js';
import {
  headKey,
  planSessionWrite,
  readStoredSessions,
  type StoredChunks,
} from './session-storage-layout.js';
import { forgetHitChanges, isHitChanged, markHitChanged } from './hit-changes.js';

// How long a write may run behind its first change before the next change forces it.
const LATE_WRITE_MS = 1_000;

/** The part of `storage.StorageArea` the store uses, so tests can pass a map. */
export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SessionStore {
  /** Runs `change` on the tab's session (created when missing), then persists it shortly after. */
  update<Result>(tabId: number, change: (session: TabSession) => Result): Promise<Result>;
  get(tabId: number): Promise<TabSession | undefined>;
  list(): Promise<TabSession[]>;
  /** Empties a tab's session; false when there was none. */
  clear(tabId: number): Promise<boolean>;
  remove(tabId: number): Promise<void>;
  /** Writes every changed session now. */
  flush(): Promise<void>;
  /** Settles once the tab's latest change has been written (at once when nothing waits). */
  persisted(tabId: number): Promise<void>;
}

export interface SessionStoreOptions {
  now?: () => number;
  /** Changes are written at most this often (ms), not once per record. */
  persistDelayMs?: number;
  /** How many records of each kind a tab's session keeps (`SESSION_LIMITS` by default). */
  limits?: Partial<SessionLimits>;
}

/**
 * Keeps every tab's session in memory and in a storage area (`storage.session` in the
 * background), so capture needs no open panel and a restarted service worker picks up where
 * the last one stopped: stored sessions are loaded before the first change is applied.
 * Changes are written once per window, `persistDelayMs` after the first unwritten one, and a
 * write carries the session's head and only the push chunks that grew (`planSessionWrite`).
 * Whoever waits on `persisted` hears once the write holding its change is done. When the area
 * is full, the session is trimmed to half its records and written again.
 */
export function createSessionStore(
  area: StorageAreaLike,
  options: SessionStoreOptions = {},
): SessionStore {
  const now = options.now ?? Date.now;
  const delay = options.persistDelayMs ?? 250;
  const limits: SessionLimits = { ...SESSION_LIMITS, ...options.limits };
  const sessions = new Map<number, TabSession>();
  const dirty = new Set<number>();
  // Who waits for a tab's next write: the relay's acknowledgements are sent only then.
  const waiters = new Map<number, Array<() => void>>();
  const writing = new Map<number, Promise<void>>();
  // What storage holds of each tab's pushes and hits, so a write carries only the chunks that
  // grew or hold a changed hit.
  const stored = new Map<number, StoredChunks>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstUnwrittenAt: number | undefined;
  let loading: Promise<void> | undefined;

  const load = (): Promise<void> => {
    loading ??= area
      .get(null)
      .then(async (items) => {
        const { sessions: found, staleKeys } = readStoredSessions(items);
        for (const [tabId, { session, stored: pushes }] of found) {
          if (sessions.has(tabId)) continue;
          sessions.set(tabId, session);
          if (pushes !== undefined) stored.set(tabId, pushes);
        }
        if (staleKeys.length > 0) await area.remove(staleKeys);
      })
      .catch(() => undefined);
    return loading;
  };

  const schedule = (tabId: number): void => {
    dirty.add(tabId);
    firstUnwrittenAt ??= now();
    // A flood of port messages can hold the timer back for seconds (seen with 4,000 pushes:
    // two writes in 4 s). Acknowledgements wait for the write, and the relay resends what
    // stays unacknowledged, which would only grow the flood: write anyway once it is late.
    if (timer !== undefined && now() - firstUnwrittenAt >= Math.max(LATE_WRITE_MS, delay * 4)) {
      void flush();
      return;
    }
    timer ??= setTimeout(() => void flush(), delay);
  };

  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstUnwrittenAt = undefined;
    const tabIds = [...dirty];
    dirty.clear();
    await Promise.all(
      tabIds.map((tabId) => {
        const written = write(tabId).finally(() => {
          if (writing.get(tabId) === written) writing.delete(tabId);
        });
        writing.set(tabId, written);
        return written;
      }),
    );
  };

  const write = async (tabId: number): Promise<void> => {
    const waiting = waiters.get(tabId) ?? [];
    waiters.delete(tabId);
    const session = sessions.get(tabId);
    try {
      if (session !== undefined) await writeSession(tabId, session);
    } catch {
      trimSession(session as TabSession, halfOf(session as TabSession), now());
      await writeSession(tabId, session as TabSession).catch(() => undefined);
    }
    // Settled even when the area refused the session twice: it is kept in memory, and a
    // sender waiting for storage that will not come would only send it again.
    for (const settle of waiting) settle();
  };

  const writeSession = async (tabId: number, session: TabSession): Promise<void> => {
    const {
      items,
      removals,
      stored: next,
      writtenHits,
    } = planSessionWrite(session, stored.get(tabId), isHitChanged);
    // Forgotten before the write, so a change made while it runs is written next time.
    forgetHitChanges(writtenHits);
    try {
      await area.set(items);
    } catch (error) {
      writtenHits.forEach(markHitChanged);
      throw error;
    }
    // A tab closed during the write: what was just written belongs to nothing.
    if (!sessions.has(tabId)) return area.remove(Object.keys(items)).catch(() => undefined);
    stored.set(tabId, next);
    if (removals.length > 0) await area.remove(removals).catch(() => undefined);
  };

  return {
    async update(tabId, change) {
      await load();
      let session = sessions.get(tabId);
      if (session === undefined) {
        session = createTabSession(tabId, now());
        sessions.set(tabId, session);
      }
      const result = change(session);
      trimSession(session, limits, now());
      schedule(tabId);
      return result;
    },
    async get(tabId) {
      await load();
      return sessions.get(tabId);
    },
    async list() {
      await load();
      return [...sessions.values()];
    },
    async clear(tabId) {
      await load();
      const previous = sessions.get(tabId);
      const cleared = createTabSession(tabId, now());
      // What the relays already delivered stays delivered: a late resend must not refill it.
      if (previous?.links !== undefined) cleared.links = previous.links;
      sessions.set(tabId, cleared);
      const existed = previous !== undefined;
      schedule(tabId);
      return existed;
    },
    async remove(tabId) {
      await load();
      sessions.delete(tabId);
      dirty.delete(tabId);
      for (const settle of waiters.get(tabId) ?? []) settle();
      waiters.delete(tabId);
      const keys = [headKey(tabId), ...(stored.get(tabId)?.keys ?? [])];
      stored.delete(tabId);
      await area.remove(keys).catch(() => undefined);
    },
    flush,
    persisted(tabId) {
      if (!dirty.has(tabId)) return writing.get(tabId) ?? Promise.resolve();
      return new Promise<void>((settle) => {
        const waiting = waiters.get(tabId) ?? [];
        waiting.push(settle);
        waiters.set(tabId, waiting);
      });
    },
  };
}

function halfOf(session: TabSession) {
  const half = (length: number) => Math.floor(length / 2);
  return {
    pushes: half(session.pushes.length),
    hits: half(session.hits.length),
    notices: half(session.notices.length),
    navigations: half(session.navigations.length) + 1,
    frames: session.frames.length,
  };
}
