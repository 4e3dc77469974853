import { COLLECT_FIELDS, type CollectField } from './collect-field-table.js';

/** Slots in the open-addressing table: a power of two, about four per known key. */
const SLOT_BITS = 9;
const SLOT_MASK = (1 << SLOT_BITS) - 1;

/**
 * The known fields by the first two and last two characters of their key and its length,
 * probed linearly. Cutting each key out of its text and hashing the fresh string for a `Map`
 * look-up was a good part of the time spent per pair on the bundled captures (about thirty
 * pairs per event); four characters read where they stand name most keys outright.
 */
const slotKeys: string[] = [];
const slotFields: Array<CollectField | undefined> = [];
const slotSignatures = new Int32Array(SLOT_MASK + 1);
const slotLengths = new Uint8Array(SLOT_MASK + 1);
fillSlots();

/**
 * The known field whose key is exactly `text.slice(start, end)`, or undefined. The key must be
 * as written on the wire with nothing to decode; a key with escapes is decoded and looked up in
 * `COLLECT_FIELDS` instead.
 */
export function findCollectField(
  text: string,
  start: number,
  end: number,
): CollectField | undefined {
  const length = end - start;
  if (length <= 0 || length > 255) {
    return undefined;
  }
  const signature = signatureAt(text, start, end);
  if (signature < 0) {
    // Every known key is ASCII.
    return undefined;
  }
  let slot = slotOf(signature, length);
  for (;;) {
    const slotLength = slotLengths[slot];
    if (slotLength === 0) {
      return undefined;
    }
    if (slotLength === length && slotSignatures[slot] === signature) {
      // Up to four characters long, the signature and the length are the whole key.
      if (length <= 4 || hasMiddleAt(slotKeys[slot] ?? '', text, start)) {
        return slotFields[slot];
      }
    }
    slot = (slot + 1) & SLOT_MASK;
  }
}

/**
 * The first, second, second-to-last and last characters, one byte each; negative when one of
 * them is not ASCII, so that such a signature is never taken for the whole key.
 */
function signatureAt(text: string, start: number, end: number): number {
  const last = end - 1;
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start < last ? start + 1 : start);
  const beforeLast = text.charCodeAt(start < last ? last - 1 : last);
  const final = text.charCodeAt(last);
  const packed = (first & 255) | ((second & 255) << 8) | ((beforeLast & 255) << 16);
  const isAscii = (first | second | beforeLast | final) < 128;
  return isAscii ? packed | (final << 24) : -1 - packed;
}

function slotOf(signature: number, length: number): number {
  return (Math.imul(signature ^ length, 0x9e3779b1) >>> (32 - SLOT_BITS)) & SLOT_MASK;
}

/** True when the characters between the signature's first two and last two match. */
function hasMiddleAt(key: string, text: string, start: number): boolean {
  for (let index = 2; index < key.length - 2; index++) {
    if (key.charCodeAt(index) !== text.charCodeAt(start + index)) {
      return false;
    }
  }
  return true;
}

function fillSlots(): void {
  slotKeys.length = SLOT_MASK + 1;
  slotFields.length = SLOT_MASK + 1;
  slotKeys.fill('');
  slotFields.fill(undefined);
  for (const field of COLLECT_FIELDS.values()) {
    const length = field.key.length;
    const signature = signatureAt(field.key, 0, length);
    let slot = slotOf(signature, length);
    while (slotLengths[slot] !== 0) {
      slot = (slot + 1) & SLOT_MASK;
    }
    slotKeys[slot] = field.key;
    slotFields[slot] = field;
    slotSignatures[slot] = signature;
    slotLengths[slot] = length;
  }
}
