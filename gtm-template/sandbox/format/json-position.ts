import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { lineOfOffset } from '../../../shared/capture/line-of-offset.js';

/**
 * The 1-based line and column where the value at `path` starts in JSON `text` (for a key of an
 * object, where its property starts). Falls back to the nearest ancestor that exists, then to
 * the start of the text.
 */
export function jsonPosition(
  text: string,
  path: ReadonlyArray<string | number>,
): { line: number; column: number } {
  const root = parseTree(text);
  if (!root) return { line: 1, column: 1 };
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, path.slice(0, length));
    if (!node) continue;
    const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return lineOfOffset(text, start);
  }
  return lineOfOffset(text, root.offset);
}
