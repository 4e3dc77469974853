import type { LineageNode, MatchReason } from './lineage-types.js';

/** How well two records of the same name fit together, and why. */
export interface CandidateScore {
  score: number;
  matchedBy: MatchReason[];
}

/**
 * Scores a pair of same-named records: equal transaction IDs and event IDs weigh most, then
 * the share of item IDs they have in common. Null when an ID that both carry differs, or both
 * carry items and none is shared: those are two different occurrences, however close in time.
 */
export function scoreCandidate(source: LineageNode, target: LineageNode): CandidateScore | null {
  const matchedBy: MatchReason[] = [];
  let score = 0;

  const transaction = compareIds(source.transactionId, target.transactionId);
  if (transaction === 'conflict') return null;
  if (transaction === 'equal') {
    score += 16;
    matchedBy.push('transaction_id');
  }

  const event = compareIds(source.eventId, target.eventId);
  if (event === 'conflict') return null;
  if (event === 'equal') {
    score += 8;
    matchedBy.push('event_id');
  }

  const overlap = itemOverlap(source.itemIds, target.itemIds);
  if (overlap === 0) return null;
  if (overlap !== undefined) {
    score += 4 * overlap;
    matchedBy.push('item_ids');
  }

  matchedBy.push('name_and_time');
  return { score, matchedBy };
}

function compareIds(
  left: string | undefined,
  right: string | undefined,
): 'equal' | 'conflict' | 'unknown' {
  if (left === undefined || right === undefined) return 'unknown';
  return left === right ? 'equal' : 'conflict';
}

/** Shared share of the two item ID lists (0 … 1); undefined when either has none. */
function itemOverlap(left: string[], right: string[]): number | undefined {
  if (left.length === 0 || right.length === 0) return undefined;
  const rightIds = new Set(right);
  const leftIds = new Set(left);
  let shared = 0;
  for (const id of leftIds) if (rightIds.has(id)) shared++;
  return shared / Math.max(leftIds.size, rightIds.size);
}
