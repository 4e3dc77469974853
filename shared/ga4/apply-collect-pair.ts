import type { QueryPair } from '../text/parse-query.js';
import { setEntry } from '../text/set-entry.js';
import { addWarning } from './add-warning.js';
import type { CollectField } from './collect-field-table.js';
import type { EventDraft } from './event-draft.js';
import { setTypedParam } from './set-event-param.js';

/**
 * Puts one `/g/collect` pair where its key says it belongs: the field `field` names (looked
 * up by the caller in `COLLECT_FIELDS`), a key family, or `unknown`. A later pair with the
 * same key replaces an earlier one, which is how a body line overrides the shared URL values.
 */
export function applyCollectPair(
  draft: EventDraft,
  pair: QueryPair,
  field: CollectField | undefined,
): void {
  if (isItemKey(pair.key)) {
    // Item strings are split before they are decoded, token by token (§5).
    queueItem(draft, pair);
    return;
  }
  if (pair.isMalformed) {
    const message = `${pair.key} holds an invalid percent-escape, kept as written`;
    addWarning(draft.event.warnings, 'malformed_escape', message, pair.key);
  }

  if (field !== undefined) {
    field.apply(draft, pair);
  } else if (!applyPrefixedPair(draft, pair)) {
    setEntry(draft.event.unknown, pair.key, pair.value);
  }
}

/** Routes the key families; the prefix ends at the first dot (`ep.user_data.email`, §3.4). */
function applyPrefixedPair(draft: EventDraft, pair: QueryPair): boolean {
  const key = pair.key;
  if (key.startsWith('ep.')) {
    setTypedParam(draft, pair, 'params', 3, false);
  } else if (key.startsWith('epn.')) {
    setTypedParam(draft, pair, 'params', 4, true);
  } else if (key.startsWith('up.')) {
    setTypedParam(draft, pair, 'userProperties', 3, false);
  } else if (key.startsWith('upn.')) {
    setTypedParam(draft, pair, 'userProperties', 4, true);
  } else if (key.startsWith('sst.')) {
    setEntry(draft.event.serverSide, key.slice(4), pair.value);
  } else {
    return false;
  }
  return true;
}

/** `pr` followed by digits only: `pr1` … `pr200`. */
function isItemKey(key: string): boolean {
  if (key.length < 3 || key.charCodeAt(0) !== 112 || key.charCodeAt(1) !== 114) {
    return false;
  }
  for (let index = 2; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code < 48 || code > 57) {
      return false;
    }
  }
  return true;
}

/** Items are decoded once all pairs are in, so a body line's `pr1` can replace the URL's. */
function queueItem(draft: EventDraft, pair: QueryPair): void {
  const number = Number(pair.key.slice(2));
  const pending = { number, key: pair.key, rawValue: pair.rawValue };
  const sameNumberAt = draft.pendingItems.findIndex((item) => item.number === number);
  if (sameNumberAt === -1) {
    draft.pendingItems.push(pending);
  } else {
    draft.pendingItems[sameNumberAt] = pending;
  }
}
