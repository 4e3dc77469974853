import type { ColumnType } from '../../shared/warehouse/column-types.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import type { MirrorRow } from '../../shared/warehouse/mirror-row.js';

type WriteValue = (value: unknown) => string;

/**
 * A mirror row as JSON with every null field of its columns left out, at any depth (a number
 * JSON cannot hold counts as null, as `JSON.stringify` writes it): what a warehouse that
 * reads rows against the table's own column types (DuckDB's `read_json` with `columns`) reads
 * exactly as the full row, since a missing field is null there. A row of the bench's real
 * events shrinks from about 2.7 kB to 1.5 kB, which is less text to write here and to parse in
 * the warehouse. Values are written as `JSON.stringify` writes them; one whose type is not its
 * column's (never the case for a built row) is written by `JSON.stringify` as it stands.
 */
export function sparseRowJson(row: MirrorRow): string {
  return writeRow(row);
}

const writeRow = structWriter(MIRROR_COLUMNS);

function writerFor(type: ColumnType): WriteValue {
  switch (type.kind) {
    case 'struct':
      return structWriter(type.fields);
    case 'array':
      return arrayWriter(writerFor(type.of));
    case 'json':
      return (value) => JSON.stringify(value) ?? 'null';
    default:
      // Text, numbers, booleans and timestamps (ISO text) are written as they are.
      return writeScalar;
  }
}

/** What `JSON.stringify` would escape in text: quotes, backslashes, controls, surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what to find.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A scalar as `JSON.stringify` writes it. Most of a row's text needs no escape, and quoting
 * it directly took about 50 ns a value against 85 for the call (the bench's rows hold 28 to
 * 109 values, 39 at the median).
 */
function writeScalar(value: unknown): string {
  if (typeof value === 'string' && !NEEDS_ESCAPE.test(value)) {
    return `"${value}"`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return JSON.stringify(value) ?? 'null';
}

interface StructFields {
  names: readonly string[];
  /** Each field's place among `names`. */
  positions: ReadonlyMap<string, number>;
  keys: readonly string[];
  writers: readonly WriteValue[];
}

function structWriter(columns: ReadonlyArray<{ name: string; type: ColumnType }>): WriteValue {
  const fields: StructFields = {
    names: columns.map((column) => column.name),
    positions: new Map(columns.map((column, index) => [column.name, index])),
    keys: columns.map((column) => `${JSON.stringify(column.name)}:`),
    writers: columns.map((column) => writerFor(column.type)),
  };
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return JSON.stringify(value) ?? 'null';
    }
    const record = value as Record<string, unknown>;
    return writeInOwnOrder(record, fields) ?? writeInColumnOrder(record, fields);
  };
}

/**
 * The struct written by walking its keys, which a row builder's object holds in column order:
 * reading a field by a name from a list is a slow look-up once one writer has seen many
 * shapes, and a walk is not. Undefined when the fields to write are not in column order.
 */
function writeInOwnOrder(
  record: Record<string, unknown>,
  fields: StructFields,
): string | undefined {
  let text = '{';
  let previous = -1;
  for (const name in record) {
    // Null fields are most of a row's and are left out wherever they stand.
    const field = record[name];
    if (isNullInJson(field)) continue;
    const index = fields.positions.get(name);
    if (index === undefined) continue;
    if (index < previous) return undefined;
    previous = index;
    if (text.length > 1) text += ',';
    text += fields.keys[index]! + fields.writers[index]!(field);
  }
  return `${text}}`;
}

function writeInColumnOrder(record: Record<string, unknown>, fields: StructFields): string {
  let text = '{';
  for (let index = 0; index < fields.names.length; index++) {
    const field = record[fields.names[index]!];
    if (isNullInJson(field)) continue;
    if (text.length > 1) text += ',';
    text += fields.keys[index]! + fields.writers[index]!(field);
  }
  return `${text}}`;
}

/** Null, absent, or a number JSON can only write as null (NaN, ±Infinity). */
function isNullInJson(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && !isFinite(value));
}

function arrayWriter(writeItem: WriteValue): WriteValue {
  return (value) => {
    if (!Array.isArray(value)) {
      return JSON.stringify(value) ?? 'null';
    }
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (index > 0) text += ',';
      text += item === null || item === undefined ? 'null' : writeItem(item);
    }
    return `${text}]`;
  };
}
