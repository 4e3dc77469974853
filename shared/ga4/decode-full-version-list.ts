import { percentDecode, type DecodedText } from '../text/percent-decode.js';

/**
 * Finishes decoding `uafvl` (protocol notes §2.1, §3.6). gtag encodes each brand name, joins
 * `brand;version` entries with `|`, then encodes the whole list again; after the usual one
 * decode, `Google%20Chrome;137.0|Not%2FA)Brand;24.0.0.0` still needs the brands decoded.
 * The input is that once-decoded list; the output reads `Google Chrome;137.0|Not/A)Brand;24.0.0.0`.
 */
export function decodeFullVersionList(onceDecoded: string): DecodedText {
  if (!onceDecoded.includes('%')) {
    return { value: onceDecoded, isMalformed: false };
  }

  let isMalformed = false;
  const entries = onceDecoded.split('|').map((entry) => {
    // Versions are digits and dots, so the last `;` ends the brand even in hand-built lists.
    const semicolonAt = entry.lastIndexOf(';');
    const rawBrand = semicolonAt === -1 ? entry : entry.slice(0, semicolonAt);
    const brand = percentDecode(rawBrand);
    isMalformed ||= brand.isMalformed;
    return semicolonAt === -1 ? brand.value : brand.value + entry.slice(semicolonAt);
  });
  return { value: entries.join('|'), isMalformed };
}
