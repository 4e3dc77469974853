import type { TabSession } from '../common/session-types.js';

/** An empty session for a tab. */
export function createTabSession(tabId: number, now: number): TabSession {
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
