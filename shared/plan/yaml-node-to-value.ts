import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { appendPointer } from './json-pointer.js';
import type { PlanPositions } from './plan-positions.js';

/** Why a node could not become a value, with the pointer of the node that failed. */
export interface ConversionProblem {
  pointer: string;
  message: string;
  hint: string;
  isFatal: boolean;
}

interface ConversionState {
  document: Document;
  lineCounter: LineCounter;
  positions: PlanPositions;
  problems: ConversionProblem[];
  inProgress: Set<Node>;
  nodeBudget: number;
}

// A plan is a few hundred events at most. These bounds stop alias bombs (`&a [*a, *a, …]`
// nested ten deep expands to billions of nodes) and stack exhaustion on hostile input.
const maxNodes = 200_000;
const maxDepth = 128;

/**
 * Plain JavaScript data from a parsed YAML (or JSON) document, recording where every value and
 * key starts. Aliases are expanded into copies. `__proto__` keys are dropped, so the result
 * can never alter an object prototype.
 */
export function yamlNodeToValue(
  document: Document,
  lineCounter: LineCounter,
  positions: PlanPositions,
): { value: unknown; problems: ConversionProblem[] } {
  const state: ConversionState = {
    document,
    lineCounter,
    positions,
    problems: [],
    inProgress: new Set(),
    nodeBudget: maxNodes,
  };
  const value = convert(document.contents as Node | null, '', 0, state);
  return { value, problems: state.problems };
}

function convert(
  node: Node | null,
  pointer: string,
  depth: number,
  state: ConversionState,
): unknown {
  if (node === null || node === undefined) return null;
  if (state.nodeBudget-- <= 0)
    return fail(state, pointer, 'The plan has too many values.', budgetHint);
  if (depth > maxDepth) return fail(state, pointer, 'The plan nests too deeply.', depthHint);

  if (node.range && !state.positions.values.has(pointer)) {
    state.positions.values.set(pointer, position(state, node.range[0]));
  }
  if (isAlias(node)) return convertAlias(node, pointer, depth, state);
  if (isScalar(node)) return convertScalar(node.value, pointer, state);
  if (isMap(node)) return convertMap(node.items, pointer, depth, state);
  if (isSeq(node)) {
    return node.items.map((item, index) =>
      convert(item as Node | null, appendPointer(pointer, index), depth + 1, state),
    );
  }
  return null;
}

function convertAlias(
  node: Node & { resolve(document: Document): Node | undefined },
  pointer: string,
  depth: number,
  state: ConversionState,
): unknown {
  const source = node.resolve(state.document);
  if (!source) return fail(state, pointer, 'This alias names no anchor.', aliasHint);
  if (state.inProgress.has(source)) {
    return fail(state, pointer, 'This alias refers to a value that contains it.', aliasHint);
  }
  state.inProgress.add(source);
  const value = convert(source, pointer, depth + 1, state);
  state.inProgress.delete(source);
  return value;
}

function convertScalar(value: unknown, pointer: string, state: ConversionState): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  state.problems.push({
    pointer,
    message: 'This value has a YAML type a plan cannot use (binary data, a set or a timestamp).',
    hint: 'Write it as a plain string, number, boolean or null.',
    isFatal: false,
  });
  return null;
}

function convertMap(
  pairs: Array<{ key: unknown; value: unknown }>,
  pointer: string,
  depth: number,
  state: ConversionState,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const merged: unknown[] = [];
  for (const pair of pairs) {
    const keyNode = pair.key as Node | null;
    const key = keyText(keyNode);
    if (key === null) {
      fail(state, pointer, 'A map key here is a list or a map.', complexKeyHint);
      continue;
    }
    const childPointer = appendPointer(pointer, key);
    if (keyNode?.range) state.positions.keys.set(childPointer, position(state, keyNode.range[0]));
    if (key === '__proto__') {
      state.problems.push({ pointer: childPointer, ...protoKeyProblem, isFatal: false });
      continue;
    }
    const value = convert(pair.value as Node | null, childPointer, depth + 1, state);
    if (isMergeKey(keyNode)) merged.push(value);
    else result[key] = value;
  }
  for (const source of merged) mergeInto(result, source, pointer, state);
  return result;
}

// YAML merge keys (`<<: *shared`) copy a map's entries; keys written in the map itself win.
function isMergeKey(node: Node | null): boolean {
  return node !== null && isScalar(node) && node.value === '<<' && node.type === 'PLAIN';
}

function mergeInto(
  result: Record<string, unknown>,
  source: unknown,
  pointer: string,
  state: ConversionState,
): void {
  const sources = Array.isArray(source) ? source : [source];
  for (const entry of sources) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fail(
        state,
        appendPointer(pointer, '<<'),
        'A merge key (<<) must name a map.',
        'Write "<<: *anchor" where the anchor is a map.',
      );
      continue;
    }
    for (const [key, value] of Object.entries(entry))
      if (!Object.hasOwn(result, key)) result[key] = value;
  }
}

function keyText(node: Node | null): string | null {
  if (node === null || node === undefined) return '';
  if (isScalar(node)) return node.value === null ? '' : String(node.value);
  return null;
}

function position(state: ConversionState, offset: number) {
  const { line, col } = state.lineCounter.linePos(offset);
  return { line, column: col };
}

function fail(state: ConversionState, pointer: string, message: string, hint: string): null {
  state.problems.push({ pointer, message, hint, isFatal: true });
  return null;
}

const budgetHint = `Split the plan: it may hold at most ${maxNodes} values after aliases expand.`;
const depthHint = `Flatten the schema: plans may nest at most ${maxDepth} levels.`;
const aliasHint = 'Point the alias (*name) at an anchor (&name) defined earlier, outside itself.';
const complexKeyHint = 'Use a plain string as the key.';
const protoKeyProblem = {
  message: 'The key "__proto__" is ignored.',
  hint: 'Rename the key: "__proto__" cannot name an event, a property or a setting.',
};
