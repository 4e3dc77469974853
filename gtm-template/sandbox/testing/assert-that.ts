import { toBoolean, toStringValue } from '../interpreter/conversions.js';
import { deepEqual } from '../interpreter/deep-equal.js';
import { formatValue } from '../interpreter/format-value.js';
import type { Machine } from '../interpreter/machine.js';
import { binaryOperation } from '../interpreter/operators.js';
import {
  createRecord,
  isRecord,
  NativeFunction,
  sandboxTypeName,
  type SandboxValue,
} from '../interpreter/sandbox-values.js';

/** A matcher: undefined when it holds, otherwise what was expected and what was found. */
type Matcher = (
  machine: Machine,
  actual: SandboxValue,
  expected: SandboxValue[],
) => string | undefined;

const show = formatValue;
const check = (holds: boolean, failure: () => string) => (holds ? undefined : failure());

function typeMatcher(type: ReturnType<typeof sandboxTypeName>, article: string): Matcher {
  return (_machine, actual) =>
    check(
      sandboxTypeName(actual) === type,
      () => `expected ${show(actual)} to be ${article} ${type}`,
    );
}

function ordering(operator: '>' | '>=' | '<' | '<=', words: string): Matcher {
  return (machine, actual, [expected]) =>
    check(
      binaryOperation(machine, operator, actual, expected) === true,
      () => `expected ${show(actual)} to be ${words} ${show(expected)}`,
    );
}

const isInfinite = (value: SandboxValue) => value === Infinity || value === -Infinity;
const isNaNValue = (value: SandboxValue) => typeof value === 'number' && Number.isNaN(value);

/** The 35 matchers of `assertThat(actual, message)`, named and ordered as reference §4.2 lists them. */
export const matchers: Record<string, Matcher> = {
  isUndefined: (_m, actual) =>
    check(actual === undefined, () => `expected ${show(actual)} to be undefined`),
  isDefined: (_m, actual) =>
    check(actual !== undefined, () => 'expected a defined value, but it was undefined'),
  isNull: (_m, actual) => check(actual === null, () => `expected ${show(actual)} to be null`),
  isNotNull: (_m, actual) =>
    check(actual !== null, () => 'expected a value other than null, but it was null'),
  isFalse: (_m, actual) => check(actual === false, () => `expected ${show(actual)} to be false`),
  isTrue: (_m, actual) => check(actual === true, () => `expected ${show(actual)} to be true`),
  isFalsy: (_m, actual) => check(!toBoolean(actual), () => `expected ${show(actual)} to be falsy`),
  isTruthy: (_m, actual) => check(toBoolean(actual), () => `expected ${show(actual)} to be truthy`),
  isNaN: (_m, actual) => check(isNaNValue(actual), () => `expected ${show(actual)} to be NaN`),
  isNotNaN: (_m, actual) =>
    check(!isNaNValue(actual), () => 'expected a value other than NaN, but it was NaN'),
  isInfinity: (_m, actual) =>
    check(isInfinite(actual), () => `expected ${show(actual)} to be Infinity`),
  isNotInfinity: (_m, actual) =>
    check(!isInfinite(actual), () => `expected ${show(actual)} not to be Infinity`),
  isEqualTo: (_m, actual, [expected]) =>
    check(deepEqual(actual, expected), () => `expected ${show(actual)} to equal ${show(expected)}`),
  isNotEqualTo: (_m, actual, [expected]) =>
    check(
      !deepEqual(actual, expected),
      () => `expected ${show(actual)} not to equal ${show(expected)}`,
    ),
  isStrictlyEqualTo: (_m, actual, [expected]) =>
    check(
      actual === expected,
      () => `expected ${show(actual)} to be strictly equal (===) to ${show(expected)}`,
    ),
  isNotStrictlyEqualTo: (_m, actual, [expected]) =>
    check(
      actual !== expected,
      () => `expected ${show(actual)} not to be strictly equal (===) to ${show(expected)}`,
    ),
  isAnyOf: (_m, actual, expected) =>
    check(
      expected.some((value) => deepEqual(actual, value)),
      () => `expected ${show(actual)} to be any of ${show(expected)}`,
    ),
  isNoneOf: (_m, actual, expected) =>
    check(
      !expected.some((value) => deepEqual(actual, value)),
      () => `expected ${show(actual)} to be none of ${show(expected)}`,
    ),
  isGreaterThan: ordering('>', 'greater than'),
  isGreaterThanOrEqualTo: ordering('>=', 'greater than or equal to'),
  isLessThan: ordering('<', 'less than'),
  isLessThanOrEqualTo: ordering('<=', 'less than or equal to'),
  contains: (_m, actual, expected) => containment(actual, expected, true),
  doesNotContain: (_m, actual, expected) => containment(actual, expected, false),
  containsExactly: (_m, actual, expected) => exactContents(actual, expected, true),
  doesNotContainExactly: (_m, actual, expected) => exactContents(actual, expected, false),
  hasLength: (_m, actual, [expected]) => hasLength(actual, expected),
  isEmpty: (_m, actual) => emptiness(actual, true),
  isNotEmpty: (_m, actual) => emptiness(actual, false),
  isArray: typeMatcher('array', 'an'),
  isBoolean: typeMatcher('boolean', 'a'),
  isFunction: typeMatcher('function', 'a'),
  isNumber: typeMatcher('number', 'a'),
  isObject: typeMatcher('object', 'an'),
  isString: typeMatcher('string', 'a'),
};

