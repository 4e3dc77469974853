import { setEntry } from './set-entry.js';

/**
 * A shallow copy of a plain record: the same own keys in the same order, as `{ ...record }`
 * gives, `__proto__` included as an own key. Unlike a spread copy it is built by ordinary
 * stores from an empty object, so it shares hidden classes with records built the same way:
 * in Node 20 every key added to a spread copy makes a new hidden class, on every call.
 */
export function copyRecord<Shape extends object>(record: Shape): Shape {
  const copy: Record<string, unknown> = {};
  for (const key in record) {
    if (Object.hasOwn(record, key)) {
      setEntry(copy, key, record[key]);
    }
  }
  return copy as Shape;
}
