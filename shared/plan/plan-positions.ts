import type { SourcePosition } from './plan-types.js';

/** Where each value and each map key of a plan document starts, by JSON Pointer. */
export interface PlanPositions {
  values: Map<string, SourcePosition>;
  keys: Map<string, SourcePosition>;
}

const documentStart: SourcePosition = { line: 1, column: 1 };

export function createPlanPositions(): PlanPositions {
  return { values: new Map(), keys: new Map() };
}

/**
 * The position of the node at `pointer`, or of its nearest ancestor when the node itself
 * was not in the file (a default, or a key the plan left out).
 */
export function positionOf(
  positions: PlanPositions,
  pointer: string,
  place: 'key' | 'value' = 'value',
): SourcePosition {
  const preferred = place === 'key' ? positions.keys : positions.values;
  const exact = preferred.get(pointer) ?? positions.values.get(pointer);
  if (exact) return exact;

  let current = pointer;
  while (current !== '') {
    current = current.slice(0, current.lastIndexOf('/'));
    const found = positions.keys.get(current) ?? positions.values.get(current);
    if (found) return found;
  }
  return positions.values.get('') ?? documentStart;
}
