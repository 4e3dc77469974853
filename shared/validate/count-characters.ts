/**
 * Characters as GA4 counts them: Unicode code points, the same for single- and double-byte
 * scripts (ga4-protocol.md §7 note). Returns early once the count passes `limit`.
 */
export function exceedsCharacters(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  return countCharacters(text) > limit;
}

export function countCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A high surrogate followed by a low one is a single character.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}
