/* eslint-disable no-sparse-arrays -- sparse arrays are the point of several cases here */
import { describe, expect, it } from 'vitest';
import { mergeIntoModel } from '../../shared/datalayer/merge-into-model.js';
import { mergeRecursive, type MergeContainer } from '../../shared/datalayer/merge-recursive.js';
import { serialiseValue } from '../../shared/datalayer/serialise-value.js';
import { FakeAnchor } from './real-captures.js';

const fakeWindow: Record<string, unknown> = { location: 'https://example.com/' };
fakeWindow['window'] = fakeWindow;
const fakeDocument = { nodeType: 9, nodeName: '#document' };
const fakeNode = new FakeAnchor('first', '', '/', '');
const date = new Date(0);
const regexp = /.*/;
const fn = function () {};

function merged(from: MergeContainer, to: MergeContainer): MergeContainer {
  const before = serialiseValue(from);
  mergeRecursive(from, to, '', { warnings: [], sharesContainers: false });
  // The merge never changes what was pushed.
  expect(serialiseValue(from)).toEqual(before);
  return to;
}

// Ported from data-layer-helper test/merge_test.js (assertMerge(from, to, expected)).
const mergeMatrix: Array<[string, MergeContainer, MergeContainer, MergeContainer]> = [
  ['an array replaces a missing key', { a: [] }, {}, { a: [] }],
  ['an array replaces a number', { a: [] }, { a: 1 }, { a: [] }],
  ['an array leaves other keys', { a: [] }, { b: 2 }, { a: [], b: 2 }],
  ['an array with items replaces a number', { a: [1, 2] }, { a: 1, b: 2 }, { a: [1, 2], b: 2 }],
  [
    'two arrays replace two numbers',
    { a: [], b: [] },
    { a: 1, b: 2, c: 3 },
    { a: [], b: [], c: 3 },
  ],
  ['an empty array onto an empty array', { a: [] }, { a: [] }, { a: [] }],
  ['an empty array changes nothing', { a: [] }, { a: [1] }, { a: [1] }],
  [
    'an empty array keeps explicit undefined',
    { a: [] },
    { a: [undefined, 2] },
    { a: [undefined, 2] },
  ],
  ['index 0 overwrites an undefined slot', { a: [1] }, { a: [undefined, 2] }, { a: [1, 2] }],
  ['arrays merge by index', { a: [1, 2] }, { a: [undefined, 2] }, { a: [1, 2] }],
  ['a short array leaves the tail', { a: [1, 2, 3] }, { a: [undefined, 2] }, { a: [1, 2, 3] }],
  ['every index overwrites', { a: [1, 3, 3] }, { a: [undefined, 2] }, { a: [1, 3, 3] }],
  ['an empty array keeps three items', { a: [1, 2, 3] }, { a: [] }, { a: [1, 2, 3] }],
  ['an object replaces a number', { a: {} }, { a: 1, b: 2 }, { a: {}, b: 2 }],
  ['an object with keys replaces a number', { a: { x: 1, y: 2 } }, { a: 1 }, { a: { x: 1, y: 2 } }],
  [
    'two objects replace two numbers',
    { a: {}, b: {} },
    { a: 1, b: 2, c: 3 },
    { a: {}, b: {}, c: 3 },
  ],
  ['an empty object changes nothing', {}, { a: [1, 2] }, { a: [1, 2] }],
  ['an empty object keeps nested data', {}, { a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } }],
  [
    'deep objects merge key by key',
    { a: { b: { c: 3 } } },
    { a: { b: { d: 4 }, c: { d: 5 } } },
    { a: { b: { c: 3, d: 4 }, c: { d: 5 } } },
  ],
  [
    'deep objects merge the other way round',
    { a: { b: { d: 4 }, c: { d: 5 } } },
    { a: { b: { c: 3 } } },
    { a: { b: { c: 3, d: 4 }, c: { d: 5 } } },
  ],
  [
    'arrays of objects merge element-wise (D22)',
    { a: [{ b: 2, c: 3 }] },
    {
      a: [
        { b: 3, c: 4, d: 5 },
        { b: 6, c: 7 },
      ],
    },
    {
      a: [
        { b: 2, c: 3, d: 5 },
        { b: 6, c: 7 },
      ],
    },
  ],
  [
    'mixed nesting and null',
    { a: { b: [1, 2, 3] }, c: [4, 5], d: null },
    { a: { c: [1, 2, 3] }, d: [1, 2] },
    { a: { b: [1, 2, 3], c: [1, 2, 3] }, c: [4, 5], d: null },
  ],
  [
    'eight levels of arrays',
    { a: [[[[[[[[1]]]]]]]] },
    { a: [[[[[[[[2, 3]]]]]]]] },
    { a: [[[[[[[[1, 3]]]]]]]] },
  ],
  ['array onto array: empty', [], [], []],
  ['array onto array: one onto none', [1], [], [1]],
  ['array onto array: one onto two', [1], [2, 2], [1, 2]],
  ['array onto array: two onto three', [1, 2], [2, 3, 4], [1, 2, 4]],
  [
    'arrays of arrays onto booleans',
    [
      [1, 2],
      [3, 4],
    ],
    [true, false],
    [
      [1, 2],
      [3, 4],
    ],
  ],
  [
    'arrays of arrays merge inside',
    [
      [1, 2],
      [3, 4],
    ],
    [[1, 2, 3], [4]],
    [
      [1, 2, 3],
      [3, 4],
    ],
  ],
  [
    'arrays of arrays keep tails',
    [
      [1, 2],
      [3, 4],
    ],
    [
      [5, 5, 5],
      [5, 5, 5],
    ],
    [
      [1, 2, 5],
      [3, 4, 5],
    ],
  ],
  [
    'sparse onto sparse fills only set slots',
    [, , 3, 4, , , 7],
    [, 2, , 5, 5],
    [, 2, 3, 4, 5, , 7],
  ],
  [
    'explicit undefined slots overwrite',
    [undefined, undefined, 3, 4, undefined, undefined, 7],
    [undefined, 2, undefined, 5, 5],
    [undefined, undefined, 3, 4, undefined, undefined, 7],
  ],
  ['README: a hole keeps index 0', [, 2], [1], [1, 2]],
  ['README: undefined overwrites index 0', [undefined, 2], [1], [undefined, 2]],
  [
    'README: a hole keeps 1 and merges the object',
    [, { two: 4, six: 8 }],
    [1, { two: 3 }],
    [1, { two: 4, six: 8 }],
  ],
];

