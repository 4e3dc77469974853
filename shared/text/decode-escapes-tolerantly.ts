/**
 * Decodes every `%XX` escape that forms valid UTF-8 and keeps everything else exactly as
 * written: a lone `%`, a truncated escape (`%E2%8`), or bytes that are not valid UTF-8
 * (`%FF`, a lead byte without its continuation bytes). The slow path behind
 * `percentDecode`, taken only when `decodeURIComponent` refuses the text.
 */
export function decodeEscapesTolerantly(text: string): string {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const percentAt = text.indexOf('%', index);
    if (percentAt === -1) {
      return output + text.slice(index);
    }
    output += text.slice(index, percentAt);

    const runEnd = endOfEscapeRun(text, percentAt);
    if (runEnd === percentAt) {
      output += '%';
      index = percentAt + 1;
      continue;
    }
    output += decodeEscapeRun(text, percentAt, runEnd);
    index = runEnd;
  }
  return output;
}

/** The index just past the run of well-formed `%XX` escapes that starts at `start`. */
function endOfEscapeRun(text: string, start: number): number {
  let cursor = start;
  while (text.charCodeAt(cursor) === 37 && isHex(text, cursor + 1) && isHex(text, cursor + 2)) {
    cursor += 3;
  }
  return cursor;
}

function isHex(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** Decodes a run of `%XX` escapes as UTF-8; bytes outside a valid sequence stay as written. */
function decodeEscapeRun(text: string, start: number, end: number): string {
  const bytes: number[] = [];
  for (let cursor = start; cursor < end; cursor += 3) {
    bytes.push(Number.parseInt(text.slice(cursor + 1, cursor + 3), 16));
  }

  let output = '';
  let position = 0;
  while (position < bytes.length) {
    const length = validSequenceLength(bytes, position);
    if (length === 0) {
      const escapeAt = start + position * 3;
      output += text.slice(escapeAt, escapeAt + 3);
      position += 1;
      continue;
    }
    output += String.fromCodePoint(codePointOf(bytes, position, length));
    position += length;
  }
  return output;
}

/**
 * The length of the well-formed UTF-8 sequence at `position`, or 0. Follows the table of
 * well-formed byte sequences in the Unicode Standard (ch. 3, table 3-7), which is also what
 * `decodeURIComponent` accepts: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
function validSequenceLength(bytes: number[], position: number): number {
  const lead = bytes[position] ?? 0;
  if (lead < 0x80) {
    return 1;
  }
  const [length, secondLow, secondHigh] = leadByteRule(lead);
  if (length === 0) {
    return 0;
  }

  const second = bytes[position + 1];
  if (second === undefined || second < secondLow || second > secondHigh) {
    return 0;
  }
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[position + offset];
    if (next === undefined || next < 0x80 || next > 0xbf) {
      return 0;
    }
  }
  return length;
}

/** `[sequence length, lowest second byte, highest second byte]` for a lead byte; 0 if invalid. */
function leadByteRule(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

function codePointOf(bytes: number[], position: number, length: number): number {
  const lead = bytes[position] ?? 0;
  if (length === 1) {
    return lead;
  }
  let codePoint = lead & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset++) {
    codePoint = (codePoint << 6) | ((bytes[position + offset] ?? 0) & 0x3f);
  }
  return codePoint;
}
