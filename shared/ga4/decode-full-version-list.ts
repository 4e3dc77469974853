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
  // Runs of escapes never cross the `;` before a version, so when every escape lies in a
  // brand, decoding the list once gives what decoding each brand does, without cutting and
  // joining every entry (that took about 3% of decoding the bundled captures).
  if (areEscapesInBrands(onceDecoded)) {
    return percentDecode(onceDecoded);
  }

  let isMalformed = false;
  let value = '';
  let start = 0;
  // A forward cursor instead of `lastIndexOf`, which leaves compiled code for the engine's
  // runtime on every call; each `;` is passed once over the whole list.
  let semicolonAt = onceDecoded.indexOf(';');
  for (;;) {
    const barAt = onceDecoded.indexOf('|', start);
    const end = barAt === -1 ? onceDecoded.length : barAt;
    // Versions are digits and dots, so the last `;` ends the brand even in hand-built lists.
    let brandEnd = end;
    while (semicolonAt !== -1 && semicolonAt < end) {
      brandEnd = semicolonAt;
      semicolonAt = onceDecoded.indexOf(';', semicolonAt + 1);
    }
    const rawBrand = onceDecoded.slice(start, brandEnd);
    const brand = rawBrand.includes('%') ? percentDecode(rawBrand) : undefined;
    isMalformed ||= brand?.isMalformed === true;
    value += (brand?.value ?? rawBrand) + onceDecoded.slice(brandEnd, end);
    if (barAt === -1) {
      return { value, isMalformed };
    }
    value += '|';
    start = barAt + 1;
  }
}

/**
 * True when every `%` has a `;` after it in its own entry, so it is part of a brand. False
 * also for an entry without any `;`, which the entry-by-entry reading handles.
 */
function areEscapesInBrands(list: string): boolean {
  let percentAt = list.indexOf('%');
  while (percentAt !== -1) {
    const semicolonAt = list.indexOf(';', percentAt);
    if (semicolonAt === -1) {
      return false;
    }
    const barAt = list.indexOf('|', percentAt);
    if (barAt !== -1 && barAt < semicolonAt) {
      return false;
    }
    percentAt = list.indexOf('%', semicolonAt);
  }
  return true;
}
