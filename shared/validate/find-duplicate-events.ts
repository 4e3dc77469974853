import type { Layer } from '../events/event-types.js';
import { setEntry } from '../text/set-entry.js';
import { stableKey } from './stable-key.js';

/** What duplicate detection needs to know about each event, in arrival order. */
export interface DuplicateCandidate {
  name: string | null;
  layer: Layer;
  /** Properties after the layer mapping (so `ecommerce.transaction_id` counts). */
  properties: Record<string, unknown>;
  /** The plan's `uniqueBy` names for this event, if any. */
  uniqueBy: string[];
  dedupeKey?: string;
  /** The whole event as received, for "exactly identical" comparison. */
  fingerprint: () => string;
}

export interface Duplicate {
  index: number;
  firstIndex: number;
  reason: 'same-request' | 'unique-values';
  /** The `uniqueBy` values that repeat. */
  values?: Record<string, unknown>;
}

/**
 * Events that repeat an earlier one: the same request captured twice (equal `dedupeKey`
 * and identical content), or the same layer and name with equal values for every `uniqueBy`
 * parameter (a purchase sent twice with one `transaction_id`).
 */
export function findDuplicateEvents(candidates: DuplicateCandidate[]): Duplicate[] {
  const requests = new Map<string, Array<{ index: number; fingerprint: string }>>();
  const uniqueValues = new Map<string, number>();
  const duplicates: Duplicate[] = [];

  candidates.forEach((candidate, index) => {
    const sameRequest = findSameRequest(candidate, index, requests);
    if (sameRequest !== undefined) {
      duplicates.push({ index, firstIndex: sameRequest, reason: 'same-request' });
      return;
    }
    const values = uniqueByValues(candidate);
    if (!values) return;
    const key = `${candidate.layer}\u0000${candidate.name}\u0000${stableKey(values)}`;
    const firstIndex = uniqueValues.get(key);
    if (firstIndex === undefined) uniqueValues.set(key, index);
    else duplicates.push({ index, firstIndex, reason: 'unique-values', values });
  });
  return duplicates;
}

function findSameRequest(
  candidate: DuplicateCandidate,
  index: number,
  requests: Map<string, Array<{ index: number; fingerprint: string }>>,
): number | undefined {
  if (candidate.dedupeKey === undefined) return undefined;
  const fingerprint = candidate.fingerprint();
  const earlier = requests.get(candidate.dedupeKey) ?? [];
  const match = earlier.find((entry) => entry.fingerprint === fingerprint);
  if (match) return match.index;
  earlier.push({ index, fingerprint });
  requests.set(candidate.dedupeKey, earlier);
  return undefined;
}

function uniqueByValues(candidate: DuplicateCandidate): Record<string, unknown> | undefined {
  if (candidate.name === null || candidate.uniqueBy.length === 0) return undefined;
  const values: Record<string, unknown> = {};
  for (const name of candidate.uniqueBy) {
    if (!Object.hasOwn(candidate.properties, name)) return undefined;
    setEntry(values, name, candidate.properties[name]);
  }
  return values;
}
