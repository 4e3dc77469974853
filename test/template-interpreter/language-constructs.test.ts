import { describe, expect, it } from 'vitest';
import { evaluateSandboxed, valueOf } from './evaluate-sandboxed.js';

// Each row: sandboxed code (a function body) and the value it must return.
const constructs: Array<[string, string, unknown]> = [
  [
    'var is function-scoped and hoisted',
    'function f() { if (true) { var x = 1; } return x; } return f();',
    1,
  ],
  [
    'a var read before its assignment is undefined',
    'var before = x; var x = 2; return [before, x];',
    [undefined, 2],
  ],
  ['let is block-scoped', 'let x = 1; { let x = 2; } return x;', 1],
  ['const holds its value', 'const answer = 42; return answer;', 42],
  ['function declarations are hoisted', 'return twice(4); function twice(n) { return n * 2; }', 8],
  [
    'closures keep their variables',
    'function counter() { var n = 0; return function () { n++; return n; }; } var c = counter(); c(); c(); return c();',
    3,
  ],
  ['arrow functions with expression bodies', 'const add = (a, b) => a + b; return add(2, 3);', 5],
  [
    'arrow functions with block bodies',
    'const f = (x) => { const y = x * 3; return y + 1; }; return f(2);',
    7,
  ],
  [
    'arguments inside functions',
    'function count() { return arguments.length + ":" + arguments[1]; } return count("a", "b", "c");',
    '3:b',
  ],
  [
    'arrow functions see the enclosing arguments',
    'function outer() { const inner = () => arguments[0]; return inner(); } return outer("x");',
    'x',
  ],
  [
    'the template body sees data and arguments',
    'return [data.name, arguments[0].name];',
    ['shop', 'shop'],
  ],
  [
    'named function expressions see their own name',
    'var fact = function me(n) { return n <= 1 ? 1 : n * me(n - 1); }; return fact(5);',
    120,
  ],
  [
    'missing arguments are undefined',
    'function f(a, b) { return typeof b; } return f(1);',
    'undefined',
  ],
  ['for loops', 'var total = 0; for (var i = 1; i <= 4; i++) { total += i; } return total;', 10],
  [
    'for loops with let give each iteration its own binding',
    'var fs = []; for (let i = 0; i < 3; i++) { fs.push(function () { return i; }); } return fs.map(function (f) { return f(); });',
    [0, 1, 2],
  ],
  [
    'for…in over own keys in insertion order',
    'var keys = []; for (var k in {b: 1, a: 2}) keys.push(k); return keys;',
    ['b', 'a'],
  ],
  [
    'for…in over an array yields index strings',
    'var keys = []; for (var k in ["x", "y"]) keys.push(k); return keys;',
    ['0', '1'],
  ],
  [
    'for…of over an array',
    'var out = ""; for (const item of ["a", "b"]) { out += item; } return out;',
    'ab',
  ],
  [
    'for…of over a string',
    'var out = []; for (const ch of "hé") out.push(ch); return out;',
    ['h', 'é'],
  ],
  ['while loops', 'var n = 0; while (n < 5) n += 2; return n;', 6],
  [
    'break and continue',
    'var out = []; for (var i = 0; i < 10; i++) { if (i % 2) continue; if (i > 6) break; out.push(i); } return out;',
    [0, 2, 4, 6],
  ],
  [
    'switch with fall-through and default',
    'function kind(x) { switch (x) { case 1: case 2: return "low"; case 3: return "three"; default: return "other"; } } return [kind(1), kind(2), kind(3), kind(9)];',
    ['low', 'low', 'three', 'other'],
  ],
  [
    'switch compares strictly',
    'switch ("1") { case 1: return "number"; default: return "string"; }',
    'string',
  ],
  [
    'break inside switch inside a loop leaves only the switch',
    'var n = 0; for (var i = 0; i < 3; i++) { switch (i) { case 1: break; default: n++; } } return n;',
    2,
  ],
  ['ternary', 'return [1 > 0 ? "yes" : "no", 0 ? "yes" : "no"];', ['yes', 'no']],
  [
    'logical operators return operands',
    'return [0 || "fallback", "a" && "b", null && 1, "" || 0];',
    ['fallback', 'b', null, 0],
  ],
  [
    '++ and -- prefix and postfix',
    'var i = 1; var a = i++; var b = ++i; var c = i--; return [a, b, c, i];',
    [1, 3, 3, 2],
  ],
  ['++ on members', 'var o = {n: 1}; o.n++; o["n"] += 10; return o.n;', 12],
  ['compound assignment', 'var x = 10; x -= 3; x *= 2; x /= 7; x %= 3; x += "!"; return x;', '2!'],
  [
    'bitwise and shift operators',
    'return [5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, -16 >> 2, -16 >>> 28];',
    [1, 7, 6, -6, 16, -4, 15],
  ],
  [
    'string concatenation converts like JavaScript',
    'return ["a" + 1, 1 + 2 + "3", "x" + null, "y" + undefined, "z" + true, [1, 2] + "", {} + ""];',
    ['a1', '33', 'xnull', 'yundefined', 'ztrue', '1,2', '[object Object]'],
  ],
  [
    'loose and strict equality',
    'return [1 == "1", 1 === "1", null == undefined, null === undefined, 0 == false, NaN == NaN, [1] == 1];',
    [true, false, true, false, true, false, true],
  ],
  [
    'relational comparison of strings and numbers',
    'return ["a" < "b", "10" < "9", 10 < 9, "10" < 9];',
    [true, true, false, false],
  ],
  [
    'the in operator checks own keys',
    'var o = {a: 1}; return ["a" in o, "toString" in o, 0 in [5], "length" in []];',
    [true, false, true, true],
  ],
  [
    'typeof of every sandbox type',
    'return [typeof undefined, typeof null, typeof true, typeof 1, typeof "s", typeof [], typeof {}, typeof function () {}, typeof notDeclared];',
    [
      'undefined',
      'object',
      'boolean',
      'number',
      'string',
      'object',
      'object',
      'function',
      'undefined',
    ],
  ],
  [
    'void and unary plus and minus',
    'return [void 0, +"42", -"3", !""];',
    [undefined, 42, -3, true],
  ],
  ['sequence expressions', 'var x = (1, 2, 3); return x;', 3],
  [
    'object and array literals nest',
    'var o = {list: [1, {deep: "yes"}], "quoted key": 2, 7: "seven"}; return [o.list[1].deep, o["quoted key"], o[7]];',
    ['yes', 2, 'seven'],
  ],
  ['array holes read as undefined', 'var a = [1, , 3]; return [a.length, a[1]];', [3, undefined]],
  ['array length can be set', 'var a = [1, 2, 3]; a.length = 1; return a;', [1]],
  ['assigning past the end grows an array', 'var a = []; a[2] = "c"; return a.length;', 3],
  [
    'strings index and length',
    'var s = "hello"; return [s[1], s.length, s[9]];',
    ['e', 5, undefined],
  ],
  [
    'properties on functions stay inside the sandbox',
    'function f() {} f.tag = "x"; return f.tag;',
    'x',
  ],
  [
    'NaN and Infinity are globals',
    'return [NaN !== NaN, Infinity > 1e308, -Infinity < 0];',
    [true, true, true],
  ],
  ['top-level return ends the template', 'return "early"; var never = 1;', 'early'],
  ['a template without return returns undefined', 'var x = 1;', undefined],
  [
    'number toString with a radix',
    'return [(255).toString(16), (5).toString(), true.toString()];',
    ['ff', '5', 'true'],
  ],
];

