import type { PermissionEntry } from '../contract.js';
import { decodeTypedValue } from './decode-typed-value.js';

/** The decoded `param` list of one permission entry, read by key with a type each. */
export interface PermissionParams {
  /** True when the entry carries the param at all. */
  has(key: string): boolean;
  /** A string param, or undefined when absent or of another type. */
  text(key: string): string | undefined;
  /** A boolean param; absent counts as false, as GTM's editor leaves unticked boxes out. */
  flag(key: string): boolean;
  /** A list param's string items. */
  strings(key: string): string[];
  /** A list param's map items (e.g. `keys` of access_globals), as prototype-free records. */
  records(key: string): Array<Record<string, unknown>>;
}

/** Decodes the params of one permission entry once, for the rule that checks it. */
export function readPermissionParams(entry: PermissionEntry): PermissionParams {
  const values = new Map<string, unknown>();
  const params = Array.isArray(entry.instance?.param) ? entry.instance.param : [];
  for (const param of params) {
    if (typeof param?.key === 'string') values.set(param.key, decodeTypedValue(param.value));
  }
  const list = (key: string): unknown[] => {
    const value = values.get(key);
    return Array.isArray(value) ? value : [];
  };
  return {
    has: (key) => values.has(key),
    text: (key) => {
      const value = values.get(key);
      return typeof value === 'string' ? value : undefined;
    },
    flag: (key) => values.get(key) === true,
    strings: (key) => list(key).filter((item): item is string => typeof item === 'string'),
    records: (key) =>
      list(key).filter(
        (item): item is Record<string, unknown> =>
          item !== null && typeof item === 'object' && !Array.isArray(item),
      ),
  };
}
