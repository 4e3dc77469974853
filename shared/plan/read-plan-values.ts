import { didYouMean } from './closest-name.js';
import { appendPointer } from './json-pointer.js';
import type { PlanIssues } from './plan-issues.js';

/** Small typed readers for plan settings: each reports a wrong value and returns a fallback. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
  what: string,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  issues.error(
    pointer,
    `${what} must be text, not ${typeName(value)}.`,
    `Write ${what} as a quoted string.`,
  );
  return undefined;
}

export function readBoolean(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
  what: string,
  fallback: boolean,
): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  issues.error(
    pointer,
    `${what} must be true or false, not ${typeName(value)}.`,
    `Write "true" or "false" without quotes.`,
  );
  return fallback;
}

export function readStringList(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
  what: string,
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value];
  issues.error(pointer, `${what} must be a list of names.`, `Write ${what} as "[first, second]".`);
  return undefined;
}

export function readChoice<T extends string>(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
  what: string,
  choices: readonly T[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as T;
  const shown = typeof value === 'string' ? `"${value}"` : typeName(value);
  const guess = typeof value === 'string' ? didYouMean(value, choices) : '';
  issues.error(
    pointer,
    `${what} is ${shown}, which is not one of: ${choices.join(', ')}.`,
    `Use one of: ${choices.join(', ')}.${guess}`,
  );
  return undefined;
}

/** Warns about every key of `map` that is not in `known`, with a "did you mean" guess. */
export function warnUnknownKeys(
  map: Record<string, unknown>,
  known: readonly string[],
  pointer: string,
  issues: PlanIssues,
  where: string,
): void {
  for (const key of Object.keys(map)) {
    if (known.includes(key) || key.startsWith('x-')) continue;
    issues.warning(
      appendPointer(pointer, key),
      `"${key}" is not a setting of ${where}, so it is ignored.`,
      `Known settings: ${known.join(', ')}.${didYouMean(key, known)}`,
      'key',
    );
  }
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
