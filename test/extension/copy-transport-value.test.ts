import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialiseValue } from '../../shared/datalayer/serialise-value.js';
import { copyTransportValue } from '../../extension/src/page/copy-transport-value.js';
import {
  D1_SNIPPET_PUSH,
  D10_VIDEO_START,
  D5_VIEW_ITEM,
  d21LinkClick,
  FakeAnchor,
  gtag,
} from '../datalayer/real-captures.js';

/** Both forms and both texts: JSON key order is part of what the background receives. */
function expectSameAsCore(value: unknown): void {
  const copy = copyTransportValue(value);
  expect(copy).toEqual(serialiseValue(value));
  expect(JSON.stringify(copy)).toBe(JSON.stringify(serialiseValue(value)));
}

class Basket {
  items = [1, 2];
}

const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
})();

const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic['again'] = [cyclic, { back: cyclic }];
const shared = { x: 1 };
let deep: unknown = 'bottom';
for (let level = 0; level < 150; level += 1) deep = { deep };
const sparseFar: unknown[] = [];
sparseFar[1_000_000_000] = 'far';

describe('copying a push into the transport form in the page', () => {
  it.each([
    ['the GTM snippet push (D1)', D1_SNIPPET_PUSH],
    ['a view_item push (D5)', D5_VIEW_ITEM],
    ['an event_data push (D10)', D10_VIDEO_START],
    ['a link click with its element (D21)', d21LinkClick(new FakeAnchor('buy', 'btn', '/', ''))],
    ['a gtag call', gtag('event', 'purchase', { value: 72.05, when: new Date(0) })],
    ['a consent command', gtag('consent', 'update', { ad_storage: 'granted' })],
    ['values JSON cannot carry', [undefined, Number.NaN, -Infinity, 10n, Symbol('s'), () => 1]],
    ['boxed primitives', [Object('text'), Object(5), Object(Number.NaN), Object(false)]],
    ['dates, valid or not', { at: new Date('2025-11-10T07:21:33.896Z'), bad: new Date('x') }],
    ['a RegExp and a Map', { pattern: /a+/g, map: new Map([[1, 2]]) }],
    ['a class instance', { basket: new Basket() }],
    ['an object with inherited keys', Object.create({ inherited: 1 }) as object],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
    ['an object from another frame', runInNewContext('({ a: [1, { b: 2 }] })') as object],
    ['integer-like keys, listed first', { b: 1, 10: 'ten', a: 2, 2: 'two', '-1': 'minus' }],
    ['a "__proto__" key', JSON.parse('{"__proto__": {"polluted": 1}}') as object],
    ['a cycle', cyclic],
    ['a branch shared twice', { a: shared, b: [shared] }],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['a huge sparse array, cut at the size limit', sparseFar],
    ['nesting past the depth limit', deep],
    ['a revoked proxy, alone and nested', { revoked, list: [revoked], fine: 1 }],
    ['a node-like object', { nodeType: 1, localName: 'div', id: 'x', className: 'a b' }],
  ])('gives the core’s form for %s', (_name, value) => {
    expectSameAsCore(value);
  });

  it('summarises a throwing getter in place, as the core does, reading it once', () => {
    let reads = 0;
    const tricky = {
      get boom(): never {
        reads += 1;
        throw new Error('no');
      },
      get counted(): number {
        reads += 1;
        return reads;
      },
      fine: 1,
    };
    expect(copyTransportValue(tricky)).toEqual({
      boom: { $unclonable: 'getter threw: Error: no' },
      counted: 2,
      fine: 1,
    });
    expect(reads).toBe(2);
  });

  it('agrees with the core while the page has polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['polluted'] = true;
    try {
      expectSameAsCore({ event: 'purchase', items: [{ id: 1 }] });
    } finally {
      delete prototype['polluted'];
    }
  });

  it('agrees with the core on arbitrary values, never throws and leaves Object.prototype clean', () => {
    // Revoked proxies stay in the table above: fast-check inspects every generated value.
    const makers: Record<string, () => unknown> = {
      undefined: () => undefined,
      nan: () => Number.NaN,
      infinity: () => Infinity,
      minusZero: () => -0,
      symbol: () => Symbol('s'),
      function: () => function named() {},
      date: () => new Date(0),
      gtag: () => gtag('js', new Date(0)),
      node: () => new FakeAnchor('a', 'b c', '/', ''),
      instance: () => new Basket(),
    };
    const special = fc.constantFrom(...Object.keys(makers)).map((name) => makers[name]?.());
    const values = fc.anything({
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      values: [fc.anything(), special],
    });
    fc.assert(
      fc.property(values, (value) => {
        expect(JSON.stringify(copyTransportValue(value))).toBe(
          JSON.stringify(serialiseValue(value)),
        );
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
