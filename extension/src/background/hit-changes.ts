import type { SessionHit } from '../common/session-types.js';

// Hits already stored that changed since: a network answer, a joined page or network view, a
// body. The session store writes their chunks again (`planSessionWrite`). Kept beside the
// hits, not in them, so nothing of it reaches storage or the panel.
const changed = new WeakSet<SessionHit>();

/** Notes that a hit changed after it was added, so its next write carries the change. */
export function markHitChanged(hit: SessionHit): void {
  changed.add(hit);
}

export function isHitChanged(hit: SessionHit): boolean {
  return changed.has(hit);
}

/** Forgets the changes a write is about to carry. */
export function forgetHitChanges(hits: readonly SessionHit[]): void {
  for (const hit of hits) changed.delete(hit);
}
