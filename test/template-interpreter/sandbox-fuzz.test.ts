import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Boundary } from '../../gtm-template/sandbox/interpreter/boundary.js';
import { Machine } from '../../gtm-template/sandbox/interpreter/machine.js';
import { evaluateSandboxed } from './evaluate-sandboxed.js';

const names = [
  'a',
  'b',
  'o',
  'data',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'arguments',
];
const keys = [
  'x',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'length',
  '0',
  'push',
  'map',
  'split',
];

// A small expression grammar that leans on the names attackers try.
const expression: fc.Arbitrary<string> = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...names),
    fc.integer({ min: -5, max: 5 }).map(String),
    fc.string({ maxLength: 6 }).map((text) => JSON.stringify(text)),
    fc.constantFrom('null', 'undefined', 'true', '[]', '{}', 'NaN', '[1, "2", {}]', '{x: {y: 1}}'),
    fc
      .tuple(tie('expression'), fc.constantFrom(...keys))
      .map(([object, key]) => `(${object}).${key}`),
    fc.tuple(tie('expression'), tie('expression')).map(([object, key]) => `(${object})[${key}]`),
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom('+', '-', '*', '==', '===', '<', '&&', '||', 'in', '%', '>>'),
      )
      .chain(([left, operator]) =>
        tie('expression').map((right) => `(${left} ${operator} ${right})`),
      ),
    fc
      .tuple(tie('expression'), fc.array(tie('expression'), { maxLength: 2 }))
      .map(([callee, args]) => `(${callee})(${args.join(', ')})`),
    tie('expression').map((body) => `(function (a) { return ${body}; })`),
    tie('expression').map((body) => `((b) => ${body})`),
    tie('expression').map((operand) => `typeof ${operand}`),
  ),
})).expression;

const statement = fc.oneof(
  expression.map((value) => `a = ${value};`),
  fc
    .tuple(expression, fc.constantFrom(...keys), expression)
    .map(([object, key, value]) => `(${object})["${key}"] = ${value};`),
  expression.map((value) => `for (var k in ${value}) { b = k; }`),
  expression.map((value) => `if (${value}) { o = ${value}; } else { b++; }`),
  expression.map((value) => `while (${value}) { break; }`),
  expression.map((value) => `return ${value};`),
);

const program = fc
  .array(statement, { maxLength: 6 })
  .map((statements) => `var a = 1, b = 0, o = {};\n${statements.join('\n')}`);

function prototypesAreClean(): boolean {
  return (
    Object.keys(Object.prototype).length === 0 &&
    Object.keys(Array.prototype).length === 0 &&
    Object.keys(Function.prototype).length === 0 &&
    ({} as { x?: unknown }).x === undefined
  );
}

describe('random sandboxed programs', () => {
  it('never throw into the host, never hang, never touch a host prototype', () => {
    fc.assert(
      fc.property(program, (code) => {
        const result = evaluateSandboxed(code, {
          limits: { maxSteps: 20_000 },
          data: { items: [1, 2] },
        });
        if (!result.ok) {
          expect(['syntax', 'type', 'reference', 'range', 'limit', 'api']).toContain(
            result.error?.kind,
          );
          expect(typeof result.error?.message).toBe('string');
        }
        expect(prototypesAreClean()).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('random text never throws out of parsing and evaluation', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (code) => {
        const result = evaluateSandboxed(code, { limits: { maxSteps: 5_000 } });
        expect(typeof result.ok).toBe('boolean');
        expect(prototypesAreClean()).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('random host values crossing the boundary', () => {
  it('copy in and back out without throwing or polluting, keeping JSON data intact', () => {
    const machine = new Machine();
    const boundary = new Boundary(machine, {
      reportError: () => undefined,
      trackPromise: () => undefined,
    });
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
        }),
        (value) => {
          const copied = boundary.copyOut(boundary.copyIn(value));
          expect(prototypesAreClean()).toBe(true);
          return copied !== value || typeof value !== 'object' || value === null;
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(boundary.copyOut(boundary.copyIn(value))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('objects with hostile keys survive a round trip as plain keys', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'x'),
          fc.jsonValue(),
        ),
        (value) => {
          const result = evaluateSandboxed(
            'var copy = {}; for (var k in value) { copy[k] = value[k]; } return copy;',
            {
              globals: { value },
            },
          );
          expect(result.ok).toBe(true);
          expect(Object.keys(result.value as object).sort()).toEqual(Object.keys(value).sort());
          expect(prototypesAreClean()).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
