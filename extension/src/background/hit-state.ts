import type { HitState, SessionHit } from '../common/session-types.js';

/** What became of a hit, from what its two views say (see `HitState`). */
export function hitState(hit: Pick<SessionHit, 'page' | 'network'>): HitState {
  const { page, network } = hit;
  if (network?.error !== undefined) return 'failed';
  if (network?.statusCode !== undefined) return 'completed';
  if (page?.threw !== undefined || page?.queued === false) return 'not-sent';
  return 'pending';
}
