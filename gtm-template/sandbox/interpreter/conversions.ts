import type { Machine } from './machine.js';
import { isCallable, type SandboxValue } from './sandbox-values.js';

type Primitive = undefined | null | boolean | number | string;

/**
 * JavaScript's ToPrimitive for sandbox values, without ever touching a host prototype: arrays
 * join their elements, objects read '[object Object]'.
 */
export function toPrimitive(value: SandboxValue, seen?: Set<unknown>): Primitive {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return joinElements(value, ',', seen);
  if (isCallable(value)) return 'function () { [sandboxed code] }';
  return '[object Object]';
}

export function toStringValue(value: SandboxValue, seen?: Set<unknown>): string {
  const primitive = toPrimitive(value, seen);
  return String(primitive);
}

export function toNumberValue(value: SandboxValue): number {
  return Number(toPrimitive(value));
}

export function toBoolean(value: SandboxValue): boolean {
  if (value !== null && typeof value === 'object') return true;
  return Boolean(value);
}

/** The key a computed member access or `in` uses. */
export function toPropertyKey(value: SandboxValue): string {
  return typeof value === 'string' ? value : toStringValue(value);
}

/** Array join with JavaScript's rules: null and undefined print empty; cycles print empty. */
export function joinElements(
  array: readonly SandboxValue[],
  separator: string,
  seen: Set<unknown> = new Set(),
  machine?: Machine,
): string {
  if (seen.has(array)) return '';
  seen.add(array);
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; index < array.length; index++) {
    machine?.charge(1);
    const element = array[index];
    const part = element === null || element === undefined ? '' : toStringValue(element, seen);
    length += part.length + separator.length;
    if (machine && length > machine.limits.maxStringLength) {
      throw machine.error(
        'limit',
        `a string grew past ${machine.limits.maxStringLength} characters`,
      );
    }
    parts.push(part);
  }
  seen.delete(array);
  return parts.join(separator);
}

/** `==` for sandbox values: primitives as JavaScript compares them, objects by identity. */
export function looseEquals(left: SandboxValue, right: SandboxValue): boolean {
  const isLeftObject = left !== null && typeof left === 'object';
  const isRightObject = right !== null && typeof right === 'object';
  if (isLeftObject && isRightObject) return left === right;
  if (isLeftObject && !isNullish(right)) return toPrimitive(left) == right;
  if (isRightObject && !isNullish(left)) return left == toPrimitive(right);
  if (isLeftObject || isRightObject) return false;
  return (left as Primitive) == (right as Primitive);
}

function isNullish(value: SandboxValue): boolean {
  return value === null || value === undefined;
}

/** A canonical array index ("0", "17"), as JavaScript recognises one. */
export function arrayIndex(key: string): number | undefined {
  if (key.length === 0 || key.length > 10) return undefined;
  const code = key.charCodeAt(0);
  if (code < 48 || code > 57 || (code === 48 && key.length > 1)) return undefined;
  const index = Number(key);
  return Number.isInteger(index) && index < 4294967295 && String(index) === key ? index : undefined;
}
