import { isJsonObject } from './is-json-object.js';

// GTM writes a variable reference as {{Name}} inside any text value; names never hold braces.
const REFERENCE = /\{\{([^{}]+)\}\}/g;

// Hostile exports can nest deeper than any real one; a walk stops here instead of overflowing.
const MAX_DEPTH = 64;

/** The variable names a text refers to as `{{Name}}`, in order (repeats kept). */
export function findVariableReferences(text: string): string[] {
  return Array.from(text.matchAll(REFERENCE), (match) => match[1] ?? '');
}

/** Adds every `{{Name}}` found in any text inside a JSON value (objects, lists) to `into`. */
export function collectVariableReferences(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    for (const name of findVariableReferences(value)) into.add(name);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectVariableReferences(item, into, depth + 1);
    return;
  }
  if (!isJsonObject(value)) return;
  for (const key of Object.keys(value)) collectVariableReferences(value[key], into, depth + 1);
}
