import { describe, expect, it } from 'vitest';
import { expandKeyValue } from '../../shared/datalayer/expand-key-value.js';

describe('expandKeyValue (data-layer-helper expandKeyValue_test, ported)', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['a', 1, { a: 1 }],
    ['a', null, { a: null }],
    ['a', undefined, { a: undefined }],
    ['a', ['b', {}, 3], { a: ['b', {}, 3] }],
    ['a', { b: { c: 3, d: 4 } }, { a: { b: { c: 3, d: 4 } } }],
    ['a.b', 2, { a: { b: 2 } }],
    ['a.b', false, { a: { b: false } }],
    ['a.b', [[1], [2, 3]], { a: { b: [[1], [2, 3]] } }],
    ['a.b', { b: { c: false, d: 4 } }, { a: { b: { b: { c: false, d: 4 } } } }],
    ['a.b.c.d.e.f', 6, { a: { b: { c: { d: { e: { f: 6 } } } } } }],
    ['', 1, { '': 1 }],
    ['a', '', { a: '' }],
    ['a..b', 2, { a: { '': { b: 2 } } }],
    ['a', { 'b.c': 1 }, { a: { 'b.c': 1 } }],
    ['a.b', { 'b.c': 1 }, { a: { b: { 'b.c': 1 } } }],
  ];

  it.each(cases)('expands %j with %j', (key, value, expected) => {
    expect(expandKeyValue(key, value)).toStrictEqual(expected);
  });
});
