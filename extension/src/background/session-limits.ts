import type { TabSession } from '../common/session-types.js';

/** How many records of each kind one tab's session keeps before the oldest go. */
export type SessionLimits = Record<keyof typeof SESSION_LIMITS, number>;

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

/**
 * Drops the oldest records past the limits, a ring buffer per kind, counting them in
 * `dropped`. The first time pushes or hits are dropped since the session started, a
 * `records-dropped` notice says so, so a panel shows why the early records are gone; later
 * drops only raise the counts, and a page flooding the session cannot flood the notices.
 */
export function trimSession(
  session: TabSession,
  limits: SessionLimits = SESSION_LIMITS,
  now: number = Date.now(),
): void {
  const hadDropped = session.dropped.pushes + session.dropped.hits > 0;
  session.dropped.pushes += dropOldest(session.pushes, limits.pushes);
  session.dropped.hits += dropOldest(session.hits, limits.hits);
  if (!hadDropped && session.dropped.pushes + session.dropped.hits > 0)
    noteFirstDrop(session, limits, now);
  session.dropped.notices += dropOldest(session.notices, limits.notices);
  dropOldest(session.navigations, limits.navigations);
  dropOldest(session.frames, limits.frames);
}

function noteFirstDrop(session: TabSession, limits: SessionLimits, now: number): void {
  const navigation = session.navigations.at(-1);
  session.seq += 1;
  session.notices.push({
    seq: session.seq,
    time: now,
    code: 'records-dropped',
    frameId: 0,
    navigationId: navigation?.id ?? 0,
    pageUrl: navigation?.url ?? '',
    detail:
      `The session keeps the latest ${limits.pushes} pushes and ${limits.hits} hits; ` +
      'older ones are dropped from here on and counted in the session.',
  });
}

function dropOldest(list: unknown[], limit: number): number {
  const excess = list.length - limit;
  if (excess <= 0) return 0;
  list.splice(0, excess);
  return excess;
}
