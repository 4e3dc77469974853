import type { FunctionMask } from './create-function-mask.js';
import { appendTo, callMethod, intrinsics } from './page-intrinsics.js';

/** Told of one push the page made, before any push function runs; may return a callback for a throw. */
export type PushListener = (items: unknown[]) => ((error: unknown) => void) | undefined;

interface Frame {
  level: number;
  items: unknown[];
  hasCalledDown: boolean;
}

/**
 * Puts an accessor on `array.push` so that every push is reported once and then handed to the
 * page's current push function, with the page's `this`, arguments, return value and
 * exceptions untouched. GTM and gtag replace `push` with a function that calls the one they
 * found, which is this wrapper again: each assigned function is kept in a chain, and a call
 * that comes back in from the function one level up (before it called down, or with the same
 * items) goes one level down instead of recursing (toolchain notes, "Hook design pitfalls").
 * A push made while a push function is still running (GTM processing its queue) is a new push.
 * False when the array cannot carry the accessor (frozen, or its own `push` is a getter).
 */
export function hookPushChain(
  array: unknown[],
  mask: FunctionMask,
  listener: PushListener,
): boolean {
  const descriptor = readOwnPush(array);
  if (descriptor === null) return false;
  if (descriptor !== undefined && (!('value' in descriptor) || !descriptor.configurable))
    return false;

  const chain: unknown[] = [descriptor === undefined ? readInheritedPush(array) : descriptor.value];
  let isEnumerable = descriptor?.enumerable ?? false;
  const frames: Frame[] = [];

  const wrapper = {
    push(this: unknown, ...items: unknown[]): unknown {
      const inner = frames[frames.length - 1];
      const isChainCall = inner !== undefined && inner.level > 0 && isCallDown(inner, items);
      const level = isChainCall ? inner.level - 1 : chain.length - 1;
      if (isChainCall) inner.hasCalledDown = true;
      const onThrow = isChainCall ? undefined : safeListen(listener, items);

      appendTo(frames, { level, items, hasCalledDown: false });
      try {
        return callMethod(chain[level], this, items);
      } catch (error) {
        onThrow?.(error);
        throw error;
      } finally {
        frames.length -= 1;
      }
    },
  }.push;
  mask.disguiseAsCurrent(wrapper, () => chain[chain.length - 1]);

  const define = (enumerable: boolean): void => {
    intrinsics.defineProperty(array, 'push', { get, set, enumerable, configurable: true });
  };
  function get(): unknown {
    const top = chain[chain.length - 1];
    return typeof top === 'function' ? wrapper : top;
  }
  function set(value: unknown): void {
    // Assigning to a frozen array's push does nothing (sloppy mode), and neither does this.
    if (value === wrapper || intrinsics.isFrozen(array)) return;
    appendTo(chain, value);
    if (!isEnumerable) {
      isEnumerable = true;
      define(true);
    }
  }

  try {
    define(isEnumerable);
    return true;
  } catch {
    return false;
  }
}

function isCallDown(inner: Frame, items: unknown[]): boolean {
  if (!inner.hasCalledDown) return true;
  // A replacement that calls down once per item hands down the very objects it was given.
  if (items.length === 0) return false;
  for (let index = 0; index < items.length; index += 1) {
    if (!inner.items.includes(items[index])) return false;
  }
  return true;
}

function safeListen(
  listener: PushListener,
  items: unknown[],
): ((error: unknown) => void) | undefined {
  try {
    return listener(items);
  } catch {
    return undefined;
  }
}

/** The array's own `push` descriptor; undefined when it has none, null when it cannot be read. */
function readOwnPush(array: unknown[]): PropertyDescriptor | undefined | null {
  try {
    return intrinsics.getOwnPropertyDescriptor(array, 'push');
  } catch {
    return null;
  }
}

function readInheritedPush(array: unknown[]): unknown {
  try {
    return array.push;
  } catch {
    return undefined;
  }
}
