import type { TabSession } from '../common/session-types.js';
import { createTabSession } from './create-tab-session.js';
import { SESSION_LIMITS, trimSession, type SessionLimits } from './session-limits.js';

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

const KEY_PREFIX = 'tab:';

/**
 * Keeps every tab's session in memory and in a storage area (`storage.session` in the
 * background), so capture needs no open panel and a restarted service worker picks up where
 * the last one stopped: stored sessions are loaded before the first change is applied. When
 * the area is full, the session is trimmed to half its records and written again.
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loading: Promise<void> | undefined;

  const load = (): Promise<void> => {
    loading ??= area
      .get(null)
      .then((items) => {
        for (const [key, value] of Object.entries(items)) {
          const tabId = Number(key.slice(KEY_PREFIX.length));
          const session = readStoredSession(value);
          if (key.startsWith(KEY_PREFIX) && session !== undefined && !sessions.has(tabId))
            sessions.set(tabId, session);
        }
      })
      .catch(() => undefined);
    return loading;
  };

  const schedule = (tabId: number): void => {
    dirty.add(tabId);
    timer ??= setTimeout(() => void flush(), delay);
  };

  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
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
      if (session !== undefined) await area.set({ [KEY_PREFIX + tabId]: storedText(session) });
    } catch {
      trimSession(session as TabSession, halfOf(session as TabSession), now());
      await area
        .set({ [KEY_PREFIX + tabId]: storedText(session as TabSession) })
        .catch(() => undefined);
    }
    // Settled even when the area refused the session twice: it is kept in memory, and a
    // sender waiting for storage that will not come would only send it again.
    for (const settle of waiting) settle();
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
      await area.remove(KEY_PREFIX + tabId).catch(() => undefined);
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

/**
 * A session as it is written: its JSON text. The whole session is written again after every
 * change, and a storage area converts an object value node by node, in the worker and again
 * in the browser; one string is one copy. During a flood of 2 KB pushes (a 3,000-push session,
 * about 7 MB) the worker spent 0.86 ms per push writing objects and 0.27 ms writing text
 * (profiled under bench/extension-overhead.bench.ts's pushes).
 */
function storedText(session: TabSession): string {
  return JSON.stringify(session);
}

/** A stored session, from its text (or from an object, as an earlier version wrote it). */
function readStoredSession(value: unknown): TabSession | undefined {
  let session = value;
  if (typeof value === 'string') {
    try {
      session = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return isSession(session) ? session : undefined;
}

function isSession(value: unknown): value is TabSession {
  const session = value as Partial<TabSession> | null;
  return (
    typeof session?.tabId === 'number' &&
    Array.isArray(session.pushes) &&
    Array.isArray(session.hits)
  );
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
