import { checkedFormats } from '../json-schema-keywords.js';
import { putEntry, isRecord } from './plain-data.js';

/** Reports a keyword value the repair changed or dropped. */
export type KeywordWarning = (message: string, hint?: string) => void;

// Single keyword values of a schema from another tool, read or dropped (see repair-schema.ts).

export function repairNumber(
  keyword: string,
  value: unknown,
  node: Record<string, unknown>,
  result: Record<string, unknown>,
  warn: KeywordWarning,
): void {
  const bound = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
  if (typeof value === 'boolean' && keyword.startsWith('exclusive')) {
    // Draft-04: a boolean that makes `minimum`/`maximum` exclusive.
    if (value && typeof node[bound] === 'number') putEntry(result, keyword, node[bound]);
    return;
  }
  if ((keyword === 'minimum' || keyword === 'maximum') && isExclusiveFlag(node, keyword)) return;
  const number = numberOf(value);
  if (number === undefined || (keyword === 'multipleOf' && number <= 0))
    return warn(`"${keyword}" is not a usable number, so it was dropped.`);
  if (typeof value !== 'number') warn(`"${keyword}" was written as text; it is read as ${number}.`);
  putEntry(result, keyword, number);
}

function isExclusiveFlag(node: Record<string, unknown>, keyword: string): boolean {
  const flag = keyword === 'minimum' ? node['exclusiveMinimum'] : node['exclusiveMaximum'];
  return flag === true;
}

export function repairCount(value: unknown, warn: KeywordWarning): number | undefined {
  const number = numberOf(value);
  if (number === undefined || !Number.isInteger(number) || number < 0) {
    warn('This count is not a whole number of 0 or more, so it was dropped.');
    return undefined;
  }
  return number;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function repairRequired(value: unknown, warn: KeywordWarning): string[] | undefined {
  if (typeof value === 'boolean') return undefined;
  if (!Array.isArray(value)) {
    warn('"required" is not a list of names, so it was dropped.');
    return undefined;
  }
  const names = value.filter((name): name is string => typeof name === 'string');
  if (names.length < value.length) warn('"required" holds entries that are not names; dropped.');
  return [...new Set(names)];
}

export function repairDependentRequired(
  value: unknown,
  warn: KeywordWarning,
): Record<string, string[]> | undefined {
  if (!isRecord(value)) {
    warn('"dependentRequired" is not a map, so it was dropped.');
    return undefined;
  }
  const result: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(value)) {
    if (Array.isArray(list) && list.every((entry) => typeof entry === 'string'))
      putEntry(result, name, [...list]);
  }
  return result;
}

export function repairPattern(value: unknown, warn: KeywordWarning): string | undefined {
  if (typeof value !== 'string') {
    warn('"pattern" is not text, so it was dropped.');
    return undefined;
  }
  try {
    new RegExp(value, 'u');
    return value;
  } catch {
    warn(
      `The pattern ${JSON.stringify(value)} is not a valid unicode regular expression, so it was dropped.`,
      'Escape only special characters (write "-" not "\\-" outside brackets) and add the pattern again.',
    );
    return undefined;
  }
}

export function repairFormat(value: unknown, warn: KeywordWarning): string | undefined {
  if (typeof value === 'string' && checkedFormats.has(value)) return value;
  warn(
    `The format ${JSON.stringify(value)} is not one tagwarden checks, so it was dropped.`,
    `Use "pattern", or one of: ${[...checkedFormats].join(', ')}.`,
  );
  return undefined;
}
