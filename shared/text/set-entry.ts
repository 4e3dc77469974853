/**
 * Stores `value` under `key` as an own property, even when the key comes from the wire and
 * is `__proto__`: plain assignment would reach the inherited `__proto__` setter instead, which
 * drops a text value and turns an object value into the record's prototype. The record stays
 * a plain, JSON-serialisable object and `Object.prototype` is never touched.
 */
export function setEntry<Value>(
  record: Record<string, Value>,
  key: string,
  value: NoInfer<Value>,
): void {
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
