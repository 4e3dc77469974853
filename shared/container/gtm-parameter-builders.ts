import type { GtmParameter } from './container-types.js';
import type { ParameterRow } from './read-parameter-rows.js';

/** A TEMPLATE parameter: text that may hold `{{…}}` references. */
export function textParameter(key: string, value: string): GtmParameter {
  return { type: 'TEMPLATE', key, value };
}

export function booleanParameter(key: string, value: boolean): GtmParameter {
  return { type: 'BOOLEAN', key, value: value ? 'true' : 'false' };
}

/** A table parameter: a LIST with one MAP per row, its two columns named as given. */
export function tableParameter(
  key: string,
  rows: ParameterRow[],
  nameKey: string,
  valueKey: string,
): GtmParameter {
  return {
    type: 'LIST',
    key,
    list: rows.map((row) => ({
      type: 'MAP',
      map: [textParameter(nameKey, row.name), textParameter(valueKey, row.value)],
    })),
  };
}
