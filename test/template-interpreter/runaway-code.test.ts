import { describe, expect, it } from 'vitest';
import { evaluateSandboxed } from './evaluate-sandboxed.js';

const limits = { maxSteps: 20_000 };

describe('runaway code ends with a clear sandbox error', () => {
  it.each([
    ['an empty endless while', 'while (true) {}'],
    ['an endless for', 'for (;;);'],
    ['an endless for with a body', 'var n = 0; for (;;) { n++; }'],
    ['a loop inside a callback', '[1].forEach(function () { while (true) {} });'],
    ['a growing array loop', 'var a = []; while (true) a.push(a.length);'],
    ['a sort comparator that loops', '[3, 2, 1].sort(function () { while (true) {} });'],
    ['a replace callback that loops', '"aaa".replace("a", function () { for (;;) {} });'],
  ])('%s stops at the step budget', (_name, code) => {
    const result = evaluateSandboxed(code, { limits });
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('limit');
    expect(result.error?.message).toMatch(/more than 20000 steps/);
    expect(result.error?.line).toBe(1);
  });

  it.each([
    ['direct recursion', 'function f() { return f(); } f();'],
    ['mutual recursion', 'function a() { return b(); } function b() { return a(); } a();'],
    ['recursion through an array method', 'function f() { [1].map(f); } f();'],
    ['recursion through an arrow', 'const f = () => f(); f();'],
  ])('%s stops at the call depth', (_name, code) => {
    const result = evaluateSandboxed(code);
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('limit');
    expect(result.error?.message).toMatch(/nested function calls/);
  });

  it('a deep call depth limit far beyond the host stack still ends as a sandbox error', () => {
    const result = evaluateSandboxed('function f(n) { return f(n + 1) + 1; } f(0);', {
      limits: { maxCallDepth: 1_000_000, maxSteps: 100_000_000 },
    });
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('limit');
  });

  it.each([
    ['a string doubling forever', 'var s = "x"; while (true) s = s + s;', /string grew past/],
    ['an array index far past the end', 'var a = []; a[4000000000] = 1;', /array grew past/],
    ['an array length far past the end', 'var a = []; a.length = 4000000000;', /array grew past/],
    [
      'a join that would build a huge string',
      'var a = []; a.length = 900000; var s = "yyyyyyyyyy"; a[0] = s + s + s; return a.join("zzzzzzzzzz");',
      /string grew past/,
    ],
  ])('%s is refused by the size limits', (_name, code, message) => {
    const result = evaluateSandboxed(code);
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(message);
  });

  it('the default budget allows real work: 100k loop iterations', () => {
    const result = evaluateSandboxed(
      'var n = 0; for (var i = 0; i < 100000; i++) { n += i; } return n;',
    );
    expect(result.value).toBe(4999950000);
  });

  it('the steps spent are counted on the machine', () => {
    const result = evaluateSandboxed('var n = 0; for (var i = 0; i < 10; i++) n++; return n;');
    expect(result.machine.steps).toBeGreaterThan(30);
    expect(result.machine.steps).toBeLessThan(200);
  });
});
