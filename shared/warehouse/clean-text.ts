/** NUL and UTF-16 halves without their partner: text no warehouse accepts as is. */
// eslint-disable-next-line no-control-regex -- NUL is exactly the character to find.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- as above.
const HAS_SUSPECT = /[\u0000\uD800-\uDFFF]/;

/**
 * Text every engine can store: PostgreSQL rejects NUL in `text` and `jsonb`, and an unpaired
 * surrogate (which a percent-decoded hit or a JSON row can carry) is not valid UTF-8 anywhere.
 * Each such code unit becomes U+FFFD, so one hostile value never fails a whole batch.
 */
export function cleanText(value: string): string {
  if (!HAS_SUSPECT.test(value)) {
    return value;
  }
  return value.replace(UNSTORABLE, '\uFFFD');
}

/** `cleanText` for optional values. */
export function cleanOptionalText(value: string | undefined | null): string | null {
  return value === undefined || value === null ? null : cleanText(value);
}
