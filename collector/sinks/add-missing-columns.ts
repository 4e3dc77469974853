import { columnDefinition } from '../../shared/warehouse/ddl/create-mirror-table-sql.js';
import {
  quoteTableName,
  type WarehouseDialect,
} from '../../shared/warehouse/ddl/warehouse-dialect.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';

/**
 * The schema migration run at every start: columns a newer mirror row has and the table lacks
 * are added (nullable, so existing rows read as null). Columns are never dropped or retyped: a
 * change of that kind needs a new table and a copy, written as its own migration.
 */
export async function addMissingColumns(
  readColumnNames: () => Promise<string[]>,
  run: (sql: string) => Promise<void>,
  dialect: WarehouseDialect,
  table = 'events',
): Promise<string[]> {
  const existing = new Set(await readColumnNames());
  const missing = MIRROR_COLUMNS.filter((column) => !existing.has(column.name));
  for (const column of missing) {
    const definition = columnDefinition(dialect, { ...column, isRequired: false });
    await run(`ALTER TABLE ${quoteTableName(dialect, table)} ADD COLUMN ${definition}`);
  }
  return missing.map((column) => column.name);
}
