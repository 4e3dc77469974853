import { isPlainObject } from './copy-host-value.js';

/** The eight type names of `getType` (reference notes §2.2). */
export type GtmTypeName =
  'undefined' | 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'function';

/** `getType(value)`: like `typeof`, but tells null and arrays apart from objects. */
export function gtmTypeOf(value: unknown): GtmTypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (
    type === 'string' ||
    type === 'number' ||
    type === 'boolean' ||
    type === 'undefined' ||
    type === 'function'
  ) {
    return type;
  }
  return 'object';
}

/**
 * `makeString(value)`: JavaScript's `String()` for the sandbox types, made safe for
 * prototype-free records (which `String()` cannot convert): arrays join their items with
 * commas, objects read `[object Object]`.
 */
export function gtmString(value: unknown): string {
  return stringOf(value, new Set());
}

function stringOf(value: unknown, seen: Set<unknown>): string {
  if (typeof value === 'string') return value;
  if (
    value === null ||
    value === undefined ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return String(value);
  }
  if (typeof value === 'function') return 'function';
  if (Array.isArray(value)) {
    if (seen.has(value)) return '';
    seen.add(value);
    const text = value
      .map((item) => (item === null || item === undefined ? '' : stringOf(item, seen)))
      .join(',');
    seen.delete(value);
    return text;
  }
  if (typeof value === 'object' && !isPlainObject(value)) {
    try {
      return String(value);
    } catch {
      return '[object Object]';
    }
  }
  return '[object Object]';
}

/** `makeNumber(value)`: JavaScript's `Number()` for the sandbox types; objects give NaN. */
export function gtmNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 0;
  if (Array.isArray(value)) return Number(gtmString(value));
  return Number.NaN;
}

/** `makeInteger(value)`: `makeNumber`, then the fraction dropped toward zero (`'12.7'` → 12). */
export function gtmInteger(value: unknown): number {
  return Math.trunc(gtmNumber(value));
}
