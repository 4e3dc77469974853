import { QueryScanner } from './query-scanner.js';

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
  const scanner = new QueryScanner(text, options?.separator || '&', options?.plusAsSpace ?? true);
  const pairs: QueryPair[] = [];
  while (scanner.next()) {
    const key = scanner.key();
    const value = scanner.value();
    pairs.push({
      key,
      rawKey: scanner.rawKey(),
      rawValue: scanner.rawValue(),
      value,
      hasEquals: scanner.hasEquals,
      isMalformed: scanner.isMalformed,
    });
  }
  return pairs;
}
