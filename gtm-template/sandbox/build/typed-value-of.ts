import type { TypedValue } from '../contract.js';

/** Why a plain value has no TypedValue form, with the path to the offending part. */
export interface TypedValueProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * GTM's tagged form of a plain value (reference §1.5): text → type 1, list → type 2,
 * map → type 3 (keys and values as parallel lists, in authored order), boolean → type 8.
 * Numbers become their text, since permission settings hold no numbers; null has no form.
 */
export function typedValueOf(
  value: unknown,
  path: Array<string | number> = [],
): { ok: true; value: TypedValue } | { ok: false; problem: TypedValueProblem } {
  if (typeof value === 'string') return { ok: true, value: { type: 1, string: value } };
  if (typeof value === 'number') return { ok: true, value: { type: 1, string: String(value) } };
  if (typeof value === 'boolean') return { ok: true, value: { type: 8, boolean: value } };
  if (Array.isArray(value)) return listOf(value, path);
  if (typeof value === 'object' && value !== null)
    return mapOf(value as Record<string, unknown>, path);
  return {
    ok: false,
    problem: { path, message: 'has no value (write text, true/false, a list or a map)' },
  };
}

function listOf(values: unknown[], path: Array<string | number>) {
  const listItem: TypedValue[] = [];
  for (const [index, item] of values.entries()) {
    const converted = typedValueOf(item, [...path, index]);
    if (!converted.ok) return converted;
    listItem.push(converted.value);
  }
  return { ok: true as const, value: { type: 2 as const, listItem } };
}

function mapOf(record: Record<string, unknown>, path: Array<string | number>) {
  const mapKey: TypedValue[] = [];
  const mapValue: TypedValue[] = [];
  for (const [key, item] of Object.entries(record)) {
    const converted = typedValueOf(item, [...path, key]);
    if (!converted.ok) return converted;
    mapKey.push({ type: 1, string: key });
    mapValue.push(converted.value);
  }
  return { ok: true as const, value: { type: 3 as const, mapKey, mapValue } };
}
