/**
 * Writes `value` as an own, enumerable property. Unlike `target[key] = value`, a key named
 * `__proto__` (which `JSON.parse` happily creates) stays data instead of swapping the prototype.
 */
export function setOwnValue(target: object, key: string, value: unknown): void {
  if (key !== '__proto__') {
    (target as Record<string, unknown>)[key] = value;
    return;
  }

  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
