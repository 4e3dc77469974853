// Keys that reach or replace an object's prototype when written with `target[key] = value`.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True for `__proto__`, `constructor` and `prototype`. The replay never writes these into the
 * model and never walks through them, so a push cannot reach `Object.prototype`.
 */
export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}
