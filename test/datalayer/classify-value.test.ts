import { describe, expect, it } from 'vitest';
import { classifyValue } from '../../shared/datalayer/classify-value.js';
import { isPlainObject } from '../../shared/datalayer/is-plain-object.js';
import { OpaqueValue } from '../../shared/datalayer/opaque-value.js';
import { readTransportMarker } from '../../shared/datalayer/read-transport-marker.js';
import { valueTypeName } from '../../shared/datalayer/value-type-name.js';
import { brokenGtag, FakeAnchor, gtag } from './real-captures.js';

class Foo {}
const fakeWindow: Record<string, unknown> = {};
fakeWindow['window'] = fakeWindow;

// The cases of data-layer-helper's isPlainObject_test, plus the null-prototype decision.
const plainCases: Array<[string, unknown, boolean]> = [
  ['an object literal', {}, true],
  ['an object literal with keys', { a: 1 }, true],
  ['Object()', Object(), true],
  ['new Object()', new Object(), true],
  ['Object.create(null), which has nothing inherited', Object.create(null), true],
  ['Object.create({}), whose prototype has no enumerable key', Object.create({}), true],
  ['an object owning a "constructor" key', { constructor: 'x' }, true],
  ['Object.create({foo: 1}), which inherits an enumerable key', Object.create({ foo: 1 }), false],
  ['Object.create(new Date())', Object.create(new Date()), false],
  ['null', null, false],
  ['undefined', undefined, false],
  ['true', true, false],
  ['false', false, false],
  ['0', 0, false],
  ['-23', -23, false],
  ['NaN', Number.NaN, false],
  ['an empty string', '', false],
  ['a string', 'number', false],
  ['a function', function () {}, false],
  ['an arrow function', () => {}, false],
  ['an empty array', [], false],
  ['new Array("string")', new Array('string'), false],
  ['Object([])', Object([]), false],
  ['Date() (a string)', Date(), false],
  ['new Date()', new Date(), false],
  ['a regular expression', /./, false],
  ['new RegExp()', new RegExp(''), false],
  ['a class instance', new Foo(), false],
  ['a Map', new Map(), false],
  ['a DOM element (nodeType)', new FakeAnchor('x', '', '', ''), false],
  ['a plain-looking object with nodeType', { nodeType: 1 }, false],
  ['a window (its own .window)', fakeWindow, false],
  ['an arguments object', gtag('js'), false],
  ['a boxed string', Object('text'), false],
];

describe('isPlainObject', () => {
  it.each(plainCases.map(([name, value, expected]) => ({ name, value, expected })))(
    'says $name is plain: $expected',
    ({ value, expected }) => {
      expect(isPlainObject(value)).toBe(expected);
    },
  );

  it('treats a revoked Proxy as not plain instead of throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(isPlainObject(proxy)).toBe(false);
  });
});

describe('valueTypeName', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [Object(true), 'boolean'],
    [Object(1), 'number'],
    [Object('s'), 'string'],
    [new Date(0), 'date'],
    [[1, 2, 3], 'array'],
    [/.+/, 'regexp'],
    [gtag(), 'arguments'],
    [function () {}, 'function'],
    [new Map(), 'object'],
  ])('names %o as "%s", like data-layer-helper plain.type', (value, expected) => {
    expect(valueTypeName(value)).toBe(expected);
  });
});

describe('classifyValue', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a message object', { event: 'x' }, 'plain-object'],
    ['a command array', ['abc.push', 4], 'array'],
    ['the broken shim array (D19)', brokenGtag('event', 'x'), 'array'],
    ['a real Arguments object (D19 working shim)', gtag('event', 'x'), 'arguments'],
    ['the $arguments transport marker', { $arguments: ['event', 'x'] }, 'arguments'],
    ['an empty $arguments marker', { $arguments: [] }, 'arguments'],
    ['a function', () => undefined, 'function'],
    ['the $function transport marker', { $function: 'f' }, 'function'],
    ['a revived function marker', new OpaqueValue({ $function: 'f' }), 'function'],
    ['a revived node marker', new OpaqueValue({ $node: 'a' }), 'other'],
    ['a string', 'event', 'other'],
    ['a number', 3, 'other'],
    ['null', null, 'other'],
    ['undefined', undefined, 'other'],
    ['a Date', new Date(), 'other'],
    ['a class instance', new Foo(), 'other'],
    // Look-alikes: markers need exactly one key of the right type.
    ['$arguments holding a string', { $arguments: 'event' }, 'plain-object'],
    ['$arguments with a sibling key', { $arguments: ['event'], extra: 1 }, 'plain-object'],
    ['$function holding a number', { $function: 1 }, 'plain-object'],
    ['serialised Arguments that lost their type (D3)', { 0: 'js', 1: '2025' }, 'plain-object'],
  ];

  it.each(cases.map(([name, value, expected]) => ({ name, value, expected })))(
    'classifies $name as $expected',
    ({ value, expected }) => {
      expect(classifyValue(value)).toBe(expected);
    },
  );
});

describe('readTransportMarker', () => {
  it.each([
    [{ $undefined: true }, { kind: 'undefined' }],
    [{ $hole: true }, { kind: 'hole' }],
    [{ $date: '2025-11-10T07:21:33.896Z' }, { kind: 'date', text: '2025-11-10T07:21:33.896Z' }],
    [{ $node: 'a#buy' }, { kind: 'node', summary: 'a#buy' }],
    [{ $unclonable: 'cycle' }, { kind: 'unclonable', reason: 'cycle' }],
    [{ $number: 'NaN' }, { kind: 'number', text: 'NaN' }],
    [{ $bigint: '12' }, { kind: 'bigint', text: '12' }],
  ])('reads %o', (value, expected) => {
    expect(readTransportMarker(value)).toEqual(expected);
  });

  it.each([
    [{ $undefined: 'yes' }],
    [{ $hole: 1 }],
    [{ $date: 5 }],
    [{ $other: 'x' }],
    [{ $date: 'x', more: 1 }],
    [['$date', 'x']],
    [new Date()],
  ])('does not read the look-alike %o as a marker', (value) => {
    expect(readTransportMarker(value)).toBeNull();
  });
});
