import {
  looseEquals,
  toBoolean,
  toNumberValue,
  toPrimitive,
  toPropertyKey,
  toStringValue,
} from './conversions.js';
import type { Machine } from './machine.js';
import {
  SandboxCallable,
  OpaqueHandle,
  sandboxTypeOf,
  type SandboxValue,
} from './sandbox-values.js';

/**
 * Binary operators over sandbox values. Objects are reduced to primitives by the sandbox's own
 * ToPrimitive first, so the host operator only ever sees strings, numbers, booleans and nullish.
 */
export function binaryOperation(
  machine: Machine,
  operator: string,
  left: SandboxValue,
  right: SandboxValue,
): SandboxValue {
  switch (operator) {
    case '===':
      return left === right;
    case '!==':
      return left !== right;
    case '==':
      return looseEquals(left, right);
    case '!=':
      return !looseEquals(left, right);
    case '+':
      return add(machine, left, right);
    case 'in':
      return hasProperty(machine, left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(operator, toPrimitive(left), toPrimitive(right));
    default:
      return arithmetic(machine, operator, toNumberValue(left), toNumberValue(right));
  }
}

function add(machine: Machine, left: SandboxValue, right: SandboxValue): SandboxValue {
  const leftPrimitive = toPrimitive(left);
  const rightPrimitive = toPrimitive(right);
  if (typeof leftPrimitive === 'string' || typeof rightPrimitive === 'string') {
    const leftText = String(leftPrimitive);
    const rightText = String(rightPrimitive);
    if (leftText.length + rightText.length > machine.limits.maxStringLength)
      machine.checkString(leftText + rightText);
    return leftText + rightText;
  }
  return Number(leftPrimitive) + Number(rightPrimitive);
}

type Primitive = ReturnType<typeof toPrimitive>;

function compare(operator: '<' | '>' | '<=' | '>=', left: Primitive, right: Primitive): boolean {
  if (typeof left === 'string' && typeof right === 'string') {
    if (operator === '<') return left < right;
    if (operator === '>') return left > right;
    return operator === '<=' ? left <= right : left >= right;
  }
  const leftNumber = Number(left);
  const rightNumber = Number(right);
  if (operator === '<') return leftNumber < rightNumber;
  if (operator === '>') return leftNumber > rightNumber;
  return operator === '<=' ? leftNumber <= rightNumber : leftNumber >= rightNumber;
}

function arithmetic(machine: Machine, operator: string, left: number, right: number): number {
  switch (operator) {
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '%':
      return left % right;
    case '**':
      return left ** right;
    case '<<':
      return left << right;
    case '>>':
      return left >> right;
    case '>>>':
      return left >>> right;
    case '&':
      return left & right;
    case '|':
      return left | right;
    case '^':
      return left ^ right;
    default:
      throw machine.error('syntax', `the '${operator}' operator is not supported`);
  }
}

// `key in object` answers from own properties only, like every other lookup in the sandbox.
function hasProperty(machine: Machine, key: SandboxValue, object: SandboxValue): boolean {
  if (object === null || typeof object !== 'object') {
    throw machine.error(
      'type',
      `cannot use 'in' to search for '${toStringValue(key)}' in ${toStringValue(object)}`,
    );
  }
  if (object instanceof OpaqueHandle) return false;
  const name = toPropertyKey(key);
  if (object instanceof SandboxCallable)
    return object.properties !== undefined && name in object.properties;
  return Object.hasOwn(object, name);
}

/** Unary operators except `typeof` on an undeclared name, which the evaluator answers itself. */
export function unaryOperation(
  machine: Machine,
  operator: string,
  value: SandboxValue,
): SandboxValue {
  switch (operator) {
    case '!':
      return !toBoolean(value);
    case '-':
      return -toNumberValue(value);
    case '+':
      return toNumberValue(value);
    case '~':
      return ~toNumberValue(value);
    case 'typeof':
      return sandboxTypeOf(value);
    case 'void':
      return undefined;
    default:
      throw machine.error('syntax', `the '${operator}' operator is not supported`);
  }
}
