import { describe, expect, it } from 'vitest';
import { matchers } from '../../gtm-template/sandbox/testing/assert-that.js';
import { runScenarioCode } from './stub-apis.js';

// Reference §4.2: the 35 matchers. Each row: a call that holds, and one that fails.
const rows: Array<[string, string, string]> = [
  ['isUndefined', 'assertThat(undefined).isUndefined()', 'assertThat(0).isUndefined()'],
  ['isDefined', 'assertThat(null).isDefined()', 'assertThat(undefined).isDefined()'],
  ['isNull', 'assertThat(null).isNull()', 'assertThat(undefined).isNull()'],
  ['isNotNull', 'assertThat(undefined).isNotNull()', 'assertThat(null).isNotNull()'],
  ['isFalse', 'assertThat(false).isFalse()', 'assertThat(0).isFalse()'],
  ['isTrue', 'assertThat(true).isTrue()', 'assertThat(1).isTrue()'],
  ['isFalsy', 'assertThat("").isFalsy()', 'assertThat([]).isFalsy()'],
  ['isTruthy', 'assertThat({}).isTruthy()', 'assertThat(NaN).isTruthy()'],
  ['isNaN', 'assertThat(NaN).isNaN()', 'assertThat("abc").isNaN()'],
  ['isNotNaN', 'assertThat("abc").isNotNaN()', 'assertThat(0 / 0).isNotNaN()'],
  ['isInfinity', 'assertThat(-1 / 0).isInfinity()', 'assertThat(1e308).isInfinity()'],
  ['isNotInfinity', 'assertThat(1e308).isNotInfinity()', 'assertThat(Infinity).isNotInfinity()'],
  [
    'isEqualTo',
    'assertThat({a: [1, {b: 2}], c: "x"}).isEqualTo({c: "x", a: [1, {b: 2}]})',
    'assertThat({a: [1, 2]}).isEqualTo({a: [1, "2"]})',
  ],
  [
    'isNotEqualTo',
    'assertThat([1, 2]).isNotEqualTo([2, 1])',
    'assertThat({a: 1}).isNotEqualTo({a: 1})',
  ],
  [
    'isStrictlyEqualTo',
    'var o = {}; assertThat(o).isStrictlyEqualTo(o)',
    'assertThat({}).isStrictlyEqualTo({})',
  ],
  [
    'isNotStrictlyEqualTo',
    'assertThat({}).isNotStrictlyEqualTo({})',
    'assertThat("a").isNotStrictlyEqualTo("a")',
  ],
  ['isAnyOf', 'assertThat({a: 1}).isAnyOf(1, {a: 1})', 'assertThat(3).isAnyOf(1, 2)'],
  ['isNoneOf', 'assertThat(3).isNoneOf(1, 2)', 'assertThat([1]).isNoneOf([1], 2)'],
  ['isGreaterThan', 'assertThat(2).isGreaterThan(1)', 'assertThat(1).isGreaterThan(1)'],
  [
    'isGreaterThanOrEqualTo',
    'assertThat(1).isGreaterThanOrEqualTo(1)',
    'assertThat(0).isGreaterThanOrEqualTo(1)',
  ],
  ['isLessThan', 'assertThat("a").isLessThan("b")', 'assertThat(2).isLessThan(1)'],
  [
    'isLessThanOrEqualTo',
    'assertThat(1).isLessThanOrEqualTo(1)',
    'assertThat(2).isLessThanOrEqualTo(1)',
  ],
  [
    'contains',
    'assertThat([{id: 1}, 2, "x"]).contains("x", {id: 1}); assertThat("purchase").contains("chas")',
    'assertThat([1, 2]).contains(2, 3)',
  ],
  [
    'doesNotContain',
    'assertThat([1, 2]).doesNotContain(3, {id: 1}); assertThat("abc").doesNotContain("d")',
    'assertThat("abc").doesNotContain("b")',
  ],
  [
    'containsExactly',
    'assertThat([1, {a: 2}, 1]).containsExactly({a: 2}, 1, 1)',
    'assertThat([1, 1, 2]).containsExactly(1, 2, 2)',
  ],
  [
    'doesNotContainExactly',
    'assertThat([1, 2]).doesNotContainExactly(1, 2, 3)',
    'assertThat([2, 1]).doesNotContainExactly(1, 2)',
  ],
  [
    'hasLength',
    'assertThat([1, 2]).hasLength(2); assertThat("abc").hasLength(3)',
    'assertThat({length: 2}).hasLength(2)',
  ],
  [
    'isEmpty',
    'assertThat([]).isEmpty(); assertThat("").isEmpty(); assertThat({}).isEmpty()',
    'assertThat([undefined]).isEmpty()',
  ],
  [
    'isNotEmpty',
    'assertThat("x").isNotEmpty(); assertThat({a: 1}).isNotEmpty()',
    'assertThat([]).isNotEmpty()',
  ],
  ['isArray', 'assertThat([]).isArray()', 'assertThat({length: 0}).isArray()'],
  ['isBoolean', 'assertThat(false).isBoolean()', 'assertThat("true").isBoolean()'],
  [
    'isFunction',
    'assertThat(function () {}).isFunction(); assertThat(require("getType")).isFunction()',
    'assertThat({}).isFunction()',
  ],
  ['isNumber', 'assertThat(NaN).isNumber()', 'assertThat("1").isNumber()'],
  ['isObject', 'assertThat({}).isObject()', 'assertThat([]).isObject()'],
  ['isString', 'assertThat("").isString()', 'assertThat(null).isString()'],
];

describe('assertThat', () => {
  it('has exactly the 35 matchers of the reference, no more', () => {
    expect(Object.keys(matchers).sort()).toEqual(rows.map(([name]) => name).sort());
    expect(rows).toHaveLength(35);
  });

  it.each(rows)('%s passes when it holds', async (_name, passing) => {
    const result = await runScenarioCode(`${passing};`);
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it.each(rows)(
    '%s fails with a message and the line when it does not hold',
    async (name, _passing, failing) => {
      const result = await runScenarioCode(`var before = 1;\n${failing};\nfail("not reached");`);
      expect(result.passed).toBe(false);
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]).toMatchObject({ kind: 'assertion', source: 'code', line: 2 });
      expect(result.failures[0]?.message).not.toContain('not reached');
      expect(result.failures[0]?.message, name).toMatch(/^expected /);
    },
  );

  it('puts the optional message first', async () => {
    const result = await runScenarioCode('assertThat(1, "the count").isEqualTo(2);');
    expect(result.failures[0]?.message).toBe('the count: expected 1 to equal 2');
  });

  it('compares the value a MACRO returned', async () => {
    const result = await runScenarioCode(
      'assertThat(runCode({value: [1, "a"]})).isEqualTo([1, "a"]);',
    );
    expect(result.passed).toBe(true);
  });
});

describe('fail()', () => {
  it('fails the scenario at once with its message', async () => {
    const result = await runScenarioCode('fail("stop here");\nassertThat(1).isEqualTo(1);');
    expect(result.failures).toEqual([
      { kind: 'assertion', message: 'stop here', source: 'code', line: 1, column: 1 },
    ]);
  });

  it('has a default message', async () => {
    const result = await runScenarioCode('fail();');
    expect(result.failures[0]?.message).toBe('the test called fail()');
  });
});
