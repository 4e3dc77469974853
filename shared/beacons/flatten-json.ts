import type { ParamValue } from '../events/event-types.js';
import { setEntry } from '../text/set-entry.js';

/** Nesting beyond this is kept as JSON text: vendor payloads are shallow, attackers need not be. */
const MAX_DEPTH = 6;

/**
 * Flattens parsed JSON into dotted parameter names (`contents.0.id`), the way gtag flattens
 * objects into `ep.` keys (protocol notes §3.4). Numbers and strings stay as they are; booleans
 * and null become their JSON text. Writes into `target`, under `prefix`.
 */
export function flattenJson(
  value: unknown,
  prefix: string,
  target: Record<string, ParamValue>,
  depth = 0,
): void {
  if (typeof value === 'number' && Number.isFinite(value)) {
    setEntry(target, prefix, value);
    return;
  }
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) {
    setEntry(target, prefix, typeof value === 'string' ? value : String(JSON.stringify(value)));
    return;
  }
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    flattenJson(child, `${prefix}.${key}`, target, depth + 1);
  }
}
