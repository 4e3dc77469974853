/**
 * The mirror row: GA4's BigQuery export row plus the mirror's own fields, the mappings that
 * produce it from decoded hits and from server-side GTM event data, and the DDL that stores it
 * in BigQuery, DuckDB, PostgreSQL, ClickHouse and Snowflake.
 */
export type * from './mirror-row.js';
export { MIRROR_SOURCES } from './mirror-row.js';
export type { Column, ColumnType } from './column-types.js';
export { MIRROR_COLUMNS, MIRROR_KEY_COLUMN, MIRROR_SCHEMA_VERSION } from './mirror-columns.js';
export { ga4EventToMirrorRow } from './ga4-event-to-mirror-row.js';
export { eventDataToMirrorRow } from './event-data-to-mirror-row.js';
export { readMirrorRow, type MirrorRowReading } from './read-mirror-row.js';
export { toParamCell } from './to-param-cell.js';
export { hashIdentity } from './hash-identity.js';
export { bigQuerySchema, type BigQueryField } from './ddl/bigquery-schema.js';
export { createMirrorTableSql } from './ddl/create-mirror-table-sql.js';
export { createMirrorViewsSql } from './ddl/create-mirror-views-sql.js';
export { mirrorDdl } from './ddl/mirror-ddl.js';
export {
  duckDbInsertSql,
  duckDbJsonStructure,
  postgresInsertSql,
} from './ddl/mirror-insert-sql.js';
export {
  WAREHOUSE_DIALECTS,
  quoteTableName,
  type WarehouseDialect,
} from './ddl/warehouse-dialect.js';
