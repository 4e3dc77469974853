import { createMirrorTableSql } from './create-mirror-table-sql.js';
import { createMirrorViewsSql } from './create-mirror-views-sql.js';
import type { WarehouseDialect } from './warehouse-dialect.js';

/**
 * Every statement that sets up a mirror warehouse in one dialect, to run in order: the table,
 * then the flattening views. Each is idempotent (IF NOT EXISTS / OR REPLACE).
 */
export function mirrorDdl(dialect: WarehouseDialect, table = 'events'): string[] {
  return [createMirrorTableSql(dialect, table), ...createMirrorViewsSql(dialect, table)];
}