// Values the helper puts in the "other" column: they overwrite and are never merged into.
const others: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['0', 0],
  ['-1', -1],
  ['0.01', 0.01],
  ['an empty string', ''],
  ['a dotted string', 'with.dots'],
  ['NaN', Number.NaN],
  ['a Date', date],
  ['a RegExp', regexp],
  ['a function', fn],
  ['a window', fakeWindow],
  ['a document', fakeDocument],
  ['a DOM node', fakeNode],
];

describe('mergeRecursive (data-layer-helper merge_test, ported)', () => {
  it.each(mergeMatrix.map(([name, from, to, expected]) => ({ name, from, to, expected })))(
    '$name',
    ({ from, to, expected }) => {
      expect(merged(from, to)).toStrictEqual(expected);
    },
  );

  it.each(others.map(([name, value]) => ({ name, value })))(
    'stores $name under a new key, and over an array, an object or another value',
    ({ value }) => {
      for (const existing of [{}, { a: [1] }, { a: { x: 1 } }, { a: 'brian' }, { a: fakeWindow }]) {
        const to = merged({ a: value }, { ...existing } as MergeContainer) as { a: unknown };
        expect(Object.is(to.a, value)).toBe(true);
      }
    },
  );

  it('copies containers into the model instead of storing the pushed ones', () => {
    const pushed = { list: [{ id: 1 }], object: { x: { y: 1 } } };
    const to = merged(pushed, {}) as typeof pushed;
    expect(to).toEqual(pushed);
    expect(to.list).not.toBe(pushed.list);
    expect(to.list[0]).not.toBe(pushed.list[0]);
    expect(to.object.x).not.toBe(pushed.object.x);
  });

  it('stores non-plain values by reference', () => {
    const to = merged({ when: date, element: fakeNode, callback: fn }, {}) as Record<
      string,
      unknown
    >;
    expect(to['when']).toBe(date);
    expect(to['element']).toBe(fakeNode);
    expect(to['callback']).toBe(fn);
  });
});

