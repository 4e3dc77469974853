/**
 * Sets `record[key]` as an own data property. For the key `__proto__` a plain assignment
 * would replace the object's prototype instead, so that one key is defined explicitly.
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return;
  }
  record[key] = value;
}
