import { splitPointer } from './json-pointer.js';

/**
 * The value a local `$ref` (`#`, `#/$defs/item`, `#anchor`) points to inside `root`, or
 * `undefined` when it points nowhere. Only own properties are followed, so `#/constructor`
 * resolves nowhere instead of to `Object`.
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const fragment = safeDecode(ref.slice(1));
  if (fragment === null) return undefined;
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return findAnchor(root, fragment, 0);
  return followPointer(root, splitPointer(fragment));
}

/** The value at a list of pointer tokens below `root`, or `undefined`. */
export function followPointer(root: unknown, tokens: string[]): unknown {
  let current: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (isRecord(current) && Object.hasOwn(current, token)) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

function findAnchor(node: unknown, anchor: string, depth: number): unknown {
  if (depth > 128 || node === null || typeof node !== 'object') return undefined;
  if (!Array.isArray(node) && (node as Record<string, unknown>)['$anchor'] === anchor) return node;
  for (const child of Object.values(node)) {
    const found = findAnchor(child, anchor, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
