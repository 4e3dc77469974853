import type { TypedValue } from '../contract.js';

/**
 * Turns GTM's tagged permission value (reference notes §1.5: type 1 string, 2 list, 3 map,
 * 8 boolean) into a plain value. Maps become prototype-free records so a key such as
 * `__proto__` stays data. An unknown tag or a malformed payload decodes to undefined.
 */
export function decodeTypedValue(value: TypedValue | undefined): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  switch (value.type) {
    case 1:
      return typeof value.string === 'string' ? value.string : undefined;
    case 2:
      return Array.isArray(value.listItem) ? value.listItem.map(decodeTypedValue) : [];
    case 3:
      return decodeMap(value.mapKey, value.mapValue);
    case 8:
      return value.boolean === true;
    default:
      return undefined;
  }
}

function decodeMap(keys: TypedValue[], values: TypedValue[]): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (!Array.isArray(keys) || !Array.isArray(values)) return record;
  keys.forEach((key, index) => {
    const name = decodeTypedValue(key);
    if (typeof name === 'string') record[name] = decodeTypedValue(values[index]);
  });
  return record;
}
