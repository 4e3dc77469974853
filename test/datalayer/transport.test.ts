import { describe, expect, it } from 'vitest';
import { OpaqueValue } from '../../shared/datalayer/opaque-value.js';
import { reviveTransportValue } from '../../shared/datalayer/revive-transport-value.js';
import { serialiseValue } from '../../shared/datalayer/serialise-value.js';
import { valueTypeName } from '../../shared/datalayer/value-type-name.js';
import { FakeAnchor, gtag } from './real-captures.js';

describe('reviveTransportValue', () => {
  it('turns $arguments into a real Arguments object with revived contents', () => {
    const { value, warnings } = reviveTransportValue({
      $arguments: [
        'event',
        'purchase',
        { value: { $undefined: true }, at: { $date: '2025-01-02T03:04:05.000Z' } },
      ],
    });

    expect(valueTypeName(value)).toBe('arguments');
    const [command, name, params] = Array.from(value as IArguments) as [
      string,
      string,
      Record<string, unknown>,
    ];
    expect([command, name]).toEqual(['event', 'purchase']);
    expect(Object.hasOwn(params, 'value')).toBe(true);
    expect(params['value']).toBeUndefined();
    expect(params['at']).toEqual(new Date('2025-01-02T03:04:05.000Z'));
    expect(warnings).toEqual([]);
  });

  it('keeps an explicit undefined as an own key, so it can overwrite', () => {
    const { value } = reviveTransportValue({ variant: { $undefined: true } });
    expect(Object.keys(value as object)).toEqual(['variant']);
  });

  it('turns $hole into an empty slot that keeps the array length', () => {
    const { value } = reviveTransportValue([{ $hole: true }, 2, { $hole: true }]);
    const array = value as unknown[];
    expect(array.length).toBe(3);
    expect(0 in array).toBe(false);
    expect(array[1]).toBe(2);
  });

  it('drops a key whose value is $hole and reads a top-level $hole as undefined', () => {
    expect(reviveTransportValue({ a: { $hole: true }, b: 1 }).value).toEqual({ b: 1 });
    expect(reviveTransportValue({ $hole: true }).value).toBeUndefined();
  });

  it.each([
    [{ $number: 'NaN' }, Number.NaN],
    [{ $number: 'Infinity' }, Number.POSITIVE_INFINITY],
    [{ $number: '-Infinity' }, Number.NEGATIVE_INFINITY],
    [{ $bigint: '12345678901234567890' }, 12345678901234567890n],
  ])('revives %o to the number it stands for', (marker, expected) => {
    expect(reviveTransportValue(marker).value).toStrictEqual(expected);
  });

  it.each([[{ $function: 'eventCallback' }], [{ $node: 'a#buy.btn' }], [{ $unclonable: 'cycle' }]])(
    'keeps %o as an opaque stand-in that is stored by reference',
    (marker) => {
      const { value } = reviveTransportValue(marker);
      expect(value).toBeInstanceOf(OpaqueValue);
      expect((value as OpaqueValue).marker).toEqual(marker);
    },
  );

  it('warns about a $date that is not a date and keeps an invalid Date', () => {
    const { value, warnings } = reviveTransportValue({ when: { $date: 'soon' } });
    expect(Number.isNaN((value as { when: Date }).when.getTime())).toBe(true);
    expect(warnings.map((warning) => [warning.code, warning.key])).toEqual([
      ['transport_marker_invalid', 'when'],
    ]);
  });

  it('warns about a $number that is not special and keeps it as data', () => {
    const { value, warnings } = reviveTransportValue({ $number: '12' });
    expect(value).toEqual({ $number: '12' });
    expect(warnings[0]?.code).toBe('transport_marker_invalid');
  });

  it('leaves look-alike markers as plain data', () => {
    const lookAlikes = { a: { $arguments: 'x' }, b: { $undefined: true, c: 1 }, d: ['$date', 'x'] };
    expect(reviveTransportValue(lookAlikes).value).toEqual(lookAlikes);
  });

  it('copies plain containers but keeps Dates, DOM nodes and functions by reference', () => {
    const date = new Date(0);
    const anchor = new FakeAnchor('buy', 'btn', '/cart', '');
    const callback = () => undefined;
    const source = { list: [1], nested: { date, anchor, callback } };
    const revived = reviveTransportValue(source).value as typeof source;

    expect(revived).not.toBe(source);
    expect(revived.list).not.toBe(source.list);
    expect(revived.nested.date).toBe(date);
    expect(revived.nested.anchor).toBe(anchor);
    expect(revived.nested.callback).toBe(callback);
  });

  it('keeps a JSON "__proto__" key as data without changing any prototype', () => {
    const { value } = reviveTransportValue(JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('replaces a cycle by an $unclonable stand-in and warns', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    const { value, warnings } = reviveTransportValue(loop);
    expect(serialiseValue(value)).toEqual({ name: 'loop', self: { $unclonable: 'cycle' } });
    expect(warnings.map((warning) => [warning.code, warning.key])).toEqual([
      ['transport_cycle', 'self'],
    ]);
  });

  it('cuts nesting past the depth limit and warns', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 500; level += 1) deep = [deep];
    const { warnings } = reviveTransportValue(deep);
    expect(warnings.map((warning) => warning.code)).toEqual(['transport_too_deep']);
  });
});

