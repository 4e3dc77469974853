import { isUnsafeKey } from '../../../shared/datalayer/is-unsafe-key.js';
import { setEntry } from '../../../shared/text/set-entry.js';
import { isPlainObject } from './copy-host-value.js';

/**
 * Reads `a.b.0.c` from a host object, segment by segment. Plain objects and arrays are read by
 * own properties only; other objects (a library instance on the real page) also by inherited
 * ones, so `vendor.track` finds a method on a prototype. `__proto__`, `constructor` and
 * `prototype` are never followed. Returns the holder of the last segment too, for calls.
 */
export function readPath(root: unknown, path: string): { value: unknown; holder: unknown } {
  let holder: unknown = undefined;
  let value: unknown = root;
  for (const segment of path.split('.')) {
    if (
      value === null ||
      (typeof value !== 'object' && typeof value !== 'function') ||
      isUnsafeKey(segment)
    ) {
      return { value: undefined, holder: undefined };
    }
    holder = value;
    value = readProperty(value, segment);
  }
  return { value, holder };
}

function readProperty(holder: object, key: string): unknown {
  try {
    if (Object.hasOwn(holder, key)) return (holder as Record<string, unknown>)[key];
    return isPlainObject(holder) || Array.isArray(holder)
      ? undefined
      : (holder as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * Writes `value` at a dotted path, creating missing plain objects on the way. Answers false,
 * writing nothing, when a segment is unsafe, a parent on the way is not an object, or the key
 * already holds a value and `overrideExisting` is false.
 */
export function writePath(
  root: object,
  path: string,
  value: unknown,
  overrideExisting: boolean,
): boolean {
  const segments = path.split('.');
  const last = segments.pop();
  if (last === undefined || last === '' || [...segments, last].some(isUnsafeKey)) return false;
  try {
    const holder = walkToParent(root, segments);
    if (holder === undefined) return false;
    if (!overrideExisting && readProperty(holder, last) !== undefined) return false;
    setEntry(holder as Record<string, unknown>, last, value);
    return true;
  } catch {
    // A frozen or exotic holder on the real page refuses the write.
    return false;
  }
}

function walkToParent(root: object, segments: string[]): object | undefined {
  let holder: unknown = root;
  for (const segment of segments) {
    if (holder === null || typeof holder !== 'object') return undefined;
    let next = readProperty(holder, segment);
    if (next === undefined) {
      next = {};
      setEntry(holder as Record<string, unknown>, segment, next);
    }
    holder = next;
  }
  return holder !== null && (typeof holder === 'object' || typeof holder === 'function')
    ? holder
    : undefined;
}
