import type { PlainObject } from './is-plain-object.js';
import { setOwnValue } from './set-own-value.js';

/**
 * Turns one top-level message key into the nested object GTM merges: `('a.b.c', 1)` gives
 * `{a: {b: {c: 1}}}`, `'a..b'` gives `{a: {'': {b: …}}}` and `''` stays a real key. Dots are
 * never escaped, and keys inside the value are left alone (protocol notes §11.3).
 */
export function expandKeyValue(key: string, value: unknown): PlainObject {
  const segments = key.split('.');
  const lastSegment = segments.pop() ?? '';
  const expanded: PlainObject = {};

  let target = expanded;
  for (const segment of segments) {
    const child: PlainObject = {};
    setOwnValue(target, segment, child);
    target = child;
  }
  setOwnValue(target, lastSegment, value);
  return expanded;
}
