import { describe, expect, it } from 'vitest';
import type { FunctionMask } from '../../extension/src/page/create-function-mask.js';
import { hookPushChain } from '../../extension/src/page/hook-push-chain.js';

const noMask: FunctionMask = { disguise: () => undefined, disguiseAsCurrent: () => undefined };

function hooked(array: unknown[] = []) {
  const reported: unknown[] = [];
  const threw: unknown[] = [];
  const isHooked = hookPushChain(array, noMask, (items) => {
    reported.push(...items);
    return (error) => threw.push(error);
  });
  return { array, reported, threw, isHooked };
}

/** What GTM does: keep the push it found, call it, then process (which may push again). */
function installGtmLike(array: unknown[], onMessage: (message: unknown) => void) {
  const previous = array.push;
  array.push = function (...items: unknown[]) {
    const result = previous.apply(array, items);
    items.forEach(onMessage);
    return result;
  };
}

describe('hooking a dataLayer push chain', () => {
  it('reports each push once and returns what the native push returns', () => {
    const { array, reported } = hooked();
    expect(array.push({ event: 'a' }, { event: 'b' })).toBe(2);
    expect(reported).toEqual([{ event: 'a' }, { event: 'b' }]);
    expect([...array]).toEqual([{ event: 'a' }, { event: 'b' }]);
  });

  it('reports once through a chain of replacements, calling each exactly once', () => {
    const { array, reported } = hooked();
    const calls: string[] = [];
    installGtmLike(array, () => calls.push('gtm'));
    const gtmPush = array.push;
    array.push = function (...items: unknown[]) {
      calls.push('page');
      return gtmPush.apply(this, items);
    };
    array.push({ event: 'x' });
    expect(calls).toEqual(['page', 'gtm']);
    expect(reported).toEqual([{ event: 'x' }]);
    expect([...array]).toEqual([{ event: 'x' }]);
  });

  it('treats a push made while GTM processes a message as a new push through the whole chain', () => {
    const { array, reported } = hooked();
    const processed: unknown[] = [];
    installGtmLike(array, (message) => {
      processed.push(message);
      if ((message as { followUp?: boolean }).followUp) array.push({ event: 'follow-up' });
    });
    array.push({ event: 'first', followUp: true });
    expect(reported).toEqual([{ event: 'first', followUp: true }, { event: 'follow-up' }]);
    expect(processed).toEqual(reported);
    expect(array).toHaveLength(2);
  });

  it('lets a replacement that calls down once per item do so without reporting twice', () => {
    const { array, reported } = hooked();
    const previous = array.push;
    array.push = function (...items: unknown[]) {
      let length = 0;
      for (const item of items) length = previous.call(this, item);
      return length;
    };
    expect(array.push({ a: 1 }, { b: 2 })).toBe(2);
    expect(reported).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("passes the page's own exception through unchanged and notes it on the record", () => {
    const { array, threw } = hooked();
    const error = new Error('broken push');
    array.push = () => {
      throw error;
    };
    expect(() => array.push({ event: 'x' })).toThrow(error);
    expect(threw).toEqual([error]);
  });

  it('keeps `this` as the caller gave it', () => {
    const { array } = hooked();
    const seen: unknown[] = [];
    array.push = function (this: unknown) {
      seen.push(this);
      return 0;
    };
    const other = {};
    array.push.call(other, 1);
    expect(seen[0]).toBe(other);
  });

  it('refuses frozen arrays and arrays whose push is a getter, leaving them as they were', () => {
    expect(hooked(Object.freeze([]) as unknown as unknown[]).isHooked).toBe(false);
    const trap: unknown[] = [];
    Object.defineProperty(trap, 'push', { get: () => 'trap', configurable: true });
    expect(hooked(trap).isHooked).toBe(false);
    expect(trap.push).toBe('trap');
  });

  it('makes an assigned push enumerable, as a plain assignment would', () => {
    const { array } = hooked();
    expect(Object.keys(array)).toEqual([]);
    array.push = function () {
      return 0;
    };
    expect(Object.keys(array)).toEqual(['push']);
  });
});
