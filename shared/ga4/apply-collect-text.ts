import { QueryScanner } from '../text/query-scanner.js';
import { addWarning } from './add-warning.js';
import { applyCollectPair } from './apply-collect-pair.js';
import { COLLECT_FIELD_COUNT, COLLECT_FIELDS, type CollectField } from './collect-field-table.js';
import type { EventDraft } from './event-draft.js';
import { findCollectField } from './find-collect-field.js';

/**
 * The source (a URL query or a body line) that last sent each known field, by number. One
 * table for all sources, told apart by a counter, instead of a fresh table per source: the
 * allocations showed up in profiles of the bundled captures. Decoding never re-enters itself,
 * so one table is enough.
 */
const fieldSentBy = new Uint32Array(COLLECT_FIELD_COUNT);
let lastSource = 0;

/**
 * The last escaped value each known field sent, as written and decoded, by number. The hits of
 * a page repeat its `dl`, `dt`, `dr` and the browser's `uafvl`, escapes and all; a repeat now
 * costs one comparison instead of a decoding. Only the last value of each field is kept, so
 * the memory is bounded by the table's size, and a stream of new values gains nothing. With
 * the brand list (collect-field-setters.ts) and items (decode-repeated-item.ts) remembered the
 * same way, decoding the bundled captures took about 3% less time (6.14 → 5.96 µs per event).
 */
const lastRawValues: string[] = new Array<string>(COLLECT_FIELD_COUNT).fill('');
const lastDecodedValues: string[] = new Array<string>(COLLECT_FIELD_COUNT).fill('');

/** The keys outside the table that the current source has sent so far. */
interface OtherKeys {
  list: string[];
  set?: Set<string>;
}

const SHORT_LIST_LENGTH = 8;

/**
 * Applies one source of a `/g/collect` event, the URL's query or one body line, to the draft
 * in a single pass: every pair goes to the place its key names, and the text is kept for
 * `raw`, which is read from it when asked for; a key the source sends twice is reported (the
 * last value wins). Values are only decoded when they hold an escape, and item values (`prN`) not
 * at all: they are split first.
 */
export function applyCollectText(draft: EventDraft, text: string): void {
  const scanner = new QueryScanner(text);
  const source = startSource();
  draft.rawTexts.push(text);
  let otherKeys: OtherKeys | undefined;
  const event = draft.event;
  while (scanner.next()) {
    const field = findField(scanner);
    // The table's copy of a known key is already interned: cheaper to store under later.
    const key = field?.key ?? scanner.key();
    const isRepeated =
      field === undefined
        ? isOtherRepeated((otherKeys ??= { list: [] }), key)
        : isFieldRepeated(field, source);
    if (isRepeated) {
      const message = `${key} is sent twice in one query or line; the last value won`;
      addWarning(event.warnings, 'duplicate_key', message, key);
    }
    const rawValue = scanner.rawValue();
    if (field === undefined && isItemKey(key)) {
      queueItem(draft, key, rawValue);
      continue;
    }

    const value =
      field === undefined ? scanner.value(rawValue) : knownValue(scanner, field, rawValue);
    if (scanner.isMalformed) {
      const message = `${key} holds an invalid percent-escape, kept as written`;
      addWarning(event.warnings, 'malformed_escape', message, key);
    }
    applyCollectPair(draft, key, value, field);
  }
}

/** Known keys are found where they stand; only a key with escapes is decoded to look it up. */
function findField(scanner: QueryScanner): CollectField | undefined {
  return scanner.keyHasEscape
    ? COLLECT_FIELDS.get(scanner.key())
    : findCollectField(scanner.text, scanner.keyStart, scanner.keyEnd);
}

/** The decoded value of a known field, from memory when it repeats its last escaped value. */
function knownValue(scanner: QueryScanner, field: CollectField, rawValue: string): string {
  if (!scanner.valueHasEscape) return rawValue;
  if (lastRawValues[field.id] === rawValue) return lastDecodedValues[field.id] ?? rawValue;
  const value = scanner.value(rawValue);
  // A malformed value is decoded again each time, so that its warning is raised each time.
  if (!scanner.isMalformed) {
    lastRawValues[field.id] = rawValue;
    lastDecodedValues[field.id] = value;
  }
  return value;
}

function startSource(): number {
  if (lastSource === 0xffffffff) {
    fieldSentBy.fill(0);
    lastSource = 0;
  }
  lastSource += 1;
  return lastSource;
}

function isFieldRepeated(field: CollectField, source: number): boolean {
  const isRepeated = fieldSentBy[field.id] === source;
  fieldSentBy[field.id] = source;
  return isRepeated;
}

/**
 * A source sends a handful of keys the table does not know (`ep.` parameters mostly): a short
 * list is searched outright, and a set is built only past that, so that a hand-built query
 * with thousands of unknown keys stays linear. A set per source was about 1.5% of decoding.
 */
function isOtherRepeated(otherKeys: OtherKeys, key: string): boolean {
  if (otherKeys.set !== undefined) {
    const isRepeated = otherKeys.set.has(key);
    otherKeys.set.add(key);
    return isRepeated;
  }
  const isRepeated = otherKeys.list.includes(key);
  if (!isRepeated) {
    otherKeys.list.push(key);
  }
  if (otherKeys.list.length > SHORT_LIST_LENGTH) {
    otherKeys.set = new Set(otherKeys.list);
  }
  return isRepeated;
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

/**
 * Items are decoded once all pairs are in, so a body line's `pr1` can replace the URL's; they
 * are split on `~` before anything is decoded (§5).
 */
function queueItem(draft: EventDraft, key: string, rawValue: string): void {
  const number = Number(key.slice(2));
  const pending = { number, key, rawValue };
  const sameNumberAt = draft.pendingItems.findIndex((item) => item.number === number);
  if (sameNumberAt === -1) {
    draft.pendingItems.push(pending);
  } else {
    draft.pendingItems[sameNumberAt] = pending;
  }
}
