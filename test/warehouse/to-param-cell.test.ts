import { describe, expect, it } from 'vitest';
import { toParamCell } from '../../shared/warehouse/to-param-cell.js';
import { cellWith } from './mirror-test-rows.js';

describe('toParamCell: the GA4 export typing of parameter values', () => {
  it.each([
    ['text', 'USD', cellWith('string_value', 'USD')],
    ['digits as text stay text', '7630', cellWith('string_value', '7630')],
    ['a whole number', 90, cellWith('int_value', 90)],
    ['zero', 0, cellWith('int_value', 0)],
    ['a negative whole number', -3, cellWith('int_value', -3)],
    ['a fraction', 72.05, cellWith('double_value', 72.05)],
    ['a whole number past 2^53', 2 ** 60, cellWith('double_value', 2 ** 60)],
    ['true', true, cellWith('string_value', 'true')],
    ['an object, as JSON', { a: 1 }, cellWith('string_value', '{"a":1}')],
    ['text with NUL', 'a\u0000b', cellWith('string_value', 'a\uFFFDb')],
    ['a lone surrogate', 'x\uD800', cellWith('string_value', 'x\uFFFD')],
    ['a surrogate pair', '😀', cellWith('string_value', '😀')],
  ])('%s', (_label, value, expected) => {
    expect(toParamCell(value)).toEqual(expected);
  });

  it.each([[null], [undefined], [NaN], [Infinity]])('gives no cell for %s', (value) => {
    expect(toParamCell(value)).toBeNull();
  });

  it('never sets float_value, which the export leaves empty for web streams', () => {
    for (const value of [1.5, 3, -0.25, 1e300]) {
      expect(toParamCell(value)?.float_value).toBeNull();
    }
  });
});
