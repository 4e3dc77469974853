/**
 * A text that is equal for deeply equal data, whatever the key order: used to compare event
 * payloads and `uniqueBy` values. Cycles and very deep values are cut off.
 */
export function stableKey(value: unknown, depth = 0): string {
  if (depth > 32) return '…';
  if (value === undefined) return 'u';
  if (value === null || typeof value === 'boolean' || typeof value === 'number')
    return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return `[${value.map((item) => stableKey(item, depth + 1)).join(',')}]`;
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableKey(record[key], depth + 1)}`).join(',')}}`;
}
