import type { LayerMapping } from '../plan/plan-types.js';
import { setEntry } from '../text/set-entry.js';

export type PropertyMapper = (properties: Record<string, unknown>) => Record<string, unknown>;

/**
 * A function reading one layer's properties the way the plan describes them: `ignore` keys
 * (exact, or a prefix ending in `*`) are dropped, and the keys of each `lift` object become
 * top-level properties (so `ecommerce.items` is validated as `items`). A lifted key wins over a
 * top-level key of the same name. With nothing to lift or ignore the input is returned as is.
 */
export function compileLayerMapping(mapping: LayerMapping): PropertyMapper {
  if (mapping.lift.length === 0 && mapping.ignore.length === 0) return (properties) => properties;
  const isIgnored = keyMatcher(mapping.ignore);
  const lifted = new Set(mapping.lift);

  return (properties) => {
    const result: Record<string, unknown> = {};
    const liftedObjects: Array<Record<string, unknown>> = [];
    for (const key of Object.keys(properties)) {
      if (isIgnored(key)) continue;
      const value = properties[key];
      if (lifted.has(key) && isPlainObject(value)) liftedObjects.push(value);
      else setEntry(result, key, value);
    }
    for (const object of liftedObjects) {
      for (const key of Object.keys(object)) setEntry(result, key, object[key]);
    }
    return result;
  };
}

function keyMatcher(patterns: string[]): (key: string) => boolean {
  const exact = new Set(patterns.filter((pattern) => !pattern.endsWith('*')));
  const prefixes = patterns
    .filter((pattern) => pattern.endsWith('*'))
    .map((pattern) => pattern.slice(0, -1));
  return (key) => exact.has(key) || prefixes.some((prefix) => key.startsWith(prefix));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
