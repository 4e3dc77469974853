import { setEntry } from '../../../shared/text/set-entry.js';

// Deeper structures than this are cut off: page globals can nest (or link) without end.
const MAX_DEPTH = 64;

/**
 * Copies a value across the sandbox boundary as GTM does (reference notes §2.5): strings,
 * numbers, booleans, null and undefined as they are; arrays and plain objects deeply; functions
 * by reference (the interpreter wraps them). Anything else (DOM nodes, Dates, class instances,
 * symbols, a cycle, a getter that throws) becomes undefined, so a copy never shares a container
 * with its source and never writes `Object.prototype`.
 */
export function copyHostValue(value: unknown): unknown {
  return copyValue(value, new Set(), 0);
}

function copyValue(value: unknown, ancestors: Set<object>, depth: number): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'function')
    return value;
  if (type !== 'object' || depth > MAX_DEPTH) return undefined;
  const container = value as object;
  if (ancestors.has(container)) return undefined;
  ancestors.add(container);
  try {
    if (Array.isArray(container))
      return Array.from(container, (item) => copyValue(item, ancestors, depth + 1));
    if (!isPlainObject(container)) return undefined;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(container)) {
      setEntry(
        copy,
        key,
        copyValue((container as Record<string, unknown>)[key], ancestors, depth + 1),
      );
    }
    return copy;
  } catch {
    return undefined;
  } finally {
    ancestors.delete(container);
  }
}

/** True for `{}` literals, JSON objects and prototype-free records; false for class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    prototype === null ||
    prototype === Object.prototype ||
    Object.getPrototypeOf(prototype) === null
  );
}
