import { callMethod, intrinsics, weakGet, weakSet, type AnyFunction } from './page-intrinsics.js';

export interface FunctionMask {
  /**
   * Makes `wrapper` look like the function it stands for: `Function.prototype.toString`
   * prints the original's source (`function fetch() { [native code] }`), and `name` and
   * `length` match.
   */
  disguise(wrapper: AnyFunction, original: AnyFunction): void;
  /** The same, for a wrapper whose original changes (a dataLayer's replaced `push`). */
  disguiseAsCurrent(wrapper: AnyFunction, currentOriginal: () => unknown): void;
}

/**
 * Installs one replacement of `Function.prototype.toString` in `scope` that answers for
 * every disguised wrapper, and for itself, with the original's text. Everything else goes to
 * the built-in unchanged, including its TypeError for a `this` that is not a function.
 */
export function createFunctionMask(scope: typeof globalThis): FunctionMask {
  const functionPrototype = scope.Function.prototype;
  const nativeToString = functionPrototype.toString;
  const originals = new WeakMap<object, () => unknown>();

  const toString = {
    toString(this: unknown): string {
      const resolve =
        typeof this === 'function' ? weakGet(originals, this as AnyFunction) : undefined;
      const original = resolve?.();
      const target = typeof original === 'function' ? original : this;
      return callMethod<string>(nativeToString, target);
    },
  }.toString;
  weakSet(originals, toString, () => nativeToString);
  copyShape(toString, nativeToString);
  replaceMethod(functionPrototype, 'toString', toString);

  return {
    disguise(wrapper, original) {
      weakSet(originals, wrapper, () => original);
      copyShape(wrapper, original);
    },
    disguiseAsCurrent(wrapper, currentOriginal) {
      weakSet(originals, wrapper, currentOriginal);
      const current = currentOriginal();
      if (typeof current === 'function') copyShape(wrapper, current as AnyFunction);
    },
  };
}

function copyShape(wrapper: AnyFunction, original: AnyFunction): void {
  try {
    intrinsics.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
    intrinsics.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  } catch {
    // A frozen wrapper keeps its own name; only its printed text matters to pages.
  }
}

/** Replaces a method keeping the property's attributes, as if it had always been there. */
export function replaceMethod(target: object, key: string, replacement: AnyFunction): boolean {
  try {
    const descriptor = intrinsics.getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined || !('value' in descriptor)) return false;
    intrinsics.defineProperty(target, key, { ...descriptor, value: replacement });
    return true;
  } catch {
    return false;
  }
}
