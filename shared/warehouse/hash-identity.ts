/**
 * A deterministic 128-bit fingerprint of `text` as 32 hex digits: the same text always gives
 * the same id, in Node and in a browser, with no crypto API (which is asynchronous in
 * browsers). Four 32-bit multiply-xor lanes, each with its own offset and odd multiplier, are
 * folded together at the end. Not a cryptographic hash; 128 bits keep accidental collisions out
 * of reach for any event volume (a billion ids collide with odds near 10^-21).
 */
export function hashIdentity(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  let third = 0x9e3779b9;
  let fourth = 0x85ebca6b;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    third = Math.imul(third ^ code, 0x27d4eb2d);
    fourth = Math.imul(fourth ^ code, 0x165667b1);
  }
  // Each lane is finished with the length and its neighbour, so a change anywhere reaches all.
  const length = text.length;
  const a = avalanche(first ^ length ^ 0x01000000);
  const b = avalanche(second ^ length ^ 0x02000000);
  const c = avalanche(third ^ length ^ 0x03000000);
  const d = avalanche(fourth ^ length ^ 0x04000000);
  return (
    hex(avalanche(a ^ b)) + hex(avalanche(b ^ c)) + hex(avalanche(c ^ d)) + hex(avalanche(d ^ a))
  );
}

/** The 32-bit finaliser of the well-known multiply-xorshift family: every input bit flips half. */
function avalanche(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash;
}

/** Two hex digits for each byte value: four look-ups instead of a number-to-text conversion. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(value: number): string {
  return (
    BYTE_HEX[value >>> 24]! +
    BYTE_HEX[(value >>> 16) & 0xff]! +
    BYTE_HEX[(value >>> 8) & 0xff]! +
    BYTE_HEX[value & 0xff]!
  );
}
