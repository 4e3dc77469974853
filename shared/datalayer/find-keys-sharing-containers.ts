import { isPlainObject } from './is-plain-object.js';
import type { DataLayerModel } from './replay-types.js';
import { TRANSPORT_LIMITS } from './transport-limits.js';
import { valueTypeName } from './value-type-name.js';

interface Visit {
  value: unknown;
  depth: number;
}

/**
 * Groups the model's top-level keys whose values reach one same array, plain object or
 * `Arguments` object (a function push can do `this.set('b', {_clear: true, x: this.get('a')})`).
 * A change under one key of a group can then show under the others, so their snapshots must
 * be redone together. Returns each grouped key with its whole group; lone keys are absent.
 */
export function findKeysSharingContainers(model: DataLayerModel): Map<string, string[]> {
  const ownerOf = new Map<object, string>();
  const groupOf = new Map<string, Set<string>>();

  for (const key of Object.keys(model)) {
    const pending: Visit[] = [{ value: model[key], depth: 0 }];
    for (let visit = pending.pop(); visit; visit = pending.pop()) {
      if (!isWalkable(visit.value) || visit.depth >= TRANSPORT_LIMITS.maxDepth) continue;

      const owner = ownerOf.get(visit.value);
      if (owner !== undefined) {
        if (owner !== key) joinGroups(groupOf, owner, key);
        continue;
      }
      ownerOf.set(visit.value, key);
      for (const child of childrenOf(visit.value))
        pending.push({ value: child, depth: visit.depth + 1 });
    }
  }
  return new Map([...groupOf].map(([key, group]) => [key, [...group]]));
}

function isWalkable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const typeName = valueTypeName(value);
  return typeName === 'array' || typeName === 'arguments' || isPlainObject(value);
}

function childrenOf(container: object): unknown[] {
  try {
    return Object.keys(container).map((key) => (container as Record<string, unknown>)[key]);
  } catch {
    return [];
  }
}

function joinGroups(groupOf: Map<string, Set<string>>, first: string, second: string): void {
  const merged = new Set([
    ...(groupOf.get(first) ?? [first]),
    ...(groupOf.get(second) ?? [second]),
  ]);
  for (const key of merged) groupOf.set(key, merged);
}
