import { setEntry } from '../text/set-entry.js';
import type { CollectField } from './collect-field-table.js';
import type { EventDraft } from './event-draft.js';
import { setTypedParam } from './set-event-param.js';

/**
 * Puts one decoded `/g/collect` pair where its key says it belongs: the field `field` names
 * (looked up by the caller in `COLLECT_FIELDS`), a key family, or `unknown`. A later pair with
 * the same key replaces an earlier one, which is how a body line overrides the shared URL
 * values. Item keys (`prN`) never come here: they are queued raw by the caller.
 */
export function applyCollectPair(
  draft: EventDraft,
  key: string,
  value: string,
  field: CollectField | undefined,
): void {
  if (field !== undefined) {
    field.apply(draft, value, key);
  } else if (!applyPrefixedPair(draft, key, value)) {
    setEntry(draft.event.unknown, key, value);
  }
}

/** Routes the key families; the prefix ends at the first dot (`ep.user_data.email`, §3.4). */
function applyPrefixedPair(draft: EventDraft, key: string, value: string): boolean {
  if (key.startsWith('ep.')) {
    setTypedParam(draft, key, value, 'params', 3, false);
  } else if (key.startsWith('epn.')) {
    setTypedParam(draft, key, value, 'params', 4, true);
  } else if (key.startsWith('up.')) {
    setTypedParam(draft, key, value, 'userProperties', 3, false);
  } else if (key.startsWith('upn.')) {
    setTypedParam(draft, key, value, 'userProperties', 4, true);
  } else if (key.startsWith('sst.')) {
    setEntry(draft.event.serverSide, key.slice(4), value);
  } else {
    return false;
  }
  return true;
}
