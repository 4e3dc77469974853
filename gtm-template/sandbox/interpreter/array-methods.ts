import { joinElements, toNumberValue, toStringValue } from './conversions.js';
import type { Machine } from './machine.js';
import { isCallable, type SandboxCallable, type SandboxValue } from './sandbox-values.js';
import type { Method } from './string-methods.js';

type SandboxArray = SandboxValue[];

/**
 * Array methods sandboxed code may call: the standard library's list (reference §2.4) plus
 * `hasOwnProperty`. Callbacks run as sandbox calls; every visited element costs a step.
 */
export const arrayMethods = new Map<string, Method<SandboxArray>>([
  ['concat', concat],
  ['every', (machine, array, args) => iterate(machine, array, args, 'every')],
  ['filter', filter],
  ['forEach', (machine, array, args) => iterate(machine, array, args, 'forEach')],
  ['indexOf', (_machine, array, args) => array.indexOf(args[0], optionalNumber(args[1]))],
  ['join', (machine, array, args) => join(machine, array, args[0])],
  ['lastIndexOf', (_machine, array, args) => lastIndexOf(array, args)],
  ['map', map],
  ['pop', (_machine, array) => array.pop()],
  ['push', (machine, array, args) => grow(machine, array, args, 'push')],
  ['reduce', (machine, array, args) => reduce(machine, array, args, false)],
  ['reduceRight', (machine, array, args) => reduce(machine, array, args, true)],
  ['reverse', (machine, array) => (machine.charge(array.length), array.reverse())],
  ['shift', (machine, array) => (machine.charge(array.length), array.shift())],
  ['slice', slice],
  ['some', (machine, array, args) => iterate(machine, array, args, 'some')],
  ['sort', sort],
  ['splice', splice],
  ['toString', (machine, array) => join(machine, array, undefined)],
  ['unshift', (machine, array, args) => grow(machine, array, args, 'unshift')],
  ['hasOwnProperty', (_machine, array, args) => Object.hasOwn(array, toStringValue(args[0]))],
]);

function callback(machine: Machine, value: SandboxValue): SandboxCallable {
  if (isCallable(value)) return value;
  throw machine.error('type', `${toStringValue(value)} is not a function`);
}

function optionalNumber(value: SandboxValue): number | undefined {
  return value === undefined ? undefined : toNumberValue(value);
}

function concat(machine: Machine, array: SandboxArray, args: SandboxValue[]): SandboxArray {
  const result = array.slice();
  for (const arg of args) {
    const items = Array.isArray(arg) ? arg : [arg];
    machine.checkArrayLength(result.length + items.length);
    for (const item of items) result.push(item);
  }
  machine.charge(result.length);
  return result;
}

type IterationKind = 'every' | 'some' | 'forEach';

function iterate(
  machine: Machine,
  array: SandboxArray,
  args: SandboxValue[],
  kind: IterationKind,
): SandboxValue {
  const visit = callback(machine, args[0]);
  const length = array.length;
  for (let index = 0; index < length; index++) {
    machine.charge(1);
    if (!(index in array)) continue;
    const result = machine.call(visit, [array[index], index, array]);
    if (kind === 'every' && !isTruthy(result)) return false;
    if (kind === 'some' && isTruthy(result)) return true;
  }
  return kind === 'every' ? true : kind === 'some' ? false : undefined;
}

function isTruthy(value: SandboxValue): boolean {
  return (value !== null && typeof value === 'object') || Boolean(value);
}

function filter(machine: Machine, array: SandboxArray, args: SandboxValue[]): SandboxArray {
  const keep = callback(machine, args[0]);
  const result: SandboxArray = [];
  const length = array.length;
  for (let index = 0; index < length; index++) {
    machine.charge(1);
    if (!(index in array)) continue;
    const element = array[index];
    if (isTruthy(machine.call(keep, [element, index, array]))) result.push(element);
  }
  return result;
}

function map(machine: Machine, array: SandboxArray, args: SandboxValue[]): SandboxArray {
  const transform = callback(machine, args[0]);
  const length = array.length;
  const result: SandboxArray = new Array<SandboxValue>(length);
  for (let index = 0; index < length; index++) {
    machine.charge(1);
    if (!(index in array)) continue;
    result[index] = machine.call(transform, [array[index], index, array]);
  }
  return result;
}

function join(machine: Machine, array: SandboxArray, separator: SandboxValue): string {
  const text = separator === undefined ? ',' : toStringValue(separator);
  return joinElements(array, text, new Set(), machine);
}

function lastIndexOf(array: SandboxArray, args: SandboxValue[]): number {
  if (args.length < 2) return array.lastIndexOf(args[0]);
  return array.lastIndexOf(args[0], toNumberValue(args[1]));
}

function grow(
  machine: Machine,
  array: SandboxArray,
  args: SandboxValue[],
  how: 'push' | 'unshift',
): number {
  machine.checkArrayLength(array.length + args.length);
  machine.charge(how === 'unshift' ? array.length + args.length : args.length);
  return how === 'push' ? array.push(...args) : array.unshift(...args);
}

function reduce(
  machine: Machine,
  array: SandboxArray,
  args: SandboxValue[],
  fromRight: boolean,
): SandboxValue {
  const combine = callback(machine, args[0]);
  const indexes = [...array.keys()].filter((index) => index in array);
  if (fromRight) indexes.reverse();
  machine.charge(array.length);
  let accumulator: SandboxValue;
  let start = 0;
  if (args.length >= 2) {
    accumulator = args[1];
  } else {
    if (indexes.length === 0)
      throw machine.error('type', 'reduce of an empty array with no initial value');
    accumulator = array[indexes[0]!];
    start = 1;
  }
  for (let position = start; position < indexes.length; position++) {
    const index = indexes[position]!;
    accumulator = machine.call(combine, [accumulator, array[index], index, array]);
  }
  return accumulator;
}

function slice(machine: Machine, array: SandboxArray, args: SandboxValue[]): SandboxArray {
  const result = array.slice(optionalNumber(args[0]), optionalNumber(args[1]));
  machine.charge(result.length);
  return result;
}

function splice(machine: Machine, array: SandboxArray, args: SandboxValue[]): SandboxArray {
  machine.charge(array.length);
  if (args.length === 0) return [];
  const start = toNumberValue(args[0]);
  if (args.length === 1) return array.splice(start);
  const items = args.slice(2);
  machine.checkArrayLength(array.length + items.length);
  return array.splice(start, toNumberValue(args[1]), ...items);
}

// JavaScript's sort moves undefined to the end and compares the rest as strings unless a
// comparator is given; the comparator here is sandbox code, charged one step per comparison.
function sort(machine: Machine, array: SandboxArray, args: SandboxValue[]): SandboxArray {
  const comparator = args[0];
  if (comparator !== undefined && !isCallable(comparator)) {
    throw machine.error('type', 'the comparator given to sort is not a function');
  }
  const defined = array.filter((element) => element !== undefined);
  const undefinedCount = array.length - defined.length;
  defined.sort((left, right) => {
    machine.charge(1);
    if (comparator !== undefined) {
      const order = toNumberValue(machine.call(comparator, [left, right]));
      return Number.isNaN(order) ? 0 : order;
    }
    const leftText = toStringValue(left);
    const rightText = toStringValue(right);
    return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
  });
  for (let index = 0; index < defined.length; index++) array[index] = defined[index];
  for (let index = 0; index < undefinedCount; index++) array[defined.length + index] = undefined;
  return array;
}
