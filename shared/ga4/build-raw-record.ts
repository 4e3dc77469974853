import { QueryScanner } from '../text/query-scanner.js';
import { setEntry } from '../text/set-entry.js';

/**
 * The `raw` record of a `/g/collect` event from the texts its pairs came from, in order (the
 * URL's query, then its body line): every key, decoded, with its value still encoded as sent.
 * A later pair with the same key replaces the earlier value, as it does in the decoded groups.
 * The texts are read again with the decoder's own pair rules, so the record holds exactly the
 * pairs that were applied.
 */
export function buildRawRecord(texts: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const text of texts) {
    const scanner = new QueryScanner(text);
    while (scanner.next()) {
      setEntry(raw, scanner.key(), scanner.rawValue());
    }
  }
  return raw;
}
