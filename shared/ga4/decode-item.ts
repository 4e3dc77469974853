import type { DecodeWarning, DecodedItem, ParamValue } from '../events/event-types.js';
import { EscapeFinder } from '../text/escape-finder.js';
import { decodeEscapesTolerantly } from '../text/decode-escapes-tolerantly.js';
import { decodeEscapes } from '../text/percent-decode.js';
import { parseWireNumber } from '../text/parse-wire-number.js';
import { setEntry } from '../text/set-entry.js';
import { addWarning, type DecodeWarningCode } from './add-warning.js';

type ItemStore = (item: DecodedItem, value: ParamValue) => void;

/**
 * Two-letter item keys (protocol notes §5), each with the store that puts its value under the
 * GA4 item field name. One store per field with the name written out, not one store under a
 * computed name: V8 turns an object that gets more than about sixteen properties through
 * computed-name stores into a slow hash-table object, and real items carry 18 to 21 fields
 * (the bundled shop-journey capture). Every later read of such an item (copying it for the
 * validator, the schema, the name checks, the personal-data walk) was several times slower.
 */
const ITEM_FIELD_STORES: Array<[string, string, ItemStore]> = [
  ['id', 'item_id', (item, value) => (item.item_id = value)],
  ['nm', 'item_name', (item, value) => (item.item_name = value)],
  ['af', 'affiliation', (item, value) => (item.affiliation = value)],
  ['cp', 'coupon', (item, value) => (item.coupon = value)],
  ['ds', 'discount', (item, value) => (item.discount = value)],
  ['lp', 'index', (item, value) => (item.index = value)],
  ['br', 'item_brand', (item, value) => (item.item_brand = value)],
  ['ca', 'item_category', (item, value) => (item.item_category = value)],
  ['c2', 'item_category2', (item, value) => (item.item_category2 = value)],
  ['c3', 'item_category3', (item, value) => (item.item_category3 = value)],
  ['c4', 'item_category4', (item, value) => (item.item_category4 = value)],
  ['c5', 'item_category5', (item, value) => (item.item_category5 = value)],
  ['li', 'item_list_id', (item, value) => (item.item_list_id = value)],
  ['ln', 'item_list_name', (item, value) => (item.item_list_name = value)],
  ['va', 'item_variant', (item, value) => (item.item_variant = value)],
  ['lo', 'location_id', (item, value) => (item.location_id = value)],
  ['pr', 'price', (item, value) => (item.price = value)],
  ['qt', 'quantity', (item, value) => (item.quantity = value)],
  ['pi', 'promotion_id', (item, value) => (item.promotion_id = value)],
  ['pn', 'promotion_name', (item, value) => (item.promotion_name = value)],
  ['cn', 'creative_name', (item, value) => (item.creative_name = value)],
  ['cs', 'creative_slot', (item, value) => (item.creative_slot = value)],
];

/** A standard item field: its GA4 name, its bit in `ItemReading.seenFields`, its type, its store. */
interface ItemField {
  name: string;
  bit: number;
  isNumeric: boolean;
  store: ItemStore;
}

const NUMERIC_ITEM_FIELDS: ReadonlySet<string> = new Set([
  'price',
  'quantity',
  'discount',
  'index',
]);

/** Pairs of ASCII character codes; the table's last slot, for any other pair, stays empty. */
const ASCII_PAIRS = 128 * 128;

/**
 * The same table indexed by the two ASCII character codes, so tokens need no slicing to look
 * up; an array slot per pair of codes instead of a `Map` keyed by them, whose hashing was
 * about a tenth of the time items took on the bundled captures.
 */
const ITEM_FIELDS: ReadonlyArray<ItemField | undefined> = buildItemFields();

/** Where tokens go that could not be read; `_` starts no valid GA4 parameter name. */
export const UNPARSED_ITEM_KEY = '_unparsed';

interface CustomToken {
  text: string;
  token: string;
}

interface ItemReading {
  item: DecodedItem;
  itemKey: string;
  warnings: DecodeWarning[];
  /** The standard fields read so far, one bit each: cheaper than asking the item. */
  seenFields: number;
  /** `k<i>` and `v<i>` tokens by their two-letter key, filled only for items that have them. */
  customNames?: Map<string, CustomToken>;
  customValues?: Map<string, CustomToken>;
  unparsed: string[];
}

/**
 * Decodes one `prN` value into an item with GA4 field names. The raw value is split on `~`
 * before anything is decoded (protocol notes §5): decoded values may hold `~`, `&`, `|`, newlines.
 * `k<i>`/`v<i>` pairs become custom item parameters by name. Tokens that cannot be read are
 * kept, `~`-joined, under `_unparsed`, each with a warning on `warnings`.
 */