describe('sandboxed JavaScript: the constructs GTM allows', () => {
  it.each(constructs)('%s', (_name, code, expected) => {
    expect(valueOf(code, { data: { name: 'shop' } })).toEqual(expected);
  });
});

describe('sandboxed JavaScript: run-time errors', () => {
  const errors: Array<[string, string, string, RegExp, number]> = [
    [
      'reading a property of undefined',
      'var x;\nreturn x.y;',
      'type',
      /cannot read property 'y' of undefined/,
      2,
    ],
    [
      'calling what is not a function',
      'var o = {};\no.missing();',
      'type',
      /o\.missing is not a function/,
      2,
    ],
    ['reading an undeclared variable', 'return nothing;', 'reference', /nothing is not defined/, 1],
    ['assigning an undeclared variable', 'leak = 1;', 'reference', /leak is not defined/, 1],
    ['assigning a constant', 'const c = 1;\n\nc = 2;', 'type', /constant variable 'c'/, 3],
    [
      'reading let before its declaration',
      'x;\nlet x = 1;',
      'reference',
      /before its declaration/,
      1,
    ],
    ['for…of over an object', 'for (const v of {a: 1}) {}', 'type', /not iterable/, 1],
    [
      'reduce of an empty array',
      'return [].reduce(function (a, b) { return a + b; });',
      'type',
      /empty array/,
      1,
    ],
    ['an invalid array length', 'var a = []; a.length = -1;', 'range', /invalid array length/, 1],
  ];

  it.each(errors)(
    '%s fails the run with a message and its line',
    (_name, code, kind, message, line) => {
      const result = evaluateSandboxed(code);
      expect(result.ok).toBe(false);
      expect(result.error?.kind).toBe(kind);
      expect(result.error?.message).toMatch(message);
      expect(result.error?.line).toBe(line);
    },
  );

  it('points at the column of the failing expression', () => {
    const result = evaluateSandboxed('var data2 = {};\n  data2.list.push(1);');
    expect(result.error).toMatchObject({ line: 2, column: 3, kind: 'type' });
  });
});

