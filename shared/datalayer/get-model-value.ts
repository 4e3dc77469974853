import { isUnsafeKey } from './is-unsafe-key.js';

/**
 * Reads a dotted path from the model as GTM's `get` does (`'ecommerce.items.0.price'`; every
 * dot separates, no escaping) and returns the live value, not a copy. Unlike GTM it returns
 * undefined instead of throwing when a segment is null, and it follows own properties only,
 * never `__proto__`, `constructor` or `prototype`.
 */
export function getModelValue(model: unknown, path: string): unknown {
  let target = model;
  for (const segment of path.split('.')) {
    if (target === null || target === undefined || isUnsafeKey(segment)) return undefined;
    target = readOwn(Object(target) as object, segment);
  }
  return target;
}

function readOwn(holder: object, key: string): unknown {
  try {
    return Object.hasOwn(holder, key) ? (holder as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}
