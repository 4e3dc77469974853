/** The engines the mirror row has DDL for. */
export type WarehouseDialect = 'bigquery' | 'duckdb' | 'postgres' | 'clickhouse' | 'snowflake';

export const WAREHOUSE_DIALECTS: readonly WarehouseDialect[] = [
  'bigquery',
  'duckdb',
  'postgres',
  'clickhouse',
  'snowflake',
];

/** Table names are identifiers, optionally qualified: `events`, `analytics.events`. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*){0,2}$/;

/**
 * A table or view name quoted for the dialect, each dotted part on its own. Throws a
 * `RangeError` naming the value for anything that is not a plain (qualified) identifier: names
 * come from configuration, and are never built from request data.
 */
export function quoteTableName(dialect: WarehouseDialect, name: string): string {
  if (!TABLE_NAME.test(name)) {
    throw new RangeError(
      `table name "${name}" is not a plain identifier: use letters, digits and _ (dataset.table allowed)`,
    );
  }
  const quote = dialect === 'bigquery' || dialect === 'clickhouse' ? '`' : '"';
  return name
    .split('.')
    .map((part) => `${quote}${part}${quote}`)
    .join('.');
}

/** A column name quoted for the dialect (column names are fixed, from `MIRROR_COLUMNS`). */
export function quoteColumnName(dialect: WarehouseDialect, name: string): string {
  return dialect === 'bigquery' || dialect === 'clickhouse' ? `\`${name}\`` : `"${name}"`;
}
