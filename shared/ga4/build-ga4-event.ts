import type { Ga4Event } from '../events/event-types.js';
import type { QueryPair } from '../text/parse-query.js';
import { setEntry } from '../text/set-entry.js';
import { addWarning } from './add-warning.js';
import { applyCollectPair } from './apply-collect-pair.js';
import { COLLECT_FIELD_COUNT, COLLECT_FIELDS, type CollectField } from './collect-field-table.js';
import { decodeConsentSignals } from './decode-consent-signals.js';
import { decodeItem } from './decode-item.js';
import { createEventDraft, type EventDraft } from './event-draft.js';

/**
 * Builds one event from the pairs shared by the whole request (the URL) and the pairs of
 * its own body line, line values winning (protocol notes §2, merge rule). Pass no line pairs for
 * a request whose URL is the event.
 */
export function buildGa4Event(
  sharedPairs: QueryPair[],
  linePairs: QueryPair[],
  endpoint: string,
  lineIndex: number,
): Ga4Event {
  const draft = createEventDraft(endpoint, lineIndex);
  applyPairs(draft, sharedPairs);
  applyPairs(draft, linePairs);
  finishEvent(draft);
  return draft.event;
}

/** Keys one source has sent so far: known fields by number, other keys by name. */
interface SeenKeys {
  fields: Uint8Array;
  others: Record<string, true>;
}

/** Applies one source (the URL, or one line), noticing keys it sends twice. */
function applyPairs(draft: EventDraft, pairs: QueryPair[]): void {
  if (pairs.length === 0) {
    return;
  }
  const seen: SeenKeys = {
    fields: new Uint8Array(COLLECT_FIELD_COUNT),
    others: Object.create(null) as Record<string, true>,
  };
  for (const pair of pairs) {
    const field = COLLECT_FIELDS.get(pair.key);
    if (markSeen(seen, pair.key, field)) {
      const message = `${pair.key} is sent twice in one query or line; the last value won`;
      addWarning(draft.event.warnings, 'duplicate_key', message, pair.key);
    }
    // Known keys are stored under the table's copy of the key, which is cheaper to use.
    setEntry(draft.event.raw, field?.key ?? pair.key, pair.rawValue);
    applyCollectPair(draft, pair, field);
  }
}

/** Records the key; true when it was already there. */
function markSeen(seen: SeenKeys, key: string, field: CollectField | undefined): boolean {
  if (field === undefined) {
    const isRepeated = seen.others[key] === true;
    seen.others[key] = true;
    return isRepeated;
  }
  const isRepeated = seen.fields[field.id] === 1;
  seen.fields[field.id] = 1;
  return isRepeated;
}

function finishEvent(draft: EventDraft): void {
  const event = draft.event;
  const pendingItems = draft.pendingItems.sort((left, right) => left.number - right.number);
  event.items = pendingItems.map((item) => decodeItem(item.rawValue, item.key, event.warnings));
  decodeConsentSignals(event.consent, event.warnings);
  if (event.name === null) {
    addWarning(event.warnings, 'missing_event_name', 'the request carries no event name (en)');
  }
}
