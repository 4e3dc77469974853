import type { ColumnType } from '../column-types.js';
import { MIRROR_COLUMNS, MIRROR_KEY_COLUMN } from '../mirror-columns.js';
import { renderColumnType } from './render-column-type.js';
import { quoteColumnName, quoteTableName } from './warehouse-dialect.js';

/**
 * DuckDB: inserts a batch of mirror rows given as one JSON array text in parameter `$1`. DuckDB
 * parses the JSON itself (`from_json` with the table's own structure), so a batch costs one
 * statement and no per-value binding; rows whose `event_id` is already stored are skipped.
 */
export function duckDbInsertSql(table = 'events'): string {
  const structure = JSON.stringify([duckDbJsonStructure()]);
  const names = MIRROR_COLUMNS.map((column) => quoteColumnName('duckdb', column.name));
  return [
    `INSERT INTO ${quoteTableName('duckdb', table)} (${names.join(', ')})`,
    `SELECT ${names.map((name) => `r.${name}`).join(', ')}`,
    `FROM (SELECT unnest(from_json($1::JSON, '${structure.replaceAll("'", "''")}')) AS r)`,
    `ON CONFLICT (${quoteColumnName('duckdb', MIRROR_KEY_COLUMN)}) DO NOTHING`,
  ].join('\n');
}

/** The `from_json` structure of one row: column names to DuckDB type names, nested as JSON. */
export function duckDbJsonStructure(): Record<string, unknown> {
  return Object.fromEntries(
    MIRROR_COLUMNS.map((column) => [column.name, structureOf(column.type)]),
  );
}

function structureOf(type: ColumnType): unknown {
  if (type.kind === 'struct') {
    return Object.fromEntries(type.fields.map((field) => [field.name, structureOf(field.type)]));
  }
  return type.kind === 'array' ? [structureOf(type.of)] : renderColumnType('duckdb', type);
}

/**
 * PostgreSQL: the same, with `jsonb_to_recordset` turning the JSON array in `$1` into typed rows
 * (nested columns arrive as JSONB) and ON CONFLICT DO NOTHING on `event_id`.
 */
export function postgresInsertSql(table = 'events'): string {
  const names = MIRROR_COLUMNS.map((column) => quoteColumnName('postgres', column.name));
  const record = MIRROR_COLUMNS.map(
    (column) =>
      `${quoteColumnName('postgres', column.name)} ${renderColumnType('postgres', column.type)}`,
  );
  return [
    `INSERT INTO ${quoteTableName('postgres', table)} (${names.join(', ')})`,
    `SELECT ${names.join(', ')}`,
    `FROM jsonb_to_recordset($1::jsonb) AS r(${record.join(', ')})`,
    `ON CONFLICT (${quoteColumnName('postgres', MIRROR_KEY_COLUMN)}) DO NOTHING`,
  ].join('\n');
}