describe('serialiseValue', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['undefined', undefined, { $undefined: true }],
    ['a function by name', function eventCallback() {}, { $function: 'eventCallback' }],
    [
      'an anonymous arrow',
      (
        () => () =>
          1
      )(),
      { $function: '' },
    ],
    ['a Date', new Date('2025-11-10T07:21:33.896Z'), { $date: '2025-11-10T07:21:33.896Z' }],
    ['an invalid Date', new Date('x'), { $date: 'Invalid Date' }],
    ['NaN (D16)', Number.NaN, { $number: 'NaN' }],
    ['Infinity', Number.POSITIVE_INFINITY, { $number: 'Infinity' }],
    ['a BigInt', 10n, { $bigint: '10' }],
    ['a symbol', Symbol('s'), { $unclonable: 'symbol' }],
    ['a boxed string', Object('text'), 'text'],
    ['a boxed number', Object(5), 5],
    ['a RegExp', /a+/g, { $unclonable: 'RegExp /a+/g' }],
    ['a Map', new Map([[1, 2]]), { $unclonable: 'Map' }],
    ['an Arguments object', gtag('config', 'G-1'), { $arguments: ['config', 'G-1'] }],
    ['a sparse array', [1, , 3], [1, { $hole: true }, 3]], // eslint-disable-line no-sparse-arrays
    ['an array holding undefined', [undefined], [{ $undefined: true }]],
    ['an opaque stand-in', new OpaqueValue({ $node: 'a#x' }), { $node: 'a#x' }],
    [
      'a DOM element as a selector',
      new FakeAnchor('buy-now', 'btn  btn-primary', '/cart', ''),
      { $node: 'a#buy-now.btn.btn-primary' },
    ],
    ['a nested mix', { a: [undefined, { b: null }] }, { a: [{ $undefined: true }, { b: null }] }],
  ];

  it.each(cases.map(([name, value, expected]) => ({ name, value, expected })))(
    'serialises $name',
    ({ value, expected }) => {
      expect(serialiseValue(value)).toEqual(expected);
    },
  );

  it('names a class instance by its tag and constructor', () => {
    class Basket {}
    expect(serialiseValue(new Basket())).toEqual({ $unclonable: 'Object (Basket)' });
  });

  it('summarises a cycle instead of throwing', () => {
    const loop: Record<string, unknown> = {};
    loop['again'] = [loop];
    expect(serialiseValue(loop)).toEqual({ again: [{ $unclonable: 'cycle' }] });
  });

  it('repeats a shared branch that is not a cycle', () => {
    const shared = { x: 1 };
    expect(serialiseValue({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('summarises a throwing getter', () => {
    const tricky = {
      get boom(): never {
        throw new Error('no');
      },
      fine: 1,
    };
    expect(serialiseValue(tricky)).toEqual({
      boom: { $unclonable: 'getter threw: Error: no' },
      fine: 1,
    });
  });

  it('summarises a revoked Proxy, alone or nested', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(serialiseValue(proxy)).toEqual({ $unclonable: expect.stringContaining('unreadable') });
    expect(serialiseValue({ proxy, fine: 1 })).toMatchObject({ fine: 1 });
  });

  it('summarises nesting past the depth limit', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 10_000; level += 1) deep = { deep };
    expect(JSON.stringify(serialiseValue(deep))).toContain('"$unclonable":"depth limit"');
  });

  it('stops walking a huge sparse array at the size limit', () => {
    const sparse: unknown[] = [];
    sparse[1_000_000_000] = 'far';
    const serialised = serialiseValue(sparse) as unknown[];
    expect(serialised.length).toBeLessThan(300_000);
    expect(serialised.at(-1)).toEqual({ $unclonable: 'size limit' });
  });

  it('keeps a "__proto__" key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": 1}}') as object;
    const serialised = serialiseValue(value) as object;
    expect(Object.keys(serialised)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(serialised)).toBe(Object.prototype);
    expect(JSON.stringify(serialised)).toBe('{"__proto__":{"polluted":1}}');
  });
});

describe('transport round trip', () => {
  it.each([
    [{ $arguments: ['consent', 'update', { ad_storage: 'granted' }] }],
    [{ a: { $undefined: true }, b: [1, { $hole: true }, { $number: 'NaN' }] }],
    [{ when: { $date: '2025-11-10T07:21:33.896Z' }, cb: { $function: 'eventCallback' } }],
    [
      {
        el: { $node: 'a#x.y' },
        big: { $bigint: '9007199254740993' },
        gone: { $unclonable: 'cycle' },
      },
    ],
  ])('serialise(revive(x)) gives %o back', (transport) => {
    expect(serialiseValue(reviveTransportValue(transport).value)).toEqual(transport);
  });
});
