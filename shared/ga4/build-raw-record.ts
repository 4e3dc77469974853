import { setEntry } from '../text/set-entry.js';

/**
 * The `raw` record of a `/g/collect` event from the pairs its texts held, in order (key, value,
 * key, value …): every key, decoded, with its value still encoded as sent. A later pair with the
 * same key replaces the earlier value, as it does in the decoded groups.
 */
export function buildRawRecord(entries: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let index = 0; index + 1 < entries.length; index += 2) {
    setEntry(raw, entries[index] ?? '', entries[index + 1] ?? '');
  }
  return raw;
}
