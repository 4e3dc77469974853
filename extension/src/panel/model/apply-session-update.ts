import type { SessionUpdate } from '../../common/background-api.js';
import type { TabSession } from '../../common/session-types.js';

/**
 * Applies one live update to the panel's copy of a session, in place, and returns the
 * session to show. Records are put in by sequence number (a hit comes again when the
 * network answers), so applying an update twice, or before the snapshot it is part of,
 * changes nothing.
 */
export function applySessionUpdate(
  session: TabSession | null,
  update: SessionUpdate,
  now: number,
): TabSession | null {
  if (update.type === 'snapshot') return update.session;
  if (update.type === 'cleared') return emptySession(update.tabId, now);
  const target = session ?? emptySession(update.tabId, now);
  switch (update.type) {
    case 'push':
      upsert(target.pushes, update.push, (entry) => entry.seq);
      target.seq = Math.max(target.seq, update.push.seq);
      break;
    case 'hit':
      upsert(target.hits, update.hit, (entry) => entry.seq);
      target.seq = Math.max(target.seq, update.hit.seq);
      break;
    case 'notice':
      upsert(target.notices, update.notice, (entry) => entry.seq);
      break;
    case 'navigation':
      upsert(target.navigations, update.navigation, (entry) => entry.id);
      break;
  }
  return target;
}

/** Replaces the entry with the same key, else inserts in key order (usually at the end). */
function upsert<Entry>(list: Entry[], entry: Entry, keyOf: (entry: Entry) => number): void {
  const key = keyOf(entry);
  for (let index = list.length - 1; index >= 0; index--) {
    const current = keyOf(list[index] as Entry);
    if (current === key) {
      list[index] = entry;
      return;
    }
    if (current < key) {
      list.splice(index + 1, 0, entry);
      return;
    }
  }
  list.unshift(entry);
}

function emptySession(tabId: number, now: number): TabSession {
  return {
    tabId,
    createdAt: now,
    seq: 0,
    navigations: [],
    frames: [],
    pushes: [],
    hits: [],
    notices: [],
    dropped: { pushes: 0, hits: 0, notices: 0, invalid: 0 },
  };
}
