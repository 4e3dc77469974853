/**
 * Built-ins read once, when the hook starts at `document_start`, before any page script can
 * replace them. The hook calls these copies, never the page's current globals, so a page that
 * later swaps `JSON.stringify`, `Reflect.apply` or `EventTarget.prototype.dispatchEvent` can
 * neither break the capture nor see its records go by.
 */
export type AnyFunction = (...args: never[]) => unknown;

const weakMapPrototype = WeakMap.prototype;
const weakSetPrototype = WeakSet.prototype;

export const intrinsics = Object.freeze({
  apply: Reflect.apply,
  defineProperty: Object.defineProperty,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  getPrototypeOf: Object.getPrototypeOf,
  keys: Object.keys,
  isExtensible: Object.isExtensible,
  hasOwn: Object.hasOwn,
  now: Date.now,
  stringify: JSON.stringify,
  parse: JSON.parse,
  queueMicrotask: globalThis.queueMicrotask,
  weakMapGet: weakMapPrototype.get,
  weakMapSet: weakMapPrototype.set,
  weakMapHas: weakMapPrototype.has,
  weakSetAdd: weakSetPrototype.add,
  weakSetHas: weakSetPrototype.has,
  weakSetDelete: weakSetPrototype.delete,
  isFrozen: Object.isFrozen,
  arrayPush: Array.prototype.push,
  stringSlice: String.prototype.slice,
  promiseThen: Promise.prototype.then,
});

/** Calls `method` with `target` as `this`, through the captured `Reflect.apply`. */
export function callMethod<Result>(
  method: unknown,
  target: unknown,
  args: ArrayLike<unknown> = [],
): Result {
  return intrinsics.apply(method as AnyFunction, target, args as unknown[]) as Result;
}

export function weakGet<Value>(map: WeakMap<object, Value>, key: object): Value | undefined {
  return callMethod(intrinsics.weakMapGet, map, [key]);
}

export function weakSet<Value>(map: WeakMap<object, Value>, key: object, value: Value): void {
  callMethod(intrinsics.weakMapSet, map, [key, value]);
}

export function appendTo<Item>(list: Item[], item: Item): void {
  callMethod(intrinsics.arrayPush, list, [item]);
}

/** The message of something the page threw, for a record; never throws itself. */
export function describeThrown(error: unknown): string {
  try {
    if (typeof error === 'object' && error !== null) {
      const { name, message } = error as { name?: unknown; message?: unknown };
      if (typeof message === 'string')
        return `${typeof name === 'string' ? name : 'Error'}: ${message}`;
    }
    return typeof error === 'string' ? error : typeof error;
  } catch {
    return 'an error that cannot be read';
  }
}
