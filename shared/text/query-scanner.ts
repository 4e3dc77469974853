import { decodeEscapes } from './percent-decode.js';
import { decodeEscapesTolerantly } from './decode-escapes-tolerantly.js';
import { EscapeFinder } from './escape-finder.js';

/**
 * Walks a query string or one form-encoded body line pair by pair, in order, with the same
 * rules as `parseQuery` (empty segments skipped, split at the first `=`, bare keys kept), but
 * without an object per pair: the current pair is a set of positions, and its text is cut or
 * decoded only when asked for. Decoding the bundled captures spent about a tenth of its time
 * allocating pairs and re-scanning each key and value for `%` and `+`; here each character is
 * looked at once, by a forward-only cursor per character of interest.
 */
export class QueryScanner {
  readonly text: string;
  keyStart = 0;
  keyEnd = 0;
  /** Both equal `keyEnd` for a bare key such as `richsstsse`. */
  valueStart = 0;
  valueEnd = 0;
  hasEquals = false;
  /** True once `key()` or `value()` met an escape that could not be decoded in this pair. */
  isMalformed = false;
  /** True when the key or the value holds `%` (or `+` read as a space) and needs decoding. */
  keyHasEscape = false;
  valueHasEscape = false;

  private readonly separator: string;
  private readonly isPlusSpace: boolean;
  private readonly escapes: EscapeFinder;
  private nextStart = 0;
  private equalsAt = -1;

  constructor(text: string, separator = '&', isPlusSpace = true) {
    this.text = text;
    this.separator = separator;
    this.isPlusSpace = isPlusSpace;
    this.escapes = new EscapeFinder(text, isPlusSpace);
  }

  /** Moves to the next non-empty pair; false when there is none left. */
  next(): boolean {
    const text = this.text;
    let start = this.nextStart;
    while (start <= text.length) {
      let end = text.indexOf(this.separator, start);
      if (end === -1) {
        end = text.length;
      }
      this.nextStart = end + this.separator.length;
      if (end > start) {
        this.enterPair(start, end);
        return true;
      }
      start = this.nextStart;
    }
    return false;
  }

  rawKey(): string {
    return this.text.slice(this.keyStart, this.keyEnd);
  }

  rawValue(): string {
    return this.text.slice(this.valueStart, this.valueEnd);
  }

  /** The decoded key; the raw key itself when it holds nothing to decode. */
  key(): string {
    const raw = this.rawKey();
    return this.keyHasEscape ? this.decode(raw) : raw;
  }

  /** The decoded value; pass the raw value when it is already cut, to cut it only once. */
  value(rawValue = this.rawValue()): string {
    return this.valueHasEscape ? this.decode(rawValue) : rawValue;
  }

  private enterPair(start: number, end: number): void {
    // Pairs are visited left to right, so the next `=` is only searched for once passed.
    if (this.equalsAt < start) {
      const equalsAt = this.text.indexOf('=', start);
      this.equalsAt = equalsAt === -1 ? this.text.length : equalsAt;
    }
    const equalsAt = this.equalsAt;
    this.hasEquals = equalsAt < end;
    this.keyStart = start;
    this.keyEnd = this.hasEquals ? equalsAt : end;
    this.valueStart = this.hasEquals ? equalsAt + 1 : end;
    this.valueEnd = end;
    this.isMalformed = false;
    this.keyHasEscape = this.escapes.hasEscape(start, this.keyEnd);
    this.valueHasEscape = this.hasEquals && this.escapes.hasEscape(this.valueStart, end);
  }

  private decode(raw: string): string {
    const decoded = decodeEscapes(raw, this.isPlusSpace);
    if (decoded !== undefined) {
      return decoded;
    }
    this.isMalformed = true;
    return decodeEscapesTolerantly(this.isPlusSpace ? raw.replaceAll('+', ' ') : raw);
  }
}