describe('constructs a policy may allow', () => {
  const allowed: Array<[string, string, unknown, Parameters<typeof valueOf>[1]]> = [
    [
      'template literals',
      'var n = 2; return `n=${n}!`;',
      'n=2!',
      { policy: { allow: ['template-literal'] } },
    ],
    [
      'try/catch of a thrown value',
      'try { throw "boom"; } catch (e) { return "caught " + e; }',
      'caught boom',
      { policy: { allow: ['try', 'throw'] } },
    ],
    [
      'try/catch of a type error',
      'try { var u; u.x; } catch (e) { return "caught"; }',
      'caught',
      { policy: { allow: ['try'] } },
    ],
    [
      'finally runs',
      'var log = []; try { log.push(1); } finally { log.push(2); } return log;',
      [1, 2],
      { policy: { allow: ['try'] } },
    ],
    [
      'do…while',
      'var i = 0; do { i++; } while (i < 3); return i;',
      3,
      { policy: { allow: ['do-while'] } },
    ],
    ['exponent', 'return 2 ** 10;', 1024, { policy: { allow: ['exponent'] } }],
    [
      'nullish coalescing',
      'return [null ?? "d", 0 ?? "d"];',
      ['d', 0],
      { policy: { allow: ['nullish-coalescing'] } },
    ],
    [
      'optional chaining',
      'var o = null; return [o?.a.b, ({a: {b: 1}})?.a.b];',
      [undefined, 1],
      { policy: { allow: ['optional-chaining'] } },
    ],
    [
      'spread and rest',
      'function f(...xs) { return xs.length; } return [f(...[1, 2, 3]), [0, ...[1, 2]]];',
      [3, [0, 1, 2]],
      { policy: { allow: ['spread', 'rest-parameter'] } },
    ],
    [
      'default parameters',
      'function f(a, b = 5) { return a + b; } return f(1);',
      6,
      { policy: { allow: ['default-parameter'] } },
    ],
    [
      'shorthand, computed keys and methods',
      'var k = "dyn"; var a = 1; var o = {a, [k]: 2, m() { return 3; }}; return [o.a, o.dyn, o.m()];',
      [1, 2, 3],
      { policy: { allow: ['shorthand-property', 'computed-key', 'method-shorthand'] } },
    ],
    [
      'logical assignment',
      'var a = null; a ??= 1; var b = 0; b ||= 2; var c = 1; c &&= 3; return [a, b, c];',
      [1, 2, 3],
      { policy: { allow: ['logical-assignment'] } },
    ],
  ];

  it.each(allowed)('%s run once allowed', (_name, code, expected, options) => {
    expect(valueOf(code, options)).toEqual(expected);
  });

  it('a caught limit error is not catchable: the run still stops', () => {
    const result = evaluateSandboxed('try { while (true) {} } catch (e) { return "caught"; }', {
      policy: { allow: ['try'] },
      limits: { maxSteps: 5_000 },
    });
    expect(result.error?.kind).toBe('limit');
  });
});