// contains / doesNotContain: an array holds a deep-equal element; a string holds the substring.
function containment(
  actual: SandboxValue,
  expected: SandboxValue[],
  wanted: boolean,
): string | undefined {
  const holds = (value: SandboxValue) =>
    typeof actual === 'string'
      ? actual.includes(toStringValue(value))
      : (actual as SandboxValue[]).some((element) => deepEqual(element, value));
  if (typeof actual !== 'string' && !Array.isArray(actual)) {
    return `expected an array or a string to search, but got ${show(actual)}`;
  }
  const offending = expected.filter((value) => holds(value) !== wanted);
  if (offending.length === 0) return undefined;
  return `expected ${show(actual)} ${wanted ? 'to contain' : 'not to contain'} ${offending.map(show).join(', ')}`;
}

// containsExactly: the same elements as a multiset, in any order (reference §4.2).
function exactContents(
  actual: SandboxValue,
  expected: SandboxValue[],
  wanted: boolean,
): string | undefined {
  if (!Array.isArray(actual)) return `expected an array, but got ${show(actual)}`;
  const remaining = expected.slice();
  const isExact =
    actual.length === expected.length &&
    actual.every((element) => {
      const index = remaining.findIndex((value) => deepEqual(element, value));
      if (index < 0) return false;
      remaining.splice(index, 1);
      return true;
    });
  return check(
    isExact === wanted,
    () =>
      `expected ${show(actual)} ${wanted ? 'to contain exactly' : 'not to contain exactly'} ${show(expected)}`,
  );
}

function hasLength(actual: SandboxValue, expected: SandboxValue): string | undefined {
  if (typeof actual !== 'string' && !Array.isArray(actual)) {
    return `expected an array or a string to have length ${show(expected)}, but got ${show(actual)}`;
  }
  return check(
    actual.length === expected,
    () =>
      `expected ${show(actual)} to have length ${show(expected)}, but its length is ${actual.length}`,
  );
}

function emptiness(actual: SandboxValue, wanted: boolean): string | undefined {
  let size: number;
  if (typeof actual === 'string' || Array.isArray(actual)) size = actual.length;
  else if (isRecord(actual)) size = Object.keys(actual).length;
  else return `expected an array, a string or an object, but got ${show(actual)}`;
  return check(
    (size === 0) === wanted,
    () => `expected ${show(actual)} ${wanted ? 'to be empty' : 'not to be empty'}`,
  );
}

/** `assertThat(actual, message?)`: a subject whose matchers throw an assertion failure. */
export function createAssertThat(machine: Machine): NativeFunction {
  return new NativeFunction('assertThat', ([actual, message]) => {
    const subject = createRecord();
    for (const [name, matcher] of Object.entries(matchers)) {
      subject[name] = new NativeFunction(name, (expected) => {
        const failure = matcher(machine, actual, expected);
        if (failure === undefined) return undefined;
        const prefix = message === undefined ? '' : `${toStringValue(message)}: `;
        throw machine.error('assertion', `${prefix}${failure}`);
      });
    }
    return subject;
  });
}