describe('mergeIntoModel', () => {
  it.each([
    ['a dotted key nests', [{ 'a.b.c': 1 }], { a: { b: { c: 1 } } }],
    ['a later plain key wins over an earlier dotted one', [{ 'a.b': 1, a: 2 }], { a: 2 }],
    [
      'a later dotted key merges into an earlier plain value',
      [{ a: 2, 'a.b': 1 }],
      { a: { b: 1 } },
    ],
    ['dots inside nested keys stay literal', [{ a: { 'b.c': 1 } }], { a: { 'b.c': 1 } }],
    ['an empty segment is a real key', [{ 'a..b': 2 }], { a: { '': { b: 2 } } }],
    ['an empty key is a real key', [{ '': 'empty' }], { '': 'empty' }],
    [
      'a dotted key replaces an array with an object',
      [{ a: [1, 2] }, { 'a.0': 5 }],
      { a: { 0: 5 } },
    ],
    [
      'gtm.* keys land under gtm (D1)',
      [{ 'gtm.start': 1639524976560, event: 'gtm.js' }],
      { gtm: { start: 1639524976560 }, event: 'gtm.js' },
    ],
    [
      'primitives overwrite, falsy ones too',
      [
        { a: 1, b: 'x', c: true, d: 5 },
        { a: 0, b: '', c: false, d: null },
      ],
      { a: 0, b: '', c: false, d: null },
    ],
    ['explicit undefined overwrites', [{ a: 1 }, { a: undefined }], { a: undefined }],
    ['pushing an empty object changes nothing', [{ a: { x: 1 } }, {}], { a: { x: 1 } }],
  ])('%s', (_name, messages, expected) => {
    const model = {};
    for (const message of messages) mergeIntoModel(model, message);
    expect(model).toStrictEqual(expected);
  });

  it('reports the top-level keys it touched, dotted keys by their first segment', () => {
    expect(mergeIntoModel({}, { 'gtm.start': 1, event: 'x', 'a.b.c': 2 }).touchedKeys).toEqual([
      'gtm',
      'event',
      'a',
    ]);
  });

  it.each([
    ['{"__proto__": {"polluted": 1}}', '__proto__'],
    ['{"constructor": {"prototype": {"polluted": 1}}}', 'constructor'],
    ['{"prototype": {"polluted": 1}}', 'prototype'],
    ['{"a.__proto__.polluted": 1}', 'a.__proto__.polluted'],
    ['{"constructor.prototype.polluted": 1}', 'constructor.prototype.polluted'],
    ['{"a": {"__proto__": {"polluted": 1}}}', 'a.__proto__'],
    ['{"a": [{"constructor": {"prototype": {"polluted": 1}}}]}', 'a.0.constructor'],
  ])('skips the unsafe key in %s with a warning and pollutes nothing', (json, key) => {
    const model: Record<string, unknown> = {};
    const report = mergeIntoModel(model, JSON.parse(json) as Record<string, unknown>);

    expect(report.warnings).toMatchObject([{ code: 'unsafe_key_skipped', key }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(model)).toBe(Object.prototype);
    expect(JSON.stringify(model)).not.toContain('polluted');
  });
});
