import type { FunctionMask } from './create-function-mask.js';
import { intrinsics, type AnyFunction } from './page-intrinsics.js';

/**
 * Replaces the setter of an accessor property on a prototype (an element's `src`), keeping
 * its getter and attributes, and disguises the new setter as the old one. `afterSet` runs
 * after the browser's setter returned, with the element; what it throws is swallowed.
 */
export function replaceSetter(
  prototype: object | undefined,
  key: string,
  mask: FunctionMask,
  afterSet: (element: object, getter: AnyFunction) => void,
): void {
  if (prototype === undefined) return;
  const descriptor = intrinsics.getOwnPropertyDescriptor(prototype, key);
  const nativeSet = descriptor?.set;
  const nativeGet = descriptor?.get;
  if (descriptor === undefined || nativeSet === undefined || nativeGet === undefined) return;

  const set = intrinsics.getOwnPropertyDescriptor(
    {
      set [key](value: unknown) {
        intrinsics.apply(nativeSet, this, [value]);
        try {
          afterSet(this as object, nativeGet);
        } catch {
          // The page's assignment happened; only its capture failed.
        }
      },
    },
    key,
  )?.set as AnyFunction;
  mask.disguise(set, nativeSet);
  intrinsics.defineProperty(prototype, key, { ...descriptor, set });
}
