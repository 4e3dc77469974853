import type { GtmParameter } from './container-types.js';
import { asParameterList, findParameter, parameterText } from './find-parameter.js';

/** One row of a GTM table parameter: a name and the text of its value. */
export interface ParameterRow {
  name: string;
  value: string;
}

/**
 * The rows of a table parameter (a LIST of MAPs), e.g. a GA4 tag's `eventSettingsTable` with
 * columns `parameter` / `parameterValue`. Rows without a name are skipped; a row without a
 * value keeps an empty one, as GTM sends it.
 */
export function readParameterRows(
  parameters: unknown,
  key: string,
  nameKey: string,
  valueKey: string,
): ParameterRow[] {
  const table = findParameter(parameters, key);
  return rowsOfList(table, nameKey, valueKey);
}

/** The rows of a LIST parameter already found. */
export function rowsOfList(
  table: GtmParameter | undefined,
  nameKey: string,
  valueKey: string,
): ParameterRow[] {
  const rows: ParameterRow[] = [];
  for (const item of asParameterList(table?.list)) {
    const name = parameterText(item.map, nameKey);
    if (name === undefined || name === '') continue;
    rows.push({ name, value: parameterText(item.map, valueKey) ?? '' });
  }
  return rows;
}
