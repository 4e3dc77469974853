import { isRecord } from './plain-data.js';

// Values under these keywords are data, not schemas: a "$ref" key inside them is no reference.
const dataKeywords = new Set(['enum', 'const', 'default', 'examples', 'example']);

/**
 * Calls `visit` on every schema object below `node` that holds a `$ref`, in place. `visit`
 * returns the new reference, or `undefined` to remove it.
 */
export function rewriteRefs(node: unknown, visit: (ref: string) => string | undefined): void {
  walk(node, visit, 0);
}

function walk(node: unknown, visit: (ref: string) => string | undefined, depth: number): void {
  if (depth > 256) return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit, depth + 1);
    return;
  }
  if (!isRecord(node)) return;
  if (typeof node['$ref'] === 'string') {
    const next = visit(node['$ref']);
    if (next === undefined) delete node['$ref'];
    else node['$ref'] = next;
  }
  for (const [key, child] of Object.entries(node)) {
    if (!dataKeywords.has(key)) walk(child, visit, depth + 1);
  }
}

/** Every `$ref` below `node`. */
export function collectRefs(node: unknown): string[] {
  const refs: string[] = [];
  rewriteRefs(node, (ref) => {
    refs.push(ref);
    return ref;
  });
  return refs;
}
