import { isRecord, type SandboxValue } from './sandbox-values.js';

/**
 * Value equality as the test API's `isEqualTo` and `wasCalledWith` use it (reference §4.2):
 * arrays element by element, objects by their own keys in any order, functions by identity,
 * and NaN equal to NaN.
 */
export function deepEqual(
  left: SandboxValue,
  right: SandboxValue,
  seen: Array<[object, object]> = [],
): boolean {
  if (left === right) return true;
  if (typeof left === 'number' && typeof right === 'number')
    return Number.isNaN(left) && Number.isNaN(right);
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object')
    return false;
  if (seen.some(([seenLeft, seenRight]) => seenLeft === left && seenRight === right)) return true;

  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    seen.push([left, right]);
    let isEqual = true;
    for (let index = 0; isEqual && index < left.length; index++) {
      isEqual = deepEqual(left[index], right[index], seen);
    }
    seen.pop();
    return isEqual;
  }
  if (!isRecord(left) || !isRecord(right)) return false;
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  seen.push([left, right]);
  const isEqual = leftKeys.every(
    (key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key], seen),
  );
  seen.pop();
  return isEqual;
}
