import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenarioCode } from './stub-apis.js';

// Scenario bodies stitched from the test API's own calls, with hostile arguments mixed in.
const argument = fc.oneof(
  fc.constantFrom(
    'undefined',
    'null',
    '{}',
    '[]',
    '"__proto__"',
    '"constructor"',
    'NaN',
    'runCode',
    'mock',
  ),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? 'null'),
);
const line = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'assertThat',
        'assertApi',
        'runCode',
        'mock',
        'mockObject',
        'fail',
        'require',
      ),
      fc.array(argument, { maxLength: 2 }),
    )
    .map(([name, args]) => `${name}(${args.join(', ')});`),
  fc
    .tuple(
      argument,
      fc.constantFrom(
        'isEqualTo',
        'contains',
        'hasLength',
        'isEmpty',
        'isTrue',
        'constructor',
        '__proto__',
      ),
      argument,
    )
    .map(([actual, matcher, expected]) => `assertThat(${actual})["${matcher}"](${expected});`),
  fc
    .tuple(
      fc.constantFrom('sendPixel', 'gtmOnSuccess', 'nope', '__proto__'),
      fc.constantFrom('wasCalled', 'wasNotCalled', 'wasCalledWith', 'toString'),
      argument,
    )
    .map(([api, check, value]) => `assertApi("${api}").${check}(${value});`),
  argument.map(
    (value) => `require('callLater')(function () { assertThat(${value}).isDefined(); });`,
  ),
  fc.string({ maxLength: 20 }),
);

describe('random scenario bodies', () => {
  it('always give a scenario result, never a host exception or a polluted prototype', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), async (lines) => {
        const result = await runScenarioCode(
          lines.join('\n'),
          {},
          { limits: { maxSteps: 20_000, maxTasks: 100 } },
        );
        expect(typeof result.passed).toBe('boolean');
        expect(result.failures.every((failure) => typeof failure.message === 'string')).toBe(true);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
