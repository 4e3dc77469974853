import { setEntry } from '../text/set-entry.js';
import { cleanJsonValue } from './clean-json-value.js';
import { cleanText } from './clean-text.js';
import type { Column, ColumnType } from './column-types.js';

/** A value that failed its column type, with the path to it (`items[2].price`). */
export class ColumnValueError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ColumnValueError';
  }
}

/**
 * Checks one JSON value against a column type and returns it in the mirror row's form: text
 * cleaned, int64 given as digit text turned into a number, timestamps as ISO 8601, missing
 * struct fields as null and a null array as `[]`. Throws `ColumnValueError` naming the path
 * for a value of the wrong type or a struct field the schema does not have.
 */
export function readColumnValue(type: ColumnType, value: unknown, path: string): unknown {
  if (value === undefined || value === null) {
    return type.kind === 'array' ? [] : null;
  }
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? cleanText(value) : fail(path, 'text', value);
    case 'int64':
      return readInt64(value, path);
    case 'float64':
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : fail(path, 'a finite number', value);
    case 'bool':
      return typeof value === 'boolean' ? value : fail(path, 'true or false', value);
    case 'timestamp':
      return readTimestamp(value, path);
    case 'json':
      return cleanJsonValue(value);
    case 'struct':
      return readStruct(type.fields, value, path);
    case 'array':
      return Array.isArray(value)
        ? value.map((entry, index) => readColumnValue(type.of, entry, `${path}[${index}]`))
        : fail(path, 'an array', value);
  }
}

/** A struct's fields in schema order; keys the schema does not know are an error. */
export function readStruct(
  fields: readonly Column[],
  value: unknown,
  path: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, 'an object', value);
  }
  const record = value as Record<string, unknown>;
  const known = new Set(fields.map((field) => field.name));
  const unknown = Object.keys(record).find((key) => !known.has(key));
  if (unknown !== undefined) {
    throw new ColumnValueError(join(path, unknown), 'is not a column of the mirror row');
  }
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const fieldValue = Object.hasOwn(record, field.name) ? record[field.name] : undefined;
    setEntry(result, field.name, readColumnValue(field.type, fieldValue, join(path, field.name)));
  }
  return result;
}

function readInt64(value: unknown, path: string): number {
  const number = typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number)
    ? number
    : fail(path, 'a whole number below 2^53', value);
}

function readTimestamp(value: unknown, path: string): string {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(time)
    ? new Date(time).toISOString()
    : fail(path, 'an ISO 8601 time', value);
}

function fail(path: string, expected: string, value: unknown): never {
  const actual = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
  throw new ColumnValueError(path, `expected ${expected}, got ${actual}`);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
