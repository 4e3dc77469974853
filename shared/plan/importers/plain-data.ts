/**
 * Small readers for untrusted parsed data. Every record they build has a null prototype or is
 * filled through own-property writes, so no input key can reach `Object.prototype`.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a non-empty string, else `undefined`. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** `value` as a list: a list as is, anything else as no entries. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A deep copy of JSON-like data, dropping anything that is not JSON (and `__proto__` keys). */
export function copyData(value: unknown, depth = 0): unknown {
  if (depth > 256) return null;
  if (Array.isArray(value)) return value.map((item) => copyData(item, depth + 1));
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '__proto__') continue;
      copy[key] = copyData(child, depth + 1);
    }
    return copy;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return null;
}

/** Structural equality of JSON-like data (key order ignored). */
export function sameData(left: unknown, right: unknown, depth = 0): boolean {
  if (left === right) return true;
  if (depth > 256) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => sameData(item, right[index], depth + 1));
  }
  if (!isRecord(left) || !isRecord(right)) return false;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every(
    (key) => Object.hasOwn(right, key) && sameData(left[key], right[key], depth + 1),
  );
}

/** Sets `record[key]` as an own property even when the key is `__proto__`. */
export function putEntry(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
