import type { Column, ColumnType } from '../column-types.js';
import { MIRROR_COLUMNS } from '../mirror-columns.js';

/** One field of a BigQuery table schema, as `bq mk --schema` and the API take it. */
export interface BigQueryField {
  name: string;
  type: 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON' | 'RECORD';
  mode: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  description?: string;
  fields?: BigQueryField[];
}

const LEGACY_NAMES = {
  string: 'STRING',
  int64: 'INTEGER',
  float64: 'FLOAT',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
} as const;

/**
 * The mirror table's BigQuery JSON schema, in the legacy type names GA4's own export schema uses
 * (`INTEGER`, `FLOAT`, `RECORD` with `REPEATED` for arrays), so both schemas diff cleanly.
 */
export function bigQuerySchema(columns: readonly Column[] = MIRROR_COLUMNS): BigQueryField[] {
  return columns.map(toField);
}

function toField(column: Column): BigQueryField {
  const isRepeated = column.type.kind === 'array';
  const inner: ColumnType = column.type.kind === 'array' ? column.type.of : column.type;
  const mode = isRepeated ? 'REPEATED' : column.isRequired === true ? 'REQUIRED' : 'NULLABLE';
  const field: BigQueryField = {
    name: column.name,
    type:
      inner.kind === 'struct'
        ? 'RECORD'
        : inner.kind === 'array'
          ? 'JSON'
          : LEGACY_NAMES[inner.kind],
    mode,
  };
  if (column.description !== undefined) {
    field.description = column.description;
  }
  if (inner.kind === 'struct') {
    field.fields = inner.fields.map(toField);
  }
  return field;
}
