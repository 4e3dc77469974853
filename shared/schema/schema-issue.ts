/** One way a value fails a JSON Schema: the keyword that failed and where, as data. */
export interface SchemaIssue {
  /** The failing keyword (`required`, `type`, `enum`, `pattern`, `maximum` …). */
  keyword: string;
  /** JSON Pointer to the failing value (`/items/0/price`); `''` is the whole instance. */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** Extends a JSON Pointer by one key, escaping `~` and `/` as RFC 6901 asks. */
export function childPath(path: string, key: string | number): string {
  const token =
    typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
  return `${path}/${token}`;
}

/** The JSON type name of a value, as JSON Schema's `type` keyword sees it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Structural equality for `enum`, `const` and `uniqueItems`. */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
    return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    return (
      left.length === right.length && left.every((value, index) => deepEqual(value, right[index]))
    );
  }
  const leftKeys = Object.keys(left);
  const rightRecord = right as Record<string, unknown>;
  if (leftKeys.length !== Object.keys(right).length) return false;
  return leftKeys.every(
    (key) =>
      Object.hasOwn(rightRecord, key) &&
      deepEqual((left as Record<string, unknown>)[key], rightRecord[key]),
  );
}
