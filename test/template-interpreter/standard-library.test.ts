import { describe, expect, it } from 'vitest';
import { valueOf } from './evaluate-sandboxed.js';

// Reference §2.4: the methods GTM's standard library lists, plus hasOwnProperty and startsWith.
const stringCases: Array<[string, string, unknown]> = [
  ['charAt', '"abc".charAt(1)', 'b'],
  ['concat', '"a".concat("b", 1, null)', 'ab1null'],
  ['indexOf', '"banana".indexOf("an", 2)', 3],
  ['lastIndexOf', '"banana".lastIndexOf("an")', 3],
  ['match with a pattern string', '"order-123".match("[0-9]+")[0]', '123'],
  ['match without a hit', '"abc".match("z")', null],
  ['replace with a string replaces the first match', '"a-b-c".replace("-", "+")', 'a+b-c'],
  [
    'replace with a sandbox callback',
    '"a1b2".replace("1", function (found) { return "[" + found + "]"; })',
    'a[1]b2',
  ],
  ['search', '"hello".search("l+")', 2],
  ['slice', '"abcdef".slice(1, -1)', 'bcde'],
  ['split', '"a,b,,c".split(",")', ['a', 'b', '', 'c']],
  ['split with a limit', '"a,b,c".split(",", 2)', ['a', 'b']],
  ['split without a separator', '"abc".split()', ['abc']],
  ['substring', '"abcdef".substring(4, 1)', 'bcd'],
  ['toLowerCase', '"ABC".toLowerCase()', 'abc'],
  ['toLocaleLowerCase', '"ÄB".toLocaleLowerCase()', 'äb'],
  ['toUpperCase', '"abc".toUpperCase()', 'ABC'],
  ['toLocaleUpperCase', '"äb".toLocaleUpperCase()', 'ÄB'],
  ['toString', '"x".toString()', 'x'],
  ['trim', '"  x  ".trim()', 'x'],
  ['startsWith', '["https://a".startsWith("https://"), "x".startsWith("y")]', [true, false]],
  [
    'hasOwnProperty',
    '["abc".hasOwnProperty("length"), "abc".hasOwnProperty("1"), "abc".hasOwnProperty("5")]',
    [true, true, false],
  ],
];

const arrayCases: Array<[string, string, unknown]> = [
  ['concat flattens one level', '[1].concat([2, [3]], 4)', [1, 2, [3], 4]],
  ['every', '[2, 4].every(function (n) { return n % 2 === 0; })', true],
  ['filter', '[1, 2, 3, 4].filter(function (n, i) { return i % 2 === 1; })', [2, 4]],
  [
    'forEach with index',
    '(function () { var out = []; ["a", "b"].forEach(function (v, i) { out.push(i + v); }); return out; })()',
    ['0a', '1b'],
  ],
  ['indexOf is strict', '[1, "1", 2].indexOf("1")', 1],
  ['join', '[1, null, undefined, "x", [2, 3]].join("-")', '1---x-2,3'],
  ['join without a separator', '[1, 2].join()', '1,2'],
  ['lastIndexOf', '[1, 2, 1].lastIndexOf(1)', 2],
  ['map', '[1, 2].map(function (n) { return n * 10; })', [10, 20]],
  ['pop', '(function () { var a = [1, 2]; var last = a.pop(); return [last, a]; })()', [2, [1]]],
  [
    'push returns the length',
    '(function () { var a = [1]; return [a.push(2, 3), a]; })()',
    [3, [1, 2, 3]],
  ],
  ['reduce', '[1, 2, 3].reduce(function (sum, n) { return sum + n; }, 10)', 16],
  ['reduce without an initial value', '[1, 2, 3].reduce(function (sum, n) { return sum + n; })', 6],
  ['reduceRight', '["a", "b", "c"].reduceRight(function (text, s) { return text + s; })', 'cba'],
  ['reverse', '[1, 2, 3].reverse()', [3, 2, 1]],
  ['shift', '(function () { var a = [1, 2]; return [a.shift(), a]; })()', [1, [2]]],
  ['slice', '[1, 2, 3, 4].slice(1, 3)', [2, 3]],
  ['some', '[1, 2].some(function (n) { return n > 1; })', true],
  [
    'sort without a comparator sorts as strings, undefined last',
    '[10, 9, undefined, 1].sort()',
    [1, 10, 9, undefined],
  ],
  ['sort with a comparator', '[3, 1, 2].sort(function (a, b) { return b - a; })', [3, 2, 1]],
  [
    'splice',
    '(function () { var a = [1, 2, 3, 4]; var removed = a.splice(1, 2, "x"); return [removed, a]; })()',
    [
      [2, 3],
      [1, 'x', 4],
    ],
  ],
  [
    'splice with only a start',
    '(function () { var a = [1, 2, 3]; a.splice(1); return a; })()',
    [1],
  ],
  ['toString', '[1, [2, 3]].toString()', '1,2,3'],
  ['unshift', '(function () { var a = [2]; return [a.unshift(0, 1), a]; })()', [3, [0, 1, 2]]],
  [
    'hasOwnProperty',
    '[[5].hasOwnProperty(0), [5].hasOwnProperty(1), [5].hasOwnProperty("length")]',
    [true, false, true],
  ],
];

const objectCases: Array<[string, string, unknown]> = [
  ['toString on an object', '({a: 1}).toString()', '[object Object]'],
  [
    'hasOwnProperty on an object',
    '[({a: 1}).hasOwnProperty("a"), ({a: 1}).hasOwnProperty("toString")]',
    [true, false],
  ],
  ['an own property shadows a method name', '({hasOwnProperty: 5}).hasOwnProperty', 5],
  ['toString on numbers and booleans', '[(12).toString(), (false).toString()]', ['12', 'false']],
];

describe('the standard library on strings', () => {
  it.each(stringCases)('%s', (_name, expression, expected) => {
    expect(valueOf(`return ${expression};`)).toEqual(expected);
  });
});

describe('the standard library on arrays', () => {
  it.each(arrayCases)('%s', (_name, expression, expected) => {
    expect(valueOf(`return ${expression};`)).toEqual(expected);
  });
});

describe('the standard library on objects, numbers and booleans', () => {
  it.each(objectCases)('%s', (_name, expression, expected) => {
    expect(valueOf(`return ${expression};`)).toEqual(expected);
  });
});

describe('methods outside the list read as undefined', () => {
  it.each([
    ['string includes', '"abc".includes'],
    ['string charCodeAt', '"abc".charCodeAt'],
    ['string substr', '"abc".substr'],
    ['string padStart', '"abc".padStart'],
    ['array find', '[1].find'],
    ['array findIndex', '[1].findIndex'],
    ['array includes', '[1].includes'],
    ['number toFixed', '(1).toFixed'],
    ['object valueOf', '({}).valueOf'],
  ])('%s', (_name, expression) => {
    expect(valueOf(`return ${expression};`)).toBeUndefined();
  });

  it('calling one is a type error naming the expression', () => {
    expect(() => valueOf('return [1, 2].includes(1);')).toThrow(
      /\[1, 2\]\.includes is not a function/,
    );
  });
});
