import { setEntry } from '../text/set-entry.js';

/**
 * Writes `value` as an own, enumerable property of any object the replay builds, `__proto__`
 * included (see `setEntry`, which does the work for every part of the core).
 */
export function setOwnValue(target: object, key: string, value: unknown): void {
  setEntry(target as Record<string, unknown>, key, value);
}
