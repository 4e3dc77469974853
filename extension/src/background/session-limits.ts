import type { TabSession } from '../common/session-types.js';

/**
 * Bounds on one tab's session, so a long QA walk or a chatty page cannot exhaust
 * `storage.session` (10 MB per extension in Chrome); Pixel Auditor caps at 1,000 of each
 * (extension landscape §1.1). The oldest records go first and are counted in `dropped`.
 */
export const SESSION_LIMITS = Object.freeze({
  pushes: 3_000,
  hits: 3_000,
  notices: 500,
  navigations: 500,
  frames: 200,
});

/** Drops the oldest records past the limits, counting them. */
export function trimSession(
  session: TabSession,
  limits: Record<keyof typeof SESSION_LIMITS, number> = SESSION_LIMITS,
): void {
  session.dropped.pushes += dropOldest(session.pushes, limits.pushes);
  session.dropped.hits += dropOldest(session.hits, limits.hits);
  session.dropped.notices += dropOldest(session.notices, limits.notices);
  dropOldest(session.navigations, limits.navigations);
  dropOldest(session.frames, limits.frames);
}

function dropOldest(list: unknown[], limit: number): number {
  const excess = list.length - limit;
  if (excess <= 0) return 0;
  list.splice(0, excess);
  return excess;
}
