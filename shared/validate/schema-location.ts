import type { JsonSchema } from '../plan/plan-types.js';
import { followPointer, resolveLocalRef } from '../plan/resolve-local-ref.js';
import { unescapePointerToken } from '../plan/json-pointer.js';

/**
 * The tokens of a cfworker location (`#/properties/items/0`), whose tokens are JSON Pointer
 * escaped and then percent-encoded.
 */
export function locationTokens(location: string): string[] {
  const body = location.startsWith('#') ? location.slice(1) : location;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((token) => unescapePointerToken(safeDecode(token)));
}

/** The value inside the validated instance at a cfworker instance location. */
export function instanceAt(instance: unknown, location: string): unknown {
  return followPointer(instance, locationTokens(location));
}

/**
 * The schema object holding the keyword at a cfworker keyword location. Locations pass
 * through `$ref`s (`#/properties/items/items/$ref/anyOf/0/required`), so a `$ref` token is
 * followed to its target.
 */
export function schemaHolding(
  root: JsonSchema,
  keywordLocation: string,
): Record<string, unknown> | undefined {
  const tokens = locationTokens(keywordLocation).slice(0, -1);
  let current: unknown = root;
  for (const token of tokens) {
    if (token === '$ref' && isRecord(current) && typeof current['$ref'] === 'string') {
      current = resolveLocalRef(root, current['$ref']);
    } else {
      current = followPointer(current, [token]);
    }
    if (current === undefined) return undefined;
  }
  return isRecord(current) ? current : undefined;
}

// Tokens without an escape decode to themselves: most tokens are keywords and property names.
function safeDecode(token: string): string {
  if (!token.includes('%')) return token;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
