// MD5, SHA-1 and SHA-256 digests in hex: what sites send when they hash emails or phones for
// enhanced conversions. A digest is not the personal data itself.
const digestShape = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** Whether the whole value is a hex digest (it must mix letters and digits, as digests do). */
export function isHashedValue(text: string): boolean {
  if (text.length !== 32 && text.length !== 40 && text.length !== 64) return false;
  return digestShape.test(text) && /[a-f]/i.test(text) && /\d/.test(text);
}
