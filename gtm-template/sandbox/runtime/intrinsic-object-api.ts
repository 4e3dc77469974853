import { toPropertyKey } from '../interpreter/conversions.js';
import type { Machine } from '../interpreter/machine.js';
import {
  createRecord,
  isRecord,
  NativeFunction,
  type SandboxRecord,
  type SandboxValue,
} from '../interpreter/sandbox-values.js';

/**
 * `require('Object')` served inside the sandbox. `Object.delete` and `Object.freeze` act on the
 * very object the template holds, which a copy made at the boundary could not do; keys, values
 * and entries read own enumerable properties in insertion order.
 */
export function createObjectApi(machine: Machine): SandboxRecord {
  const api = createRecord();
  const keysOf = (value: SandboxValue): string[] =>
    Array.isArray(value) || isRecord(value) ? Object.keys(value) : [];
  const read = (value: SandboxValue, key: string): SandboxValue =>
    (value as Record<string, SandboxValue>)[key];

  api.keys = new NativeFunction('keys', ([value]) => keysOf(value));
  api.values = new NativeFunction('values', ([value]) =>
    keysOf(value).map((key) => read(value, key)),
  );
  api.entries = new NativeFunction('entries', ([value]) =>
    keysOf(value).map((key): SandboxValue[] => [key, read(value, key)]),
  );
  api.freeze = new NativeFunction('freeze', ([value]) => {
    if (Array.isArray(value) || isRecord(value)) Object.freeze(value);
    return value;
  });
  api.delete = new NativeFunction('delete', ([value, key]) => {
    if (!(Array.isArray(value) || isRecord(value)) || Object.isFrozen(value)) return false;
    machine.charge(1);
    return Reflect.deleteProperty(value, toPropertyKey(key));
  });
  return api;
}
