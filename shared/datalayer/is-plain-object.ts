import { isDomNodeOrWindow } from './is-dom-node-or-window.js';
import { valueTypeName } from './value-type-name.js';

export type PlainObject = Record<string, unknown>;

/**
 * True for objects GTM merges key by key: built with `{}`, `new Object` or
 * `Object.create(null)`, with no inherited enumerable property, and not a DOM node or window.
 * Class instances, Dates, RegExps, Maps and null are not plain (protocol notes §11.1,
 * data-layer-helper `isPlainObject_test`). Never throws.
 */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false;
  if (valueTypeName(value) !== 'object') return false;
  if (isDomNodeOrWindow(value)) return false;

  try {
    return hasObjectConstructor(value) && hasOnlyOwnEnumerableKeys(value);
  } catch {
    // Some host objects throw when their constructor is read; they are never plain.
    return false;
  }
}

// An inherited constructor must be an `Object` of some realm: only `Object.prototype` owns
// `isPrototypeOf`, which is how a cross-frame `{}` is still recognised.
function hasObjectConstructor(value: object): boolean {
  const { constructor } = value as { constructor?: unknown };
  if (!constructor || Object.hasOwn(value, 'constructor')) return true;

  const prototype = (constructor as { prototype?: unknown }).prototype;
  return (
    typeof prototype === 'object' && prototype !== null && Object.hasOwn(prototype, 'isPrototypeOf')
  );
}

function hasOnlyOwnEnumerableKeys(value: object): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
  }
  return true;
}
