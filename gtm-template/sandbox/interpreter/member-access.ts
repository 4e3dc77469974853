import type { Node } from 'acorn';
import { arrayMethods } from './array-methods.js';
import { arrayIndex, toStringValue } from './conversions.js';
import type { Machine } from './machine.js';
import {
  createRecord,
  NativeFunction,
  OpaqueHandle,
  SandboxCallable,
  type SandboxRecord,
  type SandboxValue,
} from './sandbox-values.js';
import { stringMethods, type Method } from './string-methods.js';

/**
 * Reads `object[key]` with the sandbox's rules: own properties only, then the allow-listed
 * methods of the value's type (reference §2.4). No name reaches a prototype, so `constructor`,
 * `__proto__` and `toString.constructor` read as undefined.
 */
export function getMember(
  machine: Machine,
  object: SandboxValue,
  key: string,
  node?: Node,
): SandboxValue {
  if (object === null || object === undefined) {
    throw machine.error('type', `cannot read property '${key}' of ${String(object)}`, node);
  }
  if (typeof object === 'string') return getStringMember(machine, object, key);
  if (typeof object === 'number' || typeof object === 'boolean') {
    return key === 'toString' ? boundMethod(machine, key, object, primitiveToString) : undefined;
  }
  if (Array.isArray(object)) return getArrayMember(machine, object, key);
  if (object instanceof SandboxCallable) return getFunctionMember(machine, object, key);
  if (object instanceof OpaqueHandle) return undefined;
  return getRecordMember(machine, object, key);
}

function getStringMember(machine: Machine, text: string, key: string): SandboxValue {
  if (key === 'length') return text.length;
  const index = arrayIndex(key);
  if (index !== undefined) return index < text.length ? text.charAt(index) : undefined;
  const method = stringMethods.get(key);
  return method === undefined ? undefined : boundMethod(machine, key, text, method);
}

function getArrayMember(machine: Machine, array: SandboxValue[], key: string): SandboxValue {
  if (Object.hasOwn(array, key)) return array[key as unknown as number];
  const method = arrayMethods.get(key);
  return method === undefined ? undefined : boundMethod(machine, key, array, method);
}

function getFunctionMember(machine: Machine, callable: SandboxCallable, key: string): SandboxValue {
  const properties = callable.properties;
  if (properties !== undefined && key in properties) return properties[key];
  return key === 'toString' ? boundMethod(machine, key, callable, objectToString) : undefined;
}

function getRecordMember(machine: Machine, record: SandboxRecord, key: string): SandboxValue {
  if (key in record) return record[key];
  if (key === 'hasOwnProperty') return boundMethod(machine, key, record, recordHasOwn);
  if (key === 'toString') return boundMethod(machine, key, record, objectToString);
  return undefined;
}

function boundMethod<Receiver>(
  machine: Machine,
  name: string,
  receiver: Receiver,
  method: Method<Receiver>,
): NativeFunction {
  return new NativeFunction(name, (args) => method(machine, receiver, args));
}

const primitiveToString: Method<number | boolean> = (machine, value, args) => {
  if (typeof value === 'number' && args[0] !== undefined) {
    try {
      return value.toString(Number(args[0]));
    } catch {
      throw machine.error('range', 'toString() radix must be between 2 and 36');
    }
  }
  return String(value);
};

const objectToString: Method<SandboxValue> = (_machine, value) => toStringValue(value);

const recordHasOwn: Method<SandboxRecord> = (_machine, record, args) =>
  Object.hasOwn(record, toStringValue(args[0]));

/**
 * Writes `object[key] = value`. Sandbox objects have no prototype, so `__proto__` is an ordinary
 * key; on arrays, non-index keys are defined, never assigned, so no host setter can run.
 */
export function setMember(
  machine: Machine,
  object: SandboxValue,
  key: string,
  value: SandboxValue,
  node?: Node,
): void {
  if (object === null || object === undefined) {
    throw machine.error('type', `cannot set property '${key}' of ${String(object)}`, node);
  }
  if (typeof object !== 'object' || object instanceof OpaqueHandle) return;
  if (Object.isFrozen(object)) return;
  if (Array.isArray(object)) return setArrayMember(machine, object, key, value);
  if (object instanceof SandboxCallable) {
    object.properties ??= createRecord();
    object.properties[key] = value;
    return;
  }
  object[key] = value;
}

function setArrayMember(
  machine: Machine,
  array: SandboxValue[],
  key: string,
  value: SandboxValue,
): void {
  const index = arrayIndex(key);
  if (index !== undefined) {
    machine.checkArrayLength(index + 1);
    array[index] = value;
    return;
  }
  if (key === 'length') {
    const length = Number(value);
    if (!Number.isInteger(length) || length < 0)
      throw machine.error('range', 'invalid array length');
    machine.checkArrayLength(length);
    array.length = length;
    return;
  }
  Object.defineProperty(array, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
