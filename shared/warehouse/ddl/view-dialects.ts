import type { WarehouseDialect } from './warehouse-dialect.js';

/** The SQL type a flattened value is read as. */
export type FlatType = 'text' | 'int' | 'double';

/** How one engine reads nested mirror data: the pieces the flattening views are built from. */
export interface ViewDialect {
  /** A value at `path` inside a column of the events row `e` (`['device', 'category']`). */
  column(path: readonly string[], type: FlatType): string;
  /** A value at `path` inside the unnested element `alias`. */
  element(alias: string, path: readonly string[], type: FlatType): string;
  /** What follows `FROM <table> AS e` to get one row per element of an array column. */
  unnest(column: string, alias: string): string;
  /** The `value` of the array entry whose `key` is `key` (`event_params`, `user_properties`). */
  lookup(column: string, key: string, path: readonly string[], type: FlatType): string;
  /** COALESCE with the engine's spelling. */
  coalesce(expressions: readonly string[]): string;
}

const STANDARD_CASTS: Record<FlatType, string> = {
  text: 'VARCHAR',
  int: 'BIGINT',
  double: 'DOUBLE',
};

/** DuckDB and BigQuery both have structs with dotted access and correlated UNNEST. */
function structDialect(casts: Record<FlatType, string>, unnestAlias: boolean): ViewDialect {
  const dotted = (root: string, path: readonly string[]): string => [root, ...path].join('.');
  return {
    column: (path) => dotted('e', path),
    element: (alias, path) => dotted(alias, path),
    unnest: (column, alias) =>
      unnestAlias
        ? `, unnest(e.${column}) AS ${alias}_list(${alias})`
        : ` CROSS JOIN UNNEST(e.${column}) AS ${alias}`,
    lookup: (column, key, path, type) => {
      const source = unnestAlias ? `unnest(e.${column}) AS x_list(x)` : `UNNEST(e.${column}) AS x`;
      const value = dotted('x', path);
      const read = type === 'double' ? `CAST(${value} AS ${casts.double})` : value;
      return `(SELECT ${read} FROM ${source} WHERE x.key = ${literal(key)} LIMIT 1)`;
    },
    coalesce: (expressions) => `COALESCE(${expressions.join(', ')})`,
  };
}

const PG_CASTS: Record<FlatType, string> = {
  text: 'text',
  int: 'bigint',
  double: 'double precision',
};

function jsonPath(root: string, path: readonly string[], type: FlatType): string {
  const parents = path.slice(0, -1).map((part) => `->${literal(part)}`);
  const last = path[path.length - 1] ?? '';
  const text = path.length === 0 ? root : `${root}${parents.join('')}->>${literal(last)}`;
  return type === 'text' ? text : `(${text})::${PG_CASTS[type]}`;
}

const postgres: ViewDialect = {
  column: (path, type) =>
    path.length === 1 ? `e.${path[0] ?? ''}` : jsonPath(`e.${path[0] ?? ''}`, path.slice(1), type),
  element: (alias, path, type) => jsonPath(alias, path, type),
  unnest: (column, alias) =>
    ` CROSS JOIN LATERAL jsonb_array_elements(COALESCE(e.${column}, '[]'::jsonb)) AS ${alias}`,
  lookup: (column, key, path, type) =>
    `(SELECT ${jsonPath('x', path, type)} FROM jsonb_array_elements(e.${column}) AS x ` +
    `WHERE x->>'key' = ${literal(key)} LIMIT 1)`,
  coalesce: (expressions) => `COALESCE(${expressions.join(', ')})`,
};

function tuplePath(root: string, path: readonly string[]): string {
  return path.reduce((expression, part) => `tupleElement(${expression}, ${literal(part)})`, root);
}

const clickhouse: ViewDialect = {
  column: (path) =>
    path.length === 1 ? `e.${path[0] ?? ''}` : tuplePath(`e.${path[0] ?? ''}`, path.slice(1)),
  element: (alias, path) => tuplePath(alias, path),
  unnest: (column, alias) => ` ARRAY JOIN e.${column} AS ${alias}`,
  lookup: (column, key, path) =>
    tuplePath(`arrayFirst(x -> tupleElement(x, 'key') = ${literal(key)}, e.${column})`, path),
  coalesce: (expressions) => `coalesce(${expressions.join(', ')})`,
};

const SNOWFLAKE_CASTS: Record<FlatType, string> = {
  text: 'VARCHAR',
  int: 'NUMBER',
  double: 'FLOAT',
};

const snowflake: ViewDialect = {
  column: (path, type) =>
    path.length === 1 ? `e.${path[0] ?? ''}` : `e.${path.join(':')}::${SNOWFLAKE_CASTS[type]}`,
  element: (alias, path, type) => `${alias}.value:${path.join(':')}::${SNOWFLAKE_CASTS[type]}`,
  unnest: (column, alias) => `, LATERAL FLATTEN(input => e.${column}) AS ${alias}`,
  lookup: (column, key, path, type) =>
    `GET(FILTER(e.${column}, x -> x:key::VARCHAR = ${literal(key)}), 0):` +
    `${path.join(':')}::${SNOWFLAKE_CASTS[type]}`,
  coalesce: (expressions) => `COALESCE(${expressions.join(', ')})`,
};

const VIEW_DIALECTS: Record<WarehouseDialect, ViewDialect> = {
  duckdb: structDialect(STANDARD_CASTS, true),
  bigquery: structDialect({ text: 'STRING', int: 'INT64', double: 'FLOAT64' }, false),
  postgres,
  clickhouse,
  snowflake,
};

export function viewDialect(dialect: WarehouseDialect): ViewDialect {
  return VIEW_DIALECTS[dialect];
}

/** A SQL string literal; only fixed names from this module reach it. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
