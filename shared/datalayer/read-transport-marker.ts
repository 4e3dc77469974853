import { isPlainObject } from './is-plain-object.js';

/** A transport marker, read out: how a value JSON cannot carry crossed a JSON boundary. */
export type TransportMarker =
  | { kind: 'arguments'; values: unknown[] }
  | { kind: 'undefined' }
  | { kind: 'hole' }
  | { kind: 'function'; name: string }
  | { kind: 'date'; text: string }
  | { kind: 'node'; summary: string }
  | { kind: 'unclonable'; reason: string }
  | { kind: 'number'; text: string }
  | { kind: 'bigint'; text: string };

/**
 * Reads a transport marker: a plain object whose only key is one of `$arguments` (an array),
 * `$undefined` / `$hole` (true), or `$function`, `$date`, `$node`, `$unclonable`, `$number`,
 * `$bigint` (a string). Anything else, including look-alikes with extra keys, is not a marker.
 * Never throws.
 */
export function readTransportMarker(value: unknown): TransportMarker | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;

  const key = keys[0] ?? '';
  let content: unknown;
  try {
    content = value[key];
  } catch {
    // A throwing getter is no marker; the caller reads and reports it as a value.
    return null;
  }
  if (key === '$arguments') {
    return Array.isArray(content) ? { kind: 'arguments', values: content } : null;
  }
  if (key === '$undefined' || key === '$hole') {
    return content === true ? { kind: key === '$hole' ? 'hole' : 'undefined' } : null;
  }
  if (typeof content !== 'string') return null;
  return readTextMarker(key, content);
}

function readTextMarker(key: string, text: string): TransportMarker | null {
  switch (key) {
    case '$function':
      return { kind: 'function', name: text };
    case '$date':
      return { kind: 'date', text };
    case '$node':
      return { kind: 'node', summary: text };
    case '$unclonable':
      return { kind: 'unclonable', reason: text };
    case '$number':
      return { kind: 'number', text };
    case '$bigint':
      return { kind: 'bigint', text };
    default:
      return null;
  }
}
