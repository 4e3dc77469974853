import type { Column } from '../column-types.js';
import { MIRROR_COLUMNS, MIRROR_KEY_COLUMN } from '../mirror-columns.js';
import { clickHouseColumnType, renderColumnType } from './render-column-type.js';
import { quoteColumnName, quoteTableName, type WarehouseDialect } from './warehouse-dialect.js';

/**
 * `CREATE TABLE IF NOT EXISTS` for the mirror row in one dialect. The unique key is `event_id`
 * wherever the engine has one, so replays insert nothing twice:
 * - DuckDB, PostgreSQL: PRIMARY KEY, written to with ON CONFLICT DO NOTHING.
 * - BigQuery: PRIMARY KEY NOT ENFORCED (a hint for joins); dedupe with MERGE on load.
 * - ClickHouse: ReplacingMergeTree ordered by `event_id`, which drops duplicates when parts
 *   merge (`SELECT … FINAL` sees them removed at once).
 * - Snowflake: PRIMARY KEY is informational only; dedupe with MERGE on load.
 */
export function createMirrorTableSql(
  dialect: WarehouseDialect,
  table = 'events',
  columns: readonly Column[] = MIRROR_COLUMNS,
): string {
  const name = quoteTableName(dialect, table);
  const definitions = columns.map((column) => `  ${columnDefinition(dialect, column)}`);
  const key = quoteColumnName(dialect, MIRROR_KEY_COLUMN);
  switch (dialect) {
    case 'clickhouse':
      return [
        `CREATE TABLE IF NOT EXISTS ${name} (`,
        definitions.join(',\n'),
        ')',
        'ENGINE = ReplacingMergeTree',
        'PARTITION BY substring(event_date, 1, 6)',
        `ORDER BY ${key}`,
        'SETTINGS non_replicated_deduplication_window = 1000',
      ].join('\n');
    case 'bigquery':
      return [
        `CREATE TABLE IF NOT EXISTS ${name} (`,
        [...definitions, `  PRIMARY KEY (${key}) NOT ENFORCED`].join(',\n'),
        ')',
        'PARTITION BY DATE(received_at)',
        'CLUSTER BY event_name',
      ].join('\n');
    default:
      return [
        `CREATE TABLE IF NOT EXISTS ${name} (`,
        [...definitions, `  PRIMARY KEY (${key})`].join(',\n'),
        ')',
      ].join('\n');
  }
}

/** `name TYPE [NOT NULL]` for one top-level column. */
export function columnDefinition(dialect: WarehouseDialect, column: Column): string {
  const name = quoteColumnName(dialect, column.name);
  const isRequired = column.isRequired === true;
  if (dialect === 'clickhouse') {
    return `${name} ${clickHouseColumnType(column.type, isRequired)}`;
  }
  // BigQuery cannot mark an ARRAY NOT NULL: an empty array is its null.
  const notNull = isRequired && column.type.kind !== 'array' ? ' NOT NULL' : '';
  return `${name} ${renderColumnType(dialect, column.type)}${notNull}`;
}
