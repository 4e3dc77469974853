import type { GtmParameter } from './container-types.js';
import { isJsonObject } from './is-json-object.js';

/** The parameters of a list that are objects; anything else an export may hold is skipped. */
export function asParameterList(value: unknown): GtmParameter[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is GtmParameter => isJsonObject(item));
}

/** The first parameter with this key, or undefined. */
export function findParameter(parameters: unknown, key: string): GtmParameter | undefined {
  return asParameterList(parameters).find((parameter) => parameter.key === key);
}

/** The text value of the parameter with this key, when it has one. */
export function parameterText(parameters: unknown, key: string): string | undefined {
  const value = findParameter(parameters, key)?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whether a parameter has this type. Exports write types in capitals (`TEMPLATE`); the GTM
 * API and hand-made files write them in camelCase (`template`, `tagReference`), so both count.
 */
export function hasParameterType(parameter: GtmParameter | undefined, type: string): boolean {
  const actual = parameter?.type;
  if (typeof actual !== 'string') return false;
  return actual.replace(/_/g, '').toLowerCase() === type.replace(/_/g, '').toLowerCase();
}

/** A BOOLEAN parameter's value, tolerating `"true"`, `true` and `"false"`; `fallback` when absent. */
export function parameterFlag(parameters: unknown, key: string, fallback: boolean): boolean {
  const value: unknown = findParameter(parameters, key)?.value;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return fallback;
}
