import type { PlainObject } from './is-plain-object.js';

/**
 * True for a plain object shaped like a serialised `Arguments` object: keys exactly "0", "1",
 * … "n-1" and a string command in "0", as `JSON.stringify(arguments)` or a structured clone
 * leaves a gtag call (`{"0": "config", "1": "G-…"}`, sample D3).
 */
export function isLostArgumentsObject(message: PlainObject): boolean {
  const keys = Object.keys(message);
  if (keys.length === 0 || typeof message['0'] !== 'string') return false;

  // Integer-like keys enumerate first and in ascending order, so a match means 0…n-1 exactly.
  return keys.every((key, index) => key === String(index));
}
