import { splitPointer, appendPointer } from '../../../shared/plan/json-pointer.js';

/** Pointers to mark in a JSON view: the ones given, and every ancestor as "contains a mark". */
export interface PathHighlights {
  marked: ReadonlySet<string>;
  containing: ReadonlySet<string>;
}

/**
 * Violation paths (JSON Pointers into the checked properties) as what a JSON view marks:
 * the node itself, and each object or array on the way to it, so a reader can follow the
 * trail down to the offending value. `''` marks nothing: it is the whole event.
 */
export function highlightPaths(pointers: readonly string[]): PathHighlights {
  const marked = new Set<string>();
  const containing = new Set<string>();
  for (const pointer of pointers) {
    if (pointer === '') continue;
    marked.add(pointer);
    let ancestor = '';
    const tokens = splitPointer(pointer);
    for (const token of tokens.slice(0, -1)) {
      containing.add(ancestor);
      ancestor = appendPointer(ancestor, token);
    }
    containing.add(ancestor);
  }
  return { marked, containing };
}
