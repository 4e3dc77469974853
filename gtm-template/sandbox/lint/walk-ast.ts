import type { AnyNode } from 'acorn';

/** Where a node sits: its parent and the parent's property that holds it. */
export interface NodeSlot {
  parent: AnyNode | undefined;
  key: string;
}

/**
 * Visits every node of an acorn tree depth-first, parents before children, telling the visitor
 * which parent property holds each node. Returning `false` skips the node's children.
 */
export function walkAst(
  root: AnyNode,
  visit: (node: AnyNode, slot: NodeSlot, ancestors: readonly AnyNode[]) => boolean | void,
): void {
  const ancestors: AnyNode[] = [];
  const step = (node: AnyNode, slot: NodeSlot): void => {
    if (visit(node, slot, ancestors) === false) return;
    ancestors.push(node);
    for (const [key, child] of childEntries(node)) step(child, { parent: node, key });
    ancestors.pop();
  };
  step(root, { parent: undefined, key: '' });
}

/** The direct child nodes of `node`, with the property each sits in, in source order. */
export function childEntries(node: AnyNode): Array<[string, AnyNode]> {
  const children: Array<[string, AnyNode]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push([key, item]);
    } else if (isNode(value)) {
      children.push([key, value]);
    }
  }
  return children.sort((left, right) => left[1].start - right[1].start);
}

function isNode(value: unknown): value is AnyNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { start?: unknown }).start === 'number'
  );
}
