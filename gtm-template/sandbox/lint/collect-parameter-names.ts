/** One field definition found in `___TEMPLATE_PARAMETERS___`, with its JSON path. */
export interface FieldAt {
  field: Record<string, unknown>;
  path: Array<string | number>;
  /** 'data' for fields that become keys of `data`; the table's name for table columns. */
  scope: string;
}

// GROUP and LABEL names produce no key of `data` (reference §1.3).
const keyless = new Set(['GROUP', 'LABEL']);

/**
 * Every field of a parameters list, depth first: nested `subParams` (of GROUP, SELECT, CHECKBOX
 * and RADIO items) become top-level keys of `data` (reference §1.3); SIMPLE_TABLE and
 * PARAM_TABLE columns become keys of each row of their table instead.
 */
export function collectFields(parameters: readonly unknown[]): FieldAt[] {
  const fields: FieldAt[] = [];
  const visit = (list: unknown, path: Array<string | number>, scope: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item: unknown, index) => {
      if (!isRecord(item)) return;
      const at = [...path, index];
      fields.push({ field: item, path: at, scope });
      visit(item['subParams'], [...at, 'subParams'], scope);
      visitRadioItems(item['radioItems'], [...at, 'radioItems'], scope, visit);
      const tableName = typeof item['name'] === 'string' ? item['name'] : '';
      visit(item['simpleTableColumns'], [...at, 'simpleTableColumns'], `table:${tableName}`);
      visitParamColumns(item['paramTableColumns'], [...at, 'paramTableColumns'], tableName, fields);
    });
  };
  visit(parameters, [], 'data');
  return fields;
}

function visitRadioItems(
  items: unknown,
  path: Array<string | number>,
  scope: string,
  visit: (list: unknown, path: Array<string | number>, scope: string) => void,
): void {
  if (!Array.isArray(items)) return;
  items.forEach((item: unknown, index) => {
    if (isRecord(item)) visit(item['subParams'], [...path, index, 'subParams'], scope);
  });
}

function visitParamColumns(
  columns: unknown,
  path: Array<string | number>,
  tableName: string,
  fields: FieldAt[],
): void {
  if (!Array.isArray(columns)) return;
  columns.forEach((column: unknown, index) => {
    if (isRecord(column) && isRecord(column['param'])) {
      fields.push({
        field: column['param'],
        path: [...path, index, 'param'],
        scope: `table:${tableName}`,
      });
    }
  });
}

/** The keys `data` will have: names of fields in the data scope, except GROUP and LABEL. */
export function dataKeys(fields: readonly FieldAt[]): Set<string> {
  const keys = new Set<string>();
  for (const { field, scope } of fields) {
    if (scope !== 'data' || keyless.has(String(field['type'])) || typeof field['name'] !== 'string')
      continue;
    keys.add(field['name']);
  }
  return keys;
}

/** Column name → the table it belongs to, for a better message when code reads `data.column`. */
export function tableColumns(fields: readonly FieldAt[]): Map<string, string> {
  const columns = new Map<string, string>();
  for (const { field, scope } of fields) {
    if (scope.startsWith('table:') && typeof field['name'] === 'string')
      columns.set(field['name'], scope.slice(6));
  }
  return columns;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
