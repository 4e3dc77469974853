import { cleanText } from './clean-text.js';
import type { EventParam } from './mirror-row.js';
import { toParamCell } from './to-param-cell.js';

/**
 * Event parameters from name/value pairs in order. A later pair with the same name replaces
 * an earlier one (what the site sent beats what the mirror derived); values that type to
 * nothing (null, undefined, NaN) are left out, as GA4 leaves out unset parameters.
 */
export function buildEventParams(entries: Iterable<readonly [string, unknown]>): EventParam[] {
  const byKey = new Map<string, EventParam>();
  for (const [key, value] of entries) {
    const cell = toParamCell(value);
    if (cell === null) {
      continue;
    }
    byKey.set(key, { key: cleanText(key), value: cell });
  }
  return [...byKey.values()];
}
