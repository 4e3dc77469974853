export type ValueTypeName =
  | 'undefined'
  | 'null'
  | 'boolean'
  | 'number'
  | 'string'
  | 'function'
  | 'array'
  | 'date'
  | 'regexp'
  | 'arguments'
  | 'object';

// Read from `Object.prototype.toString`, like data-layer-helper's `plain.type`, so boxed
// primitives and values from other frames are named by what they are (protocol notes §11.1).
// Every other tag (Map, Error, AsyncFunction, class instances …) falls back to 'object'.
const NAMES_BY_TAG = new Map<string, ValueTypeName>([
  ['[object Boolean]', 'boolean'],
  ['[object Number]', 'number'],
  ['[object String]', 'string'],
  ['[object Function]', 'function'],
  ['[object Array]', 'array'],
  ['[object Date]', 'date'],
  ['[object RegExp]', 'regexp'],
  ['[object Arguments]', 'arguments'],
]);

/** Names a value's type the way GTM's data-layer helper does; never throws. */
export function valueTypeName(value: unknown): ValueTypeName {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';

  try {
    return NAMES_BY_TAG.get(Object.prototype.toString.call(value)) ?? 'object';
  } catch {
    // A revoked Proxy throws on every operation; it is nothing GTM could merge.
    return 'object';
  }
}
