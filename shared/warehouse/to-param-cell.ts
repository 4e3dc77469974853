import { cleanText } from './clean-text.js';
import type { ParamCell } from './mirror-row.js';

/**
 * A parameter value typed the way GA4's BigQuery export types it: text in `string_value`,
 * whole numbers in `int_value`, other numbers in `double_value`; `float_value` stays null, as
 * the export leaves it for web streams. Whole numbers beyond 2^53 cannot be held exactly and go
 * to `double_value`. Booleans become `'true'`/`'false'`, the text gtag sends for them; objects
 * and arrays are kept as JSON text. Returns null for null, undefined and non-finite numbers.
 */
export function toParamCell(value: unknown): ParamCell | null {
  switch (typeof value) {
    case 'string':
      return cell(cleanText(value), null, null);
    case 'number':
      if (!Number.isFinite(value)) {
        return null;
      }
      return Number.isSafeInteger(value) ? cell(null, value, null) : cell(null, null, value);
    case 'boolean':
      return cell(String(value), null, null);
    case 'bigint':
      return cell(value.toString(), null, null);
    case 'object':
      return value === null ? null : cell(cleanText(safeJson(value)), null, null);
    default:
      return null;
  }
}

function cell(text: string | null, integer: number | null, double: number | null): ParamCell {
  return { string_value: text, int_value: integer, float_value: null, double_value: double };
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[unserialisable value]';
  }
}
