import type { ColumnType } from '../column-types.js';
import { quoteColumnName, type WarehouseDialect } from './warehouse-dialect.js';

/**
 * A column type in the dialect's SQL. Nesting per engine:
 * - BigQuery and DuckDB have STRUCT and ARRAY: the export's nesting is kept exactly.
 * - ClickHouse has Tuple and Array: kept too; tuples cannot be Nullable there, so a null record
 *   is stored as a tuple of nulls, and the consent JSON as String text.
 * - PostgreSQL has no anonymous struct type: nested columns are JSONB, which keeps the shape and
 *   is what `->`/`jsonb_array_elements` queries read.
 * - Snowflake: structs are OBJECT, arrays ARRAY, JSON is VARIANT (its semi-structured types).
 */
export function renderColumnType(dialect: WarehouseDialect, type: ColumnType): string {
  switch (dialect) {
    case 'bigquery':
      return bigQueryType(type);
    case 'duckdb':
      return duckDbType(type);
    case 'postgres':
      return postgresType(type);
    case 'clickhouse':
      return clickHouseType(type, true);
    case 'snowflake':
      return snowflakeType(type);
  }
}

const BIGQUERY_SCALARS = {
  string: 'STRING',
  int64: 'INT64',
  float64: 'FLOAT64',
  bool: 'BOOL',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
};

function bigQueryType(type: ColumnType): string {
  if (type.kind === 'struct') {
    const fields = type.fields.map((field) => `${field.name} ${bigQueryType(field.type)}`);
    return `STRUCT<${fields.join(', ')}>`;
  }
  return type.kind === 'array' ? `ARRAY<${bigQueryType(type.of)}>` : BIGQUERY_SCALARS[type.kind];
}

const DUCKDB_SCALARS = {
  string: 'VARCHAR',
  int64: 'BIGINT',
  float64: 'DOUBLE',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
};

function duckDbType(type: ColumnType): string {
  if (type.kind === 'struct') {
    const fields = type.fields.map(
      (field) => `${quoteColumnName('duckdb', field.name)} ${duckDbType(field.type)}`,
    );
    return `STRUCT(${fields.join(', ')})`;
  }
  return type.kind === 'array' ? `${duckDbType(type.of)}[]` : DUCKDB_SCALARS[type.kind];
}

const POSTGRES_SCALARS = {
  string: 'TEXT',
  int64: 'BIGINT',
  float64: 'DOUBLE PRECISION',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
  json: 'JSONB',
};

function postgresType(type: ColumnType): string {
  return type.kind === 'struct' || type.kind === 'array' ? 'JSONB' : POSTGRES_SCALARS[type.kind];
}

const CLICKHOUSE_SCALARS = {
  string: 'String',
  int64: 'Int64',
  float64: 'Float64',
  bool: 'Bool',
  timestamp: "DateTime64(6, 'UTC')",
  json: 'String',
};

function clickHouseType(type: ColumnType, isNullable: boolean): string {
  if (type.kind === 'struct') {
    const fields = type.fields.map((field) => `${field.name} ${clickHouseType(field.type, true)}`);
    return `Tuple(${fields.join(', ')})`;
  }
  if (type.kind === 'array') {
    return `Array(${clickHouseType(type.of, false)})`;
  }
  const scalar = CLICKHOUSE_SCALARS[type.kind];
  return isNullable ? `Nullable(${scalar})` : scalar;
}

/** ClickHouse type of a top-level column: required ones are not Nullable. */
export function clickHouseColumnType(type: ColumnType, isRequired: boolean): string {
  return clickHouseType(type, !isRequired);
}

const SNOWFLAKE_SCALARS = {
  string: 'VARCHAR',
  int64: 'NUMBER(19, 0)',
  float64: 'FLOAT',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP_TZ',
  json: 'VARIANT',
};

function snowflakeType(type: ColumnType): string {
  if (type.kind === 'struct') {
    return 'OBJECT';
  }
  return type.kind === 'array' ? 'ARRAY' : SNOWFLAKE_SCALARS[type.kind];
}
