/** Names that would reach into `Object.prototype` or the window's own machinery. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'window', 'self', 'top']);

/**
 * True for a dataLayer name the hook may watch on `window`: an identifier of at most 100
 * characters, as GTM's `l=` parameter and the user's settings carry them, and not a name
 * whose accessor would change how the page itself works.
 */
export function isSafeLayerName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,99}$/.test(name) && !RESERVED.has(name);
}
