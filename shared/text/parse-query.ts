import { needsDecoding, percentDecode } from './percent-decode.js';

/** One `key=value` segment of a query string or form body, decoded and raw side by side. */
export interface QueryPair {
  key: string;
  rawKey: string;
  rawValue: string;
  value: string;
  /** False for a bare flag such as `richsstsse`; its value is then `''`. */
  hasEquals: boolean;
  /** True when the key or the value held an escape that could not be decoded. */
  isMalformed: boolean;
}

export interface ParseQueryOptions {
  /** The character between pairs: `&` for query strings and forms, `;` for Floodlight paths. */
  separator?: string;
  /** Read `+` as a space (`URLSearchParams` semantics). On by default. */
  plusAsSpace?: boolean;
}

/**
 * Splits a query string or one form-encoded body line into its pairs, in order, keeping
 * repeated keys and bare flags. Lossless: every pair keeps its raw text next to the decoded
 * one; empty segments (`a=1&&b=2`) carry nothing and are skipped. Never throws.
 */
export function parseQuery(text: string, options?: ParseQueryOptions): QueryPair[] {
  const separator = options?.separator || '&';
  const isPlusSpace = options?.plusAsSpace ?? true;
  const pairs: QueryPair[] = [];

  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf(separator, start);
    if (end === -1) {
      end = text.length;
    }
    if (end > start) {
      pairs.push(parsePair(text, start, end, isPlusSpace));
    }
    start = end + separator.length;
  }
  return pairs;
}

function parsePair(text: string, start: number, end: number, isPlusSpace: boolean): QueryPair {
  let equalsAt = text.indexOf('=', start);
  const hasEquals = equalsAt !== -1 && equalsAt < end;
  if (!hasEquals) {
    equalsAt = end;
  }
  const rawKey = text.slice(start, equalsAt);
  const rawValue = hasEquals ? text.slice(equalsAt + 1, end) : '';

  // Most keys and values hold no escape; not calling the decoder for them saves the most time.
  const pair = { key: rawKey, rawKey, rawValue, value: rawValue, hasEquals, isMalformed: false };
  if (needsDecoding(rawKey, isPlusSpace)) {
    const key = percentDecode(rawKey, { plusAsSpace: isPlusSpace });
    pair.key = key.value;
    pair.isMalformed = key.isMalformed;
  }
  if (needsDecoding(rawValue, isPlusSpace)) {
    const value = percentDecode(rawValue, { plusAsSpace: isPlusSpace });
    pair.value = value.value;
    pair.isMalformed ||= value.isMalformed;
  }
  return pair;
}
