import { setEntry } from '../../../shared/text/set-entry.js';
import type { ApiDefinition } from '../contract.js';
import { isPlainObject } from './copy-host-value.js';
import { gtmString } from './gtm-conversions.js';

/**
 * `makeTableMap(rows, keyColumn, valueColumn)`: turns the rows of a SIMPLE_TABLE field into an
 * object from each row's key column to its value column (later rows win). Null when `rows` is
 * not an array or a column name is not a string; rows without the key are skipped.
 */
export const makeTableMapApi: ApiDefinition = {
  name: 'makeTableMap',
  contexts: ['web', 'server'],
  create: () => (rows, keyColumn, valueColumn) => {
    if (!Array.isArray(rows) || typeof keyColumn !== 'string' || typeof valueColumn !== 'string')
      return null;
    const table: Record<string, unknown> = {};
    for (const row of rows) {
      if (!isPlainObject(row) || !Object.hasOwn(row, keyColumn)) continue;
      const key = row[keyColumn];
      if (key === undefined || key === null) continue;
      setEntry(
        table,
        gtmString(key),
        Object.hasOwn(row, valueColumn) ? row[valueColumn] : undefined,
      );
    }
    return table;
  },
};
