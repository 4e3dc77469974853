import { isPlainObject } from './is-plain-object.js';
import { isOpaqueValue } from './opaque-value.js';
import { readTransportMarker } from './read-transport-marker.js';
import { valueTypeName } from './value-type-name.js';

/** How GTM treats a pushed value (protocol notes §11.1). `other` values are ignored. */
export type ValueKind = 'plain-object' | 'array' | 'arguments' | 'function' | 'other';

/**
 * Classifies a value as GTM's data-layer helper does. Besides real values, the transport
 * markers `{"$arguments": […]}` and `{"$function": "name"}` (and a revived function marker)
 * count as what they stand for, since that is how those values cross JSON. Never throws.
 */
export function classifyValue(value: unknown): ValueKind {
  if (typeof value === 'function') return 'function';
  if (isOpaqueValue(value)) return isFunctionMarker(value.marker) ? 'function' : 'other';

  const typeName = valueTypeName(value);
  if (typeName === 'arguments') return 'arguments';
  if (typeName === 'array') return 'array';
  if (!isPlainObject(value)) return 'other';

  const marker = readTransportMarker(value);
  if (marker?.kind === 'arguments') return 'arguments';
  if (marker?.kind === 'function') return 'function';
  return 'plain-object';
}

function isFunctionMarker(marker: Readonly<Record<string, unknown>>): boolean {
  return typeof marker['$function'] === 'string';
}