export function decodeItem(
  rawValue: string,
  itemKey: string,
  warnings: DecodeWarning[],
): DecodedItem {
  const reading: ItemReading = {
    item: {},
    itemKey,
    warnings,
    seenFields: 0,
    unparsed: [],
  };
  // Tokens are read where they stand: cutting each out before cutting its value, and searching
  // each for escapes anew, took about half the time items cost on the bundled captures.
  const escapes = new EscapeFinder(rawValue, true);
  let start = 0;
  while (start < rawValue.length) {
    const tildeAt = rawValue.indexOf('~', start);
    const end = tildeAt === -1 ? rawValue.length : tildeAt;
    if (end > start) {
      const field = end - start < 2 ? undefined : ITEM_FIELDS[keyIndex(rawValue, start)];
      const hasEscape = escapes.hasEscape(start + 2, end);
      if (field === undefined) {
        readOtherToken(reading, rawValue.slice(start, end), hasEscape);
      } else {
        readField(reading, field, rawValue.slice(start + 2, end), hasEscape);
      }
    }
    start = end + 1;
  }

  pairCustomParams(reading);
  if (reading.unparsed.length > 0) {
    reading.item[UNPARSED_ITEM_KEY] = reading.unparsed.join('~');
  }
  return reading.item;
}

/** A custom parameter's name or value (`k0`, `v0` …), or a token that cannot be read. */
function readOtherToken(reading: ItemReading, token: string, hasEscape: boolean): void {
  const kind = token.charCodeAt(0);
  const isCustom = kind === 107 || kind === 118; // `k` name or `v` value
  if (isCustom && isDigit(token.charCodeAt(1))) {
    const prefix = token.slice(0, 2);
    const custom =
      kind === 107 ? (reading.customNames ??= new Map()) : (reading.customValues ??= new Map());
    if (custom.has(prefix)) {
      warn(reading, 'item_duplicate_key', `${prefix} appears twice in the item; the last one won`);
    }
    custom.set(prefix, { text: decodeText(reading, token.slice(2), hasEscape), token });
    return;
  }

  const code = isCustom || token.length < 2 ? 'item_malformed_token' : 'item_unknown_key';
  warn(reading, code, `item token "${token}" cannot be read; kept under ${UNPARSED_ITEM_KEY}`);
  reading.unparsed.push(token);
}

function readField(reading: ItemReading, field: ItemField, raw: string, hasEscape: boolean): void {
  if ((reading.seenFields & field.bit) !== 0) {
    const message = `${field.name} appears twice in the item; the last one won`;
    warn(reading, 'item_duplicate_key', message);
  }
  reading.seenFields |= field.bit;
  const text = decodeText(reading, raw, hasEscape);
  if (!field.isNumeric) {
    field.store(reading.item, text);
    return;
  }
  const number = parseWireNumber(text);
  if (number === undefined) {
    warn(reading, 'not_a_number', `${field.name} "${text}" is not a number; kept as text`);
  }
  field.store(reading.item, number ?? text);
}

/**
 * Joins `k<i>` names with `v<i>` values. Only one digit is read after `k`/`v`, the two-letter
 * key rule of §5; how gtag numbers custom parameters past the tenth is unverified.
 */
function pairCustomParams(reading: ItemReading): void {
  if (reading.customNames === undefined && reading.customValues === undefined) {
    return;
  }
  const names = reading.customNames ?? new Map<string, CustomToken>();
  const values = reading.customValues ?? new Map<string, CustomToken>();
  for (const [prefix, name] of names) {
    const value = values.get(`v${prefix.slice(1)}`);
    if (value === undefined) {
      unpaired(reading, name.token);
    } else if (isTakenName(reading, name.text)) {
      const message = `custom item parameter "${name.text}" is empty or repeats a field`;
      warn(reading, 'item_duplicate_key', message);
      reading.unparsed.push(name.token, value.token);
    } else {
      setEntry(reading.item, name.text, value.text);
    }
  }
  for (const [prefix, value] of values) {
    if (!names.has(`k${prefix.slice(1)}`)) {
      unpaired(reading, value.token);
    }
  }
}

function isTakenName(reading: ItemReading, name: string): boolean {
  return name === '' || name === UNPARSED_ITEM_KEY || Object.hasOwn(reading.item, name);
}

function unpaired(reading: ItemReading, token: string): void {
  warn(reading, 'item_unpaired_custom', `item token "${token}" has no partner; kept unparsed`);
  reading.unparsed.push(token);
}

// `percentDecode` without its options and result objects: items hold many escaped values.
function decodeText(reading: ItemReading, raw: string, hasEscape: boolean): string {
  if (!hasEscape) {
    return raw;
  }
  const decoded = decodeEscapes(raw, true);
  if (decoded !== undefined) {
    return decoded;
  }
  warn(reading, 'malformed_escape', `item value "${raw}" holds an invalid percent-escape`);
  return decodeEscapesTolerantly(raw.replaceAll('+', ' '));
}

function warn(reading: ItemReading, code: DecodeWarningCode, message: string): void {
  addWarning(reading.warnings, code, `${reading.itemKey}: ${message}`, reading.itemKey);
}

/** The two character codes at `index` as one array index; past the table when not ASCII. */
function keyIndex(text: string, index: number): number {
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return (first | second) < 128 ? (first << 7) | second : ASCII_PAIRS;
}

function buildItemFields(): Array<ItemField | undefined> {
  const fields = new Array<ItemField | undefined>(ASCII_PAIRS + 1).fill(undefined);
  ITEM_FIELD_STORES.forEach(([key, name, store], index) => {
    const isNumeric = NUMERIC_ITEM_FIELDS.has(name);
    fields[keyIndex(key, 0)] = { name, bit: 2 ** index, isNumeric, store };
  });
  return fields;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
