/**
 * A small type language for the mirror row's columns, from which every engine's DDL, the
 * BigQuery JSON schema and the loaders' row shapes are derived: one description, so the
 * dialects cannot drift apart.
 */
export type ColumnType =
  | { kind: 'string' }
  | { kind: 'int64' }
  | { kind: 'float64' }
  | { kind: 'bool' }
  | { kind: 'timestamp' }
  /** Free-form JSON (the decoder's consent object): a JSON type where the engine has one. */
  | { kind: 'json' }
  | { kind: 'struct'; fields: readonly Column[] }
  | { kind: 'array'; of: ColumnType };

export interface Column {
  name: string;
  type: ColumnType;
  /** One line for the BigQuery schema's `description` and for readers of the DDL. */
  description?: string;
  /** Never null: NOT NULL in SQL, REQUIRED in the BigQuery schema. */
  isRequired?: boolean;
}

export const text: ColumnType = { kind: 'string' };
export const int64: ColumnType = { kind: 'int64' };
export const float64: ColumnType = { kind: 'float64' };
export const bool: ColumnType = { kind: 'bool' };
export const timestamp: ColumnType = { kind: 'timestamp' };
export const json: ColumnType = { kind: 'json' };

export function struct(fields: readonly Column[]): ColumnType {
  return { kind: 'struct', fields };
}

export function arrayOf(of: ColumnType): ColumnType {
  return { kind: 'array', of };
}

/** A column, with a description when one helps. */
export function column(name: string, type: ColumnType, description?: string): Column {
  return description === undefined ? { name, type } : { name, type, description };
}

/** The same column, never null. */
export function required(definition: Column): Column {
  return { ...definition, isRequired: true };
}

/** Columns that are all text, for the many all-string structs of the export. */
export function textColumns(names: readonly string[]): Column[] {
  return names.map((name) => column(name, text));
}

/** True for structs and arrays: the types that some engines can only hold as JSON. */
export function isNested(type: ColumnType): boolean {
  return type.kind === 'struct' || type.kind === 'array' || type.kind === 'json';
}
