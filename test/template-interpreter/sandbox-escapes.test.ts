import { afterEach, describe, expect, it } from 'vitest';
import { evaluateSandboxed } from './evaluate-sandboxed.js';

// Attempts to reach a prototype, a constructor, a host global or a host object from sandboxed
// code. Each must read as undefined or fail as a sandbox error; none may reach the host.
const readsUndefined: Array<[string, string]> = [
  ['an object literal constructor', 'return ({}).constructor;'],
  ['an array constructor', 'return [].constructor;'],
  ['a string constructor', 'return "x".constructor;'],
  ['a number constructor', 'return (1).constructor;'],
  ['a function constructor', 'return (function () {}).constructor;'],
  ['a method constructor (Function via toString)', 'return "x".toString.constructor;'],
  ['an array method constructor', 'return [].map.constructor;'],
  ['__proto__ of an object', 'return ({}).__proto__;'],
  ['__proto__ of an array', 'return [].__proto__;'],
  ['__proto__ of a string', 'return "s".__proto__;'],
  ['prototype of a function', 'return (function () {}).prototype;'],
  ['call/apply/bind of a function', 'var f = function () {}; return [f.call, f.apply, f.bind];'],
  [
    'valueOf and friends',
    'return [({}).valueOf, [].valueOf, "s".valueOf, ({}).isPrototypeOf, ({}).__lookupGetter__];',
  ],
  [
    'unlisted string methods',
    'return ["s".includes, "s".repeat, "s".padStart, "s".charCodeAt, "s".normalize];',
  ],
  [
    'unlisted array methods',
    'return [[].find, [].includes, [].fill, [].copyWithin, [].flat, [].entries];',
  ],
  ['a computed constructor key', 'var k = "constr" + "uctor"; return ({})[k];'],
  [
    'the global object by name',
    'return [typeof globalThis, typeof window, typeof process, typeof self, typeof global];',
  ],
];

describe('no prototype or constructor is reachable', () => {
  it.each(readsUndefined)('%s reads as undefined', (_name, code) => {
    const result = evaluateSandboxed(code);
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    const value = result.value;
    if (Array.isArray(value)) {
      expect(value.every((item) => item === undefined || item === 'undefined')).toBe(true);
    } else {
      expect(value).toBeUndefined();
    }
  });
});

const failsInSandbox: Array<[string, string]> = [
  ['calling a constructor chain', 'return "x".toString.constructor("return process")();'],
  ['reaching Function through an array method', 'return [].map.constructor("return this")();'],
  ['using process', 'return process.env;'],
  ['using globalThis', 'return globalThis.process;'],
  ['using require that was not given', 'return require("fs");'],
  ['using Function', 'return Function;'],
  ['using Object', 'return Object.prototype;'],
  ['using eval by another name', 'var e = "ev" + "al"; return this[e];'],
  ['using a global constructor', 'return Array(3);'],
  ['using console', 'console.log("x");'],
];

describe('host globals and constructors are absent', () => {
  it.each(failsInSandbox)('%s fails as a sandbox error', (_name, code) => {
    const result = evaluateSandboxed(code);
    expect(result.ok).toBe(false);
    expect(['type', 'reference', 'syntax']).toContain(result.error?.kind);
  });
});

describe('writes never reach a prototype', () => {
  afterEach(() => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  const writes: Array<[string, string, unknown]> = [
    [
      '__proto__ on an object is an own key',
      'var o = {}; o.__proto__ = {polluted: 1}; return [o.polluted, o.__proto__.polluted];',
      [undefined, 1],
    ],
    [
      '__proto__ in a literal is an own key',
      'var o = {"__proto__": {polluted: 1}}; return [o.polluted, Object === undefined];',
      [undefined, true],
    ],
    [
      '__proto__ on an array is an own key',
      'var a = []; a.__proto__ = {polluted: 1}; return [a.polluted, a.length];',
      [undefined, 0],
    ],
    [
      'constructor.prototype chains stop at undefined',
      'var o = {}; var c = o.constructor; return typeof c;',
      'undefined',
    ],
    [
      'prototype of a sandbox function is its own property',
      'function F() {} F.prototype = {polluted: 1}; return [F.prototype.polluted, ({}).polluted];',
      [1, undefined],
    ],
    [
      'toString overwritten on one object only',
      'var o = {}; o.toString = 1; return [o.toString, typeof ({}).toString];',
      [1, 'function'],
    ],
  ];

  it.each(writes)('%s', (_name, code, expected) => {
    const result = evaluateSandboxed(
      code.replace('Object === undefined', 'typeof Object === "undefined"'),
    );
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(result.value).toEqual(expected);
  });

  it('a __proto__ key copied out stays a key on the host object', () => {
    const result = evaluateSandboxed('var o = {}; o["__proto__"] = {polluted: "yes"}; return o;');
    const host = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(host)).toBe(Object.prototype);
    expect(Object.hasOwn(host, '__proto__')).toBe(true);
    expect((host as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('host objects handed in give nothing away', () => {
  it('a host class instance becomes undefined', () => {
    class Secret {
      token = 'abc';
    }
    const result = evaluateSandboxed('return [typeof host, host];', {
      globals: { host: new Secret() },
    });
    expect(result.value).toEqual(['undefined', undefined]);
  });

  it('a host Date, Map and typed array become undefined', () => {
    const result = evaluateSandboxed('return [date, map, bytes];', {
      globals: { date: new Date(0), map: new Map([[1, 2]]), bytes: new Uint8Array(2) },
    });
    expect(result.value).toEqual([undefined, undefined, undefined]);
  });

  it('a getter on a host object never runs', () => {
    let ran = false;
    const host = {
      get secret() {
        ran = true;
        return 'leaked';
      },
      plain: 1,
    };
    const result = evaluateSandboxed('return [page.secret, page.plain];', {
      globals: { page: host },
    });
    expect(result.value).toEqual([undefined, 1]);
    expect(ran).toBe(false);
  });

  it('a host function handed in has no reachable constructor or properties', () => {
    const hostFunction = Object.assign(() => 'ran', { secret: 'x' });
    const result = evaluateSandboxed('return [f(), f.constructor, f.secret, f.prototype];', {
      globals: { f: hostFunction },
    });
    expect(result.value).toEqual(['ran', undefined, undefined, undefined]);
  });

  it('a cyclic host object is cut, not followed forever', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const result = evaluateSandboxed('return [page.name, page.self];', {
      globals: { page: cyclic },
    });
    expect(result.value).toEqual(['loop', undefined]);
  });

  it('a symbol or bigint from the host becomes undefined', () => {
    const result = evaluateSandboxed('return [s, b];', {
      globals: { s: Symbol('x'), b: BigInt(1) },
    });
    expect(result.value).toEqual([undefined, undefined]);
  });
});

describe('host errors raised inside built-ins stay sandbox errors', () => {
  it.each([
    ['an invalid pattern string', '"abc".match("(");', 'type'],
    ['a bad radix', 'return (5).toString(99);', 'range'],
    [
      'a string doubled past the length limit',
      'var s = "ab"; for (var i = 0; i < 24; i++) s += s; return s.split("").length;',
      'limit',
    ],
  ])('%s', (_name, code, kind) => {
    const result = evaluateSandboxed(code);
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe(kind);
  });
});
