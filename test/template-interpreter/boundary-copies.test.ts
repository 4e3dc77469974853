import { describe, expect, it } from 'vitest';
import { Boundary } from '../../gtm-template/sandbox/interpreter/boundary.js';
import { Machine } from '../../gtm-template/sandbox/interpreter/machine.js';
import { SandboxError } from '../../gtm-template/sandbox/interpreter/sandbox-error.js';
import {
  NativeFunction,
  OpaqueHandle,
} from '../../gtm-template/sandbox/interpreter/sandbox-values.js';
import { evaluateSandboxed } from './evaluate-sandboxed.js';

describe('values going out to the host', () => {
  it('objects and arrays go out as deep copies: host changes do not reach the sandbox', () => {
    let received: { list: number[] } | undefined;
    const result = evaluateSandboxed('var o = {list: [1, 2]}; keep(o); return o.list;', {
      globals: { keep: (value: { list: number[] }) => ((received = value), value.list.push(99)) },
    });
    expect(result.value).toEqual([1, 2]);
    expect(received).toEqual({ list: [1, 2, 99] });
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
  });

  it('each sandbox function goes out as one stable host function', () => {
    const seen: unknown[] = [];
    const result = evaluateSandboxed(
      'function cb() { return 7; } keep(cb); keep(cb); keep({f: cb}); return seen;',
      {
        globals: { keep: (value: unknown) => seen.push(value), seen: [] },
      },
    );
    expect(result.ok).toBe(true);
    expect(seen[0]).toBe(seen[1]);
    expect((seen[2] as { f: unknown }).f).toBe(seen[0]);
    expect((seen[0] as () => number)()).toBe(7);
  });

  it('a host wrapper of a sandbox function comes back in as the same sandbox function', () => {
    const result = evaluateSandboxed('function cb() {} return echo(cb) === cb;', {
      globals: { echo: (value: unknown) => value },
    });
    expect(result.value).toBe(true);
  });

  it('a host function comes back out as itself', () => {
    const hostFunction = () => 1;
    let returned: unknown;
    evaluateSandboxed('keep(f);', {
      globals: { f: hostFunction, keep: (value: unknown) => (returned = value) },
    });
    expect(returned).toBe(hostFunction);
  });

  it('arguments the host passes to a sandbox callback are copied in', () => {
    const page = { items: [{ id: 1 }] };
    let callback: ((value: unknown) => unknown) | undefined;
    evaluateSandboxed(
      'register(function (value) { value.items.push(2); return value.items.length; });',
      {
        globals: { register: (fn: (value: unknown) => unknown) => (callback = fn) },
      },
    );
    expect(callback?.(page)).toBe(2);
    expect(page.items).toHaveLength(1);
  });

  it('an error in a callback the host calls is reported once and unwinds as a sandbox error', () => {
    const machine = new Machine();
    const reported: SandboxError[] = [];
    const boundary = new Boundary(machine, {
      reportError: (error) => reported.push(error),
      trackPromise: () => undefined,
    });
    const failing = new NativeFunction('failing', () => {
      throw machine.error('assertion', 'boom');
    });
    const hostFunction = boundary.hostFunctionFor(failing);
    expect(() => hostFunction()).toThrow(SandboxError);
    expect(reported.map((error) => error.message)).toEqual(['boom']);
  });
});

describe('values coming in from the host', () => {
  it.each([
    ['a string', 'text', 'text'],
    ['a number', 1.5, 1.5],
    ['NaN', Number.NaN, Number.NaN],
    ['a boolean', false, false],
    ['null', null, null],
    ['undefined', undefined, undefined],
    ['a nested plain object', { a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] }],
    ['a null-prototype object', Object.assign(Object.create(null), { a: 1 }), { a: 1 }],
    ['a Date', new Date(0), undefined],
    ['a class instance inside an array', [1, new (class Thing {})()], [1, undefined]],
    ['a Map inside an object', { map: new Map() }, { map: undefined }],
  ])('%s maps to %j', (_name, value, expected) => {
    const result = evaluateSandboxed('return value;', { globals: { value } });
    expect(result.value).toEqual(expected);
  });

  it('a copy is made: sandbox changes do not reach the host object', () => {
    const page = { count: 1 };
    evaluateSandboxed('page.count = 2;', { globals: { page } });
    expect(page.count).toBe(1);
  });

  it('a host RegExp is an opaque handle that string methods accept and that goes back out as itself', () => {
    const machine = new Machine();
    const boundary = new Boundary(machine, {
      reportError: () => undefined,
      trackPromise: () => undefined,
    });
    const regex = /b+/g;
    const handle = boundary.copyIn(regex);
    expect(handle).toBeInstanceOf(OpaqueHandle);
    expect(boundary.copyOut(handle)).toBe(regex);
    const result = evaluateSandboxed(
      'return ["abbbc".replace(r, "-"), "abbbc".match(r), typeof r, r.source];',
      {
        globals: { r: regex },
      },
    );
    expect(result.value).toEqual(['a-c', ['bbb'], 'object', undefined]);
  });

  it('a host promise reads as an object with then/catch/finally and goes back out as itself', async () => {
    const tracked: Array<Promise<unknown>> = [];
    const machine = new Machine();
    const boundary = new Boundary(machine, {
      reportError: () => undefined,
      trackPromise: (promise) => void tracked.push(promise),
    });
    const promise = Promise.resolve(5);
    const sandboxPromise = boundary.copyIn(promise);
    expect(boundary.copyOut(sandboxPromise)).toBe(promise);
    expect(boundary.isPromise(sandboxPromise)).toBe(true);
    const then = (sandboxPromise as Record<string, unknown>).then as NativeFunction;
    let seen: unknown;
    then.call([new NativeFunction('onFulfilled', ([value]) => ((seen = value), undefined))]);
    await Promise.all(tracked);
    expect(seen).toBe(5);
  });
});
